// Why a special report's request was refused (issue 24; shared/rules/specialReportRequest.ts), with
// the values the refusal names. Gathered into errorMessages.ts's service field reasons.

export const SPECIAL_REPORT_REASONS: Record<string, (d: Record<string, unknown>) => { zh: string; en: string }> = {
  field_unknown: (d) => ({
    zh: `本机构的规则中没有“${String(d.value)}”这一领域，请从领域目录中选择。`,
    en: `“${String(d.value)}” is not a field in this office's catalogue; choose from the catalogue.`,
  }),
  date_invalid: (d) => ({
    zh: `“${String(d.date)}”不是有效的日期（应为 年-月-日，如 2026-01-31）。`,
    en: `“${String(d.date)}” is not a valid date (year-month-day, such as 2026-01-31).`,
  }),
  period_reversed: (d) => ({
    zh: `起始日期 ${String(d.from)} 晚于截止日期 ${String(d.to)}，请调换或更正。`,
    en: `The start ${String(d.from)} is after the end ${String(d.to)}; swap or correct them.`,
  }),
  period_future: (d) => ({
    zh: `截止日期 ${String(d.to)} 晚于今天（${String(d.today)}），报告只能查询已经过去的期间。`,
    en: `The end ${String(d.to)} is after today (${String(d.today)}); a report covers days that have passed.`,
  }),
  period_too_long: (d) => ({
    zh: `查询期间最长 ${String(d.maxMonths)} 个月：起始日期不能早于 ${String(d.earliest)}。`,
    en: `The period is at most ${String(d.maxMonths)} months: start no earlier than ${String(d.earliest)}.`,
  }),
};

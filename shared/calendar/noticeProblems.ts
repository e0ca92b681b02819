import type { Locale } from '../i18n/errorMessages';
import { STATUTORY_HOLIDAY_NAMES } from './holidayNames';

// What parseArrangementNotice says about a line it cannot take, in both languages the console
// speaks: the screen shows one, the command line prints both. Each sentence names the line, quotes
// what it read, and says what to do, so the person fixing the paste does not have to guess.

export type NoticeProblemReason =
  | 'unknown_holiday'
  | 'no_holiday_dates'
  | 'unreadable_dates'
  | 'bad_date'
  | 'weekday_mismatch'
  | 'count_mismatch'
  | 'other_year'
  | 'range_reversed'
  | 'conflict'
  | 'one_date_per_line'
  | 'notice_year'
  | 'nothing_found';

export interface NoticeProblemParams {
  line: number;
  year: number;
  /** The words of the line at fault, as read (e.g. "2月15日(周日)"). */
  fragment?: string;
  date?: string;
  /** Weekday numbers, 0 = Sunday. */
  claimed?: number;
  actual?: number;
  count?: number;
  days?: number;
  from?: string;
  to?: string;
  otherLine?: number;
  otherKind?: 'holiday' | 'workday';
  noticeYear?: number;
}

const WEEKDAY = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const HOLIDAY_NAMES = Object.keys(STATUTORY_HOLIDAY_NAMES).join('、');

type Sentences = Record<NoticeProblemReason, (p: NoticeProblemParams) => string>;

const ZH: Sentences = {
  unknown_holiday: (p) => `“${p.fragment}”不是法定节日的名称（${HOLIDAY_NAMES}）。`,
  no_holiday_dates: () => '没有读到放假日期：应写作通知中的样子，如“1月1日（周五）至3日（周日）放假”。',
  unreadable_dates: (p) => `无法读取“${p.fragment}”中的日期：放假日期应为一个日期，或“某日至某日”。`,
  bad_date: (p) => `“${p.fragment}”不是存在的日期。`,
  weekday_mismatch: (p) => `通知写 ${p.fragment} 是${WEEKDAY.zh[p.claimed!]}，但 ${p.date} 是${WEEKDAY.zh[p.actual!]}。请核对年份：这是否是另一年的通知？`,
  count_mismatch: (p) => `${p.from} 至 ${p.to} 是 ${p.days} 天，与通知所写“共${p.count}天”不符。`,
  other_year: (p) => `${p.date} 不在 ${p.year} 年内。`,
  range_reversed: (p) => `${p.to} 早于 ${p.from}：日期范围前后颠倒。`,
  conflict: (p) => `${p.date} 已在第 ${p.otherLine} 行列为${p.otherKind === 'holiday' ? '放假' : '上班'}，同一天不能既放假又上班。`,
  one_date_per_line: () => '每行只写一个日期，如“2027-02-05 春节”：放假期间请逐日列出，或直接粘贴通知原文。',
  notice_year: (p) => `这是 ${p.noticeYear} 年的放假安排通知，所填年份是 ${p.year} 年。`,
  nothing_found: () => '没有读到任何放假日期：请粘贴通知中“一、元旦：……”各行，或逐行写“2027-01-01 元旦”“2027-02-20 上班”。',
};

const EN: Sentences = {
  unknown_holiday: (p) => `“${p.fragment}” is not the name of a statutory holiday (${HOLIDAY_NAMES}).`,
  no_holiday_dates: () => 'no holiday dates found: write them as the notice does, e.g. “1月1日（周五）至3日（周日）放假”.',
  unreadable_dates: (p) => `the dates in “${p.fragment}” cannot be read: a holiday is one date, or “X至Y” (from X to Y).`,
  bad_date: (p) => `“${p.fragment}” is not a real date.`,
  weekday_mismatch: (p) => `the notice says ${p.fragment} is a ${WEEKDAY.en[p.claimed!]}, but ${p.date} is a ${WEEKDAY.en[p.actual!]}. Check the year: is this another year's notice?`,
  count_mismatch: (p) => `${p.from} to ${p.to} is ${p.days} days, but the notice says ${p.count} (“共${p.count}天”).`,
  other_year: (p) => `${p.date} is not in ${p.year}.`,
  range_reversed: (p) => `${p.to} is before ${p.from}: the range runs backwards.`,
  conflict: (p) => `${p.date} is already listed on line ${p.otherLine} as a ${p.otherKind === 'holiday' ? 'holiday' : 'working day'}; a day cannot be both.`,
  one_date_per_line: () => 'one date per line, e.g. “2027-02-05 春节”: list a holiday’s days one by one, or paste the notice itself.',
  notice_year: (p) => `this is the holiday notice for ${p.noticeYear}, but the year entered is ${p.year}.`,
  nothing_found: () => 'No holiday dates found: paste the notice’s numbered lines (“一、元旦：…”), or type one date per line (“2027-01-01 元旦”, “2027-02-20 上班”).',
};

/** The sentence for a problem, led by the line it is on (none for the text as a whole). */
export function noticeProblemText(reason: NoticeProblemReason, p: NoticeProblemParams, locale: Locale): string {
  const body = (locale === 'zh' ? ZH : EN)[reason](p);
  if (p.line === 0) return body;
  return locale === 'zh' ? `第 ${p.line} 行：${body}` : `Line ${p.line}: ${body}`;
}

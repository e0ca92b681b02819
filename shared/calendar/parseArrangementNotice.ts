import { HOLIDAY_ALIASES } from './holidayNames';
import { daysInMonth, fromDayNumber, toDayNumber, weekdayOf, yearOf } from './dates';
import { noticeProblemText, type NoticeProblemParams, type NoticeProblemReason } from './noticeProblems';

// Issue 27: staff enter the State Council's holiday arrangement (国务院办公厅关于××年部分节假日安排
// 的通知) by pasting the notice as published, or by typing one date per line. The notice's own
// wording is read — "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，
// 共9天。2月14日（周六）、2月28日（周六）上班。" — and what it states about itself is checked:
// the weekday it gives each date (a notice pasted under the wrong year fails here), and "共N天".
// The preamble, the closing paragraph and the signature are prose and are skipped, not guessed at.
// Pure: the console previews it live and the command line reads a file with it.

export interface ArrangementDay {
  date: string;
  /** The holiday as the notice names it ('春节', '国庆节、中秋节'); null when typed without one. */
  name: string | null;
}

export interface NoticeProblem {
  /** 1-based line of the pasted text; 0 for the text as a whole. */
  line: number;
  reason: NoticeProblemReason;
  zh: string;
  en: string;
}

export interface ParsedArrangement {
  /** Every day off, weekends inside a holiday included (as the notice counts them), by date. */
  holidays: ArrangementDay[];
  /** Make-up working days (调休上班), by date. */
  workdays: ArrangementDay[];
  /** The notice's number when the text holds it, e.g. 国办发明电〔2025〕7号. */
  noticeNo: string | null;
  /** Lines read as prose around the arrangement (preamble, closing, signature). */
  skipped: number[];
  problems: NoticeProblem[];
}

const CN_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const WEEKDAY_NUMBER: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

// The text is read after NFKC, which turns the full-width （）：，；～ and digits of a copy into
// their ASCII forms and the ideographic space into a space, so a copy from a web page that
// converted them (many do) reads the same as the notice.
const ENUMERATION = /^[一二三四五六七八九十]+[、.]\s*/;
const FESTIVAL_WORD = Object.keys(HOLIDAY_ALIASES).sort((a, b) => b.length - a.length).join('|');
/** Where a notice pasted as one paragraph starts its next numbered item. */
const ITEM_START = new RegExp(`(?=[一二三四五六七八九十]+、(?:${FESTIVAL_WORD}))`, 'g');
const ITEM = new RegExp(`^((?:${FESTIVAL_WORD}|[^:\\s]{1,12}?)(?:[、和与及](?:${FESTIVAL_WORD}))*)\\s*(?::|\\s)\\s*(.+)$`);
const DATE_TOKEN = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*\(([^)]*)\))?/g;
/** Whether a text holds a date at all (DATE_TOKEN is global, so its test() would keep state). */
const HAS_DATE = /\d{1,2}\s*日|\d{4}\s*[-/.]\s*\d{1,2}/;
const RANGE_JOIN = /^\s*(?:至|到|~|-|—|–|－)\s*$/;
const TYPED = /^(\d{4})\s*([-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:\s*\(([^)]*)\))?\s*(.*)$/;
const WORKDAY_WORDS = /^(?:上班|补班|调休上班|班|工作日|workday|working day|work)$/i;
const HOLIDAY_WORDS = /^(?:放假|休|休息|假|holiday)$/i;
const NOTICE_NO = /国办发明?电?\s*[〔[(]\s*\d{4}\s*[〕\])]\s*\d+\s*号/;
const NOTICE_TITLE_YEAR = /关于\s*(\d{4})\s*年.*节假日安排/;

interface Token {
  /** The date as written, without its parenthesis ("2月15日"). */
  text: string;
  year: number | null;
  month: number | null;
  day: number;
  weekday: number | null;
  start: number;
  end: number;
}

class Reader {
  private readonly holidays = new Map<string, { name: string | null; line: number }>();
  private readonly workdays = new Map<string, { name: string | null; line: number }>();
  readonly problems: NoticeProblem[] = [];
  readonly skipped: number[] = [];
  noticeNo: string | null = null;

  constructor(readonly year: number) {}

  /** One problem per line: fixing it shows the next, rather than a wall of consequences. */
  problem(reason: NoticeProblemReason, p: Omit<NoticeProblemParams, 'year'>): void {
    if (p.line > 0 && this.problems.some((x) => x.line === p.line)) return;
    const params = { ...p, year: this.year };
    this.problems.push({ line: p.line, reason, zh: noticeProblemText(reason, params, 'zh'), en: noticeProblemText(reason, params, 'en') });
  }

  add(kind: 'holiday' | 'workday', date: string, name: string | null, line: number): void {
    const [mine, other] = kind === 'holiday' ? [this.holidays, this.workdays] : [this.workdays, this.holidays];
    const clash = other.get(date);
    if (clash) {
      this.problem('conflict', { line, date, otherLine: clash.line, otherKind: kind === 'holiday' ? 'workday' : 'holiday' });
      return;
    }
    // Listed twice (2028: Mid-Autumn inside National Day): one day, the first name.
    if (!mine.has(date)) mine.set(date, { name, line });
  }

  result(): ParsedArrangement {
    const list = (m: Map<string, { name: string | null }>) => [...m.entries()].map(([date, v]) => ({ date, name: v.name })).sort((a, b) => (a.date < b.date ? -1 : 1));
    if (this.problems.length === 0 && this.holidays.size === 0) this.problem('nothing_found', { line: 0 });
    return { holidays: list(this.holidays), workdays: list(this.workdays), noticeNo: this.noticeNo, skipped: this.skipped, problems: this.problems };
  }
}

/**
 * Reads a pasted State Council notice, or a typed list ("2027-01-01 元旦", "2027-02-20 上班", one
 * date per line), for `year`. Every line it cannot take is a problem, in both languages; days of
 * lines that were read are returned even then, so a preview can show them.
 */
export function parseArrangementNotice(text: string, year: number): ParsedArrangement {
  const reader = new Reader(year);
  text.split(/\r\n|\r|\n/).forEach((raw, i) => readLine(reader, raw.normalize('NFKC').trim(), i + 1));
  return reader.result();
}

function readLine(r: Reader, line: string, n: number): void {
  if (line === '') return;
  const noticeNo = NOTICE_NO.exec(line);
  if (noticeNo) r.noticeNo ??= noticeNo[0].replace(/\s+/g, '').replace('(', '〔').replace(')', '〕').replace('[', '〔').replace(']', '〕');
  const title = NOTICE_TITLE_YEAR.exec(line);
  if (title && Number(title[1]) !== r.year) r.problem('notice_year', { line: n, noticeYear: Number(title[1]) });
  // A typed line; a header such as "2027年放假安排" is prose.
  if (/^\d{4}\s*[-/.]/.test(line) || TYPED.test(line)) return readTyped(r, line, n);
  // A notice pasted as one paragraph is read item by item.
  let read = false;
  for (const segment of line.split(ITEM_START).map((s) => s.trim()).filter(Boolean)) read = readItem(r, segment, n) || read;
  if (!read && !noticeNo && !title) r.skipped.push(n);
}

/** "2027-02-05 春节", "2027/2/20 上班", "2027年2月5日 春节". */
function readTyped(r: Reader, line: string, n: number): void {
  const m = TYPED.exec(line);
  if (!m) return r.problem('bad_date', { line: n, fragment: line.split(/\s/)[0] });
  const [, y, sep, mo, d, note, rest] = m as unknown as [string, string, string, string, string, string | undefined, string];
  const word = rest.replace(/^[\s,:、]+/, '').trim();
  // A date written the Chinese way is an entry only with a holiday's name or 上班 after it; alone
  // or with other words it is the notice's signature ("2025年11月4日") or prose.
  if (sep === '年' && weekdayIn(note) === null && !(HOLIDAY_ALIASES[word] || WORKDAY_WORDS.test(word) || HOLIDAY_WORDS.test(word))) {
    r.skipped.push(n);
    return;
  }
  const token: Token = { text: line.slice(0, line.length - rest.length).replace(/\(.*$/, '').trim(), year: Number(y), month: Number(mo), day: Number(d), weekday: weekdayIn(note), start: 0, end: 0 };
  const date = checkedDate(r, token, Number(y), n);
  if (date === null) return;
  if (HAS_DATE.test(rest)) return r.problem('one_date_per_line', { line: n });
  if (yearOf(date) !== r.year) return r.problem('other_year', { line: n, date });
  if (WORKDAY_WORDS.test(word)) return r.add('workday', date, null, n);
  const name = word === '' || HOLIDAY_WORDS.test(word) ? null : (HOLIDAY_ALIASES[word] ?? word.slice(0, 40));
  r.add('holiday', date, name, n);
}

/** One numbered item of a notice ("三、清明节：4月4日（周六）至6日（周一）放假，共3天。"); false when the segment is prose. */
function readItem(r: Reader, segment: string, n: number): boolean {
  const enumerated = ENUMERATION.test(segment);
  const m = ITEM.exec(segment.replace(ENUMERATION, ''));
  if (!m) return false;
  const names = m[1]!.split(/[、和与及]/);
  const unknown = names.find((x) => !HOLIDAY_ALIASES[x]);
  if (unknown !== undefined) {
    // "各省、自治区…：" is prose; "八、植树节：…" is an item naming something that is not a holiday.
    if (enumerated && HAS_DATE.test(m[2]!)) r.problem('unknown_holiday', { line: n, fragment: unknown });
    return enumerated;
  }
  const name = [...new Set(names.map((x) => HOLIDAY_ALIASES[x]!))].join('、');
  let holidaySpans = 0;
  const problemsBefore = r.problems.length;
  for (const sentence of m[2]!.split(/[。;]/)) holidaySpans += readSentence(r, sentence, name, n);
  if (holidaySpans === 0 && r.problems.length === problemsBefore) r.problem('no_holiday_dates', { line: n });
  return true;
}

/**
 * A sentence of an item: "…放假调休，共8天" gives one span of holidays, "…上班" working days;
 * one saying neither ("鼓励各单位…安排职工在除夕（2月9日）休息") gives nothing. Returns the
 * number of holiday spans read.
 */
function readSentence(r: Reader, sentence: string, name: string, n: number): number {
  const rest = /放假/.test(sentence);
  const work = /上班|补班/.test(sentence);
  if (rest && work) {
    // Both in one sentence ("1月1日放假，1月4日上班"): each clause on its own.
    const clauses = sentence.split(/,(?![^(]*\))/);
    if (clauses.length > 1) return clauses.reduce((sum, clause) => sum + readSentence(r, clause, name, n), 0);
    r.problem('unreadable_dates', { line: n, fragment: sentence.trim() });
    return 1;
  }
  if (!rest && !work) return 0;
  const spans = spansOf(r, sentence, n);
  if (spans === null) return rest ? 1 : 0;
  if (rest) {
    if (spans.length !== 1) {
      r.problem('unreadable_dates', { line: n, fragment: sentence.trim() });
      return 1;
    }
    const [from, to] = spans[0]!;
    const count = /(?:共|放假)\s*(\d+|[一二三四五六七八九十])\s*天/.exec(sentence);
    const stated = count ? (CN_NUMBER[count[1]!] ?? Number(count[1])) : null;
    const days = toDayNumber(to) - toDayNumber(from) + 1;
    if (stated !== null && stated !== days) {
      r.problem('count_mismatch', { line: n, from, to, days, count: stated });
      return 1;
    }
    addSpan(r, 'holiday', from, to, name, n);
    return 1;
  }
  for (const [from, to] of spans) addSpan(r, 'workday', from, to, name, n);
  return 0;
}

/** Days of a span inside the year; a span reaching into the next or last year keeps its own days only. */
function addSpan(r: Reader, kind: 'holiday' | 'workday', from: string, to: string, name: string, n: number): void {
  const inYear = [];
  for (let d = toDayNumber(from); d <= toDayNumber(to); d++) {
    const date = fromDayNumber(d);
    if (yearOf(date) === r.year) inYear.push(date);
  }
  if (inYear.length === 0) return r.problem('other_year', { line: n, date: from === to ? from : `${from}–${to}` });
  for (const date of inYear) r.add(kind, date, name, n);
}

/** The dates of a sentence as [from, to] spans ("X至Y" is one span); null after a problem. */
function spansOf(r: Reader, sentence: string, n: number): [string, string][] | null {
  const tokens: Token[] = [...sentence.matchAll(DATE_TOKEN)].map((m) => ({
    text: m[0].replace(/\s*\(.*$/, ''),
    year: m[1] ? Number(m[1]) : null,
    month: m[2] ? Number(m[2]) : null,
    day: Number(m[3]),
    weekday: weekdayIn(m[4]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (tokens.length === 0) {
    r.problem('unreadable_dates', { line: n, fragment: sentence.trim() });
    return null;
  }
  const spans: [string, string][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const next = tokens[i + 1];
    const ranged = next !== undefined && RANGE_JOIN.test(sentence.slice(first.end, next.start));
    if (first.month === null) {
      r.problem('unreadable_dates', { line: n, fragment: first.text });
      return null;
    }
    const fromYear = first.year ?? r.year;
    const from = checkedDate(r, first, fromYear, n);
    if (from === null) return null;
    if (!ranged) {
      spans.push([from, from]);
      continue;
    }
    // "2月10日至17日": the end takes the start's month; "12月31日至1月2日" runs into the next year.
    const month = next.month ?? first.month;
    const toYear = next.year ?? (month < first.month ? fromYear + 1 : fromYear);
    const to = checkedDate(r, { ...next, month }, toYear, n);
    if (to === null) return null;
    if (to < from) {
      r.problem('range_reversed', { line: n, from, to });
      return null;
    }
    spans.push([from, to]);
    i++;
  }
  return spans;
}

/** The ISO date a token names in `year`, checked against the weekday the notice gives it; null after a problem. */
function checkedDate(r: Reader, t: Token, year: number, n: number): string | null {
  const month = t.month!;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || t.day < 1 || t.day > daysInMonth(year, month)) {
    r.problem('bad_date', { line: n, fragment: t.text });
    return null;
  }
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
  const actual = weekdayOf(toDayNumber(date));
  if (t.weekday !== null && t.weekday !== actual) {
    r.problem('weekday_mismatch', { line: n, fragment: t.text, date, claimed: t.weekday, actual });
    return null;
  }
  return date;
}

/** The weekday a parenthesis gives ("农历除夕、周二", "星期日"), 0 = Sunday; null when it gives none. */
function weekdayIn(note: string | undefined): number | null {
  const m = note ? /(?:周|星期|礼拜)([日天一二三四五六])/.exec(note) : null;
  return m ? WEEKDAY_NUMBER[m[1]!]! : null;
}

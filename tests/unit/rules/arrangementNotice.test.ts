import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { isIsoDate } from '../../../shared/calendar/dates';
import { parseArrangementNotice, type ParsedArrangement } from '../../../shared/calendar/parseArrangementNotice';
import { missingStatutoryHoliday } from '../../../shared/calendar/statutoryHolidays';
import { ARRANGEMENT_2027, NOTICE_2024, NOTICE_2025, NOTICE_2026, NOTICE_2027_ITEMS } from '../../support/arrangementNotices';

// Issue 27: the State Council's notice as staff paste it. Proven on the real 2024–2026 notices
// against chinese-days (the transcription the office seeds its calendar from): the same holidays and
// make-up working days, day for day, and nothing read from the preamble, the closing or the signature.

type DayMap = Record<string, string>;
const published = chineseDays as { holidays: DayMap; workdays: DayMap };
// chinese-days shortens three names ("Tomb-sweeping Day,清明,1"); the notices use the regulation's.
const LONG_NAME: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function publishedDays(map: DayMap, year: number): { date: string; name: string }[] {
  return Object.entries(map)
    .filter(([date]) => date.startsWith(`${year}-`))
    .map(([date, label]) => ({ date, name: label.split(',')[1]! }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

function assertSameAsPublished(year: number, parsed: ParsedArrangement['holidays'], map: DayMap): void {
  const expected = publishedDays(map, year);
  assert.deepEqual(parsed.map((d) => d.date), expected.map((d) => d.date), `${year}: the same days`);
  // A day of a combined item ("国庆节、中秋节") carries both names; chinese-days picks one of them.
  parsed.forEach((d, i) => {
    const name = expected[i]!.name;
    assert.ok(d.name?.split('、').includes(LONG_NAME[name] ?? name), `${d.date}: ${d.name} names ${name}`);
  });
}

const NOTICES = [
  { year: 2024, notice: NOTICE_2024, noticeNo: '国办发明电〔2023〕7号', prose: ['各省', '经国务院', '节假日期间', '国务院办公厅', '2023年10月25日'] },
  { year: 2025, notice: NOTICE_2025, noticeNo: '国办发明电〔2024〕12号', prose: ['各省', '经党中央', '按照上述原则', '节假日期间', '国务院办公厅', '2024年11月12日'] },
  { year: 2026, notice: NOTICE_2026, noticeNo: '国办发明电〔2025〕7号', prose: ['各省', '经国务院', '鼓励单位', '国务院办公厅', '2025年11月4日'] },
];

for (const { year, notice, noticeNo, prose } of NOTICES) {
  test(`the ${year} notice, pasted whole, gives exactly the holidays and make-up working days chinese-days holds`, () => {
    const r = parseArrangementNotice(notice, year);
    assert.deepEqual(r.problems, []);
    assertSameAsPublished(year, r.holidays, published.holidays);
    assertSameAsPublished(year, r.workdays, published.workdays);
    assert.equal(r.noticeNo, noticeNo);
    // Skipped as prose: the addressees, the preamble, the closing paragraph, the issuer, the date.
    const lines = notice.split('\n').map((l) => l.trim());
    assert.equal(r.skipped.length, prose.length);
    r.skipped.forEach((n, i) => assert.ok(lines[n - 1]!.startsWith(prose[i]!), `line ${n}: ${lines[n - 1]}`));
  });
}

test('2024: the Spring Festival Eve the notice only encourages offices to give (除夕（2月9日）) is not a holiday', () => {
  const r = parseArrangementNotice(NOTICE_2024, 2024);
  assert.equal(r.holidays.some((d) => d.date === '2024-02-09'), false);
  assert.equal(r.holidays.filter((d) => d.name === '春节').length, 8, '2月10日至17日，共8天');
});

test('a notice copied from a page that turned its punctuation into ASCII, or pasted as one paragraph, reads the same', () => {
  const expected = parseArrangementNotice(NOTICE_2026, 2026);
  const ascii = NOTICE_2026.replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').replace(/\u3000/g, '  ');
  const oneParagraph = NOTICE_2026.replace(/\n\s*/g, '');
  for (const text of [ascii, oneParagraph]) {
    const r = parseArrangementNotice(text, 2026);
    assert.deepEqual(r.problems, []);
    assert.deepEqual([r.holidays, r.workdays], [expected.holidays, expected.workdays]);
  }
});

test('a made-up 2027 notice gives its days, and holds every statutory holiday of 2027', () => {
  const r = parseArrangementNotice(NOTICE_2027_ITEMS, 2027);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.holidays.map((d) => d.date), ARRANGEMENT_2027.holidays);
  assert.deepEqual(r.workdays.map((d) => d.date), ARRANGEMENT_2027.workdays);
  assert.equal(missingStatutoryHoliday(2027, r.holidays.map((d) => ({ date: d.date, kind: 'holiday' as const }))), null);
  assert.equal(r.noticeNo, null);
});

test('a typed list, one date per line, in ISO or Chinese dates, reads like the notice', () => {
  const r = parseArrangementNotice(
    ['2027-01-01 元旦', '', '2027-02-05 春节', '2027/2/6 春节', '2027年2月7日 春节', '2027-02-08', '2027-02-14（周日） 上班', '2027-02-20 workday', '2027-04-05 清明', '2027-05-01 放假'].join('\n'),
    2027,
  );
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.holidays, [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-05', name: '春节' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
    { date: '2027-02-08', name: null },
    { date: '2027-04-05', name: '清明节' },
    { date: '2027-05-01', name: null },
  ]);
  assert.deepEqual(r.workdays, [{ date: '2027-02-14', name: null }, { date: '2027-02-20', name: null }]);
});

/** The one problem a text has: its line, reason and both sentences. */
function onlyProblem(text: string, year: number) {
  const r = parseArrangementNotice(text, year);
  assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
  return r.problems[0]!;
}

test('the 2026 notice pasted for 2027 is caught by the weekdays it gives its dates, and by its title', () => {
  const r = parseArrangementNotice(NOTICE_2026, 2027);
  assert.deepEqual(r.problems[0], { line: 1, reason: 'notice_year', zh: '第 1 行：这是 2026 年的放假安排通知，所填年份是 2027 年。', en: 'Line 1: this is the holiday notice for 2026, but the year entered is 2027.' });
  assert.deepEqual(r.problems[1], {
    line: 6,
    reason: 'weekday_mismatch',
    zh: '第 6 行：通知写 1月1日 是周四，但 2027-01-01 是周五。请核对年份：这是否是另一年的通知？',
    en: "Line 6: the notice says 1月1日 is a Thursday, but 2027-01-01 is a Friday. Check the year: is this another year's notice?",
  });
  // Items alone, without the title: the weekdays still tell.
  const items = NOTICE_2026.split('\n').filter((l) => /^\s*[一二三四五六七]、/.test(l)).join('\n');
  assert.equal(parseArrangementNotice(items, 2027).problems[0]?.reason, 'weekday_mismatch');
});

test('each line the parser cannot take is named, with what it read, in Chinese and in English', () => {
  assert.deepEqual(onlyProblem('一、元旦：1月1日（周五）至3日（周日）放假，共4天。', 2027), {
    line: 1,
    reason: 'count_mismatch',
    zh: '第 1 行：2027-01-01 至 2027-01-03 是 3 天，与通知所写“共4天”不符。',
    en: 'Line 1: 2027-01-01 to 2027-01-03 is 3 days, but the notice says 4 (“共4天”).',
  });
  assert.deepEqual(onlyProblem('元旦 1月1日放假\n八、植树节：3月12日放假，共1天。', 2027), {
    line: 2,
    reason: 'unknown_holiday',
    zh: '第 2 行：“植树节”不是法定节日的名称（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）。',
    en: 'Line 2: “植树节” is not the name of a statutory holiday (元旦、春节、清明节、劳动节、端午节、中秋节、国庆节).',
  });
  assert.equal(onlyProblem('二、春节：2月30日至3月2日放假。', 2027).zh, '第 1 行：“2月30日”不是存在的日期。');
  assert.equal(onlyProblem('2027-02-30 春节', 2027).en, 'Line 1: “2027-02-30” is not a real date.');
  assert.equal(onlyProblem('2027-13-01 春节', 2027).reason, 'bad_date');
  assert.equal(onlyProblem('2027-02-05 至 2027-02-13 春节', 2027).zh, '第 1 行：每行只写一个日期，如“2027-02-05 春节”：放假期间请逐日列出，或直接粘贴通知原文。');
  assert.equal(onlyProblem('2026-10-01 国庆节', 2027).zh, '第 1 行：2026-10-01 不在 2027 年内。');
  assert.equal(onlyProblem('七、国庆节：10月7日至1日放假。', 2027).en, 'Line 1: 2027-10-01 is before 2027-10-07: the range runs backwards.');
  assert.deepEqual(onlyProblem('2027-02-06 春节\n2027-02-06 上班', 2027), {
    line: 2,
    reason: 'conflict',
    zh: '第 2 行：2027-02-06 已在第 1 行列为放假，同一天不能既放假又上班。',
    en: 'Line 2: 2027-02-06 is already listed on line 1 as a holiday; a day cannot be both.',
  });
  assert.equal(onlyProblem('五、端午节：端午当天放假。', 2027).reason, 'unreadable_dates');
  assert.equal(onlyProblem('一、元旦：与周末连休。', 2027).reason, 'no_holiday_dates');
  assert.equal(onlyProblem('四、劳动节：5月1日、3日放假。', 2027).reason, 'unreadable_dates');
  assert.equal(onlyProblem('四、劳动节：5月1日放假上班。', 2027).reason, 'unreadable_dates');
  assert.deepEqual(parseArrangementNotice('一、元旦：1月1日放假，1月4日上班。', 2027).workdays, [{ date: '2027-01-04', name: '元旦' }]);
  const nothing = onlyProblem('经国务院批准，现将放假安排通知如下。', 2027);
  assert.equal(nothing.line, 0);
  assert.equal(nothing.reason, 'nothing_found');
  assert.match(nothing.zh, /^没有读到任何放假日期/);
});

test('a date written the Chinese way with other words after it is prose (a signature, a date in a sentence), not a holiday', () => {
  const r = parseArrangementNotice('2027-01-01 元旦\n2026年11月4日（此件公开发布）\n2026年11月4日 国务院办公厅', 2027);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.holidays, [{ date: '2027-01-01', name: '元旦' }]);
  assert.deepEqual(r.skipped, [2, 3]);
});

test('a holiday running into the next year keeps its own year’s days; the rest belong to that year’s notice', () => {
  // As the 2023 notice put it.
  const r = parseArrangementNotice('一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。', 2023);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.holidays.map((d) => d.date), ['2023-01-01', '2023-01-02']);
});

test('whatever is pasted, the parser answers (never throws) with real dates of the year, none both off and worked', () => {
  const pieces = ['一、', '春节', '国庆节、中秋节', '：', ':', '2027-', '9999年', '12月', '1月', '31日', '2日', '至', '（周五）', '(周日)', '放假', '上班', '放假上班', '，共3天', '。', '、', '\n', ' ', '0', '13'];
  const text = fc.oneof(fc.string(), fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join('')));
  fc.assert(
    fc.property(text, fc.integer({ min: 2000, max: 2100 }), (t, year) => {
      const r = parseArrangementNotice(t, year);
      const off = new Set(r.holidays.map((d) => d.date));
      for (const d of [...r.holidays, ...r.workdays]) assert.ok(isIsoDate(d.date) && d.date.startsWith(`${year}-`), d.date);
      assert.ok(r.workdays.every((d) => !off.has(d.date)));
      for (const p of r.problems) assert.ok(p.zh !== '' && p.en !== '');
    }),
    { numRuns: 5000 },
  );
});

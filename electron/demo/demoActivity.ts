import { PNG } from 'pngjs';
import { pdfKit } from '../report/pdf/pdfkit';
import { addCalendarDays, isWeekend, toDayNumber } from '../../shared/calendar/dates';
import { AppError } from '../../shared/errors';
import { chinaDayStartIso } from '../../shared/calendar/dates';
import type { Role } from '../../shared/domain/account';
import { uploadAttachment } from '../services/attachments/attachmentService';
import { officeCalendar } from '../services/office/calendarService';
import type { Caller, CoreContext } from '../services/context';
import { lookup } from '../services/counter/counterService';
import { actOnObjection, intakeObjection, type ObjectionAction } from '../services/cases/objectionService';
import { objectionDeadlineView } from '../services/cases/objectionDeadlineService';
import { activeProfile } from '../services/office/profileService';
import { actOnRepair, intakeRepair, type RepairAction } from '../services/cases/repairService';
import { issue, preview, printed } from '../services/reports/reportService';
import { weekEndOf } from '../services/cases/dashboardService';

// The demo office at work: a month of counter visits and reports, and objection and repair cases in
// every state (new, verifying, forwarded, due today, due this week, overdue, decided, closed), so a
// new user sees the queue and the dashboard as they look in a real office. Everything goes through
// the real services on a clock set to the day it happened, so deadlines, histories, receipts and
// audit events are the ones the console itself would have written. Deterministic: the same
// population and the same "today" always give the same office.

const DAYS = 30;

/** An action without the case id (distributes over the union, unlike Omit). */
type Step<A> = A extends unknown ? Omit<A, 'id'> : never;

interface Person {
  subjectId: number;
  idNumber: string;
  name: string;
  recordId: number;
}

/** Instant at China time hh:mm on `day`. */
function instant(day: string, minutes: number): Date {
  return new Date(Date.parse(chinaDayStartIso(day)) + minutes * 60_000);
}

function demoPng(): Buffer {
  const png = new PNG({ width: 320, height: 200 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (png.width * y + x) << 2;
      const border = x < 6 || y < 6 || x > png.width - 7 || y > png.height - 7;
      const line = y > 40 && y % 24 < 3 && x > 30 && x < 290;
      const v = border ? 90 : line ? 150 : 245;
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = border ? 140 : v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

function demoPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const PDFDocument = pdfKit();
    const doc = new PDFDocument({ size: 'A5', info: { Title: 'Demo scan', CreationDate: new Date('2026-01-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text('Demo: payment receipt (scan)', 50, 60);
    doc.fontSize(11).text('This file is part of the CreditDesk demo office.', 50, 100);
    doc.rect(50, 140, 320, 160).stroke();
    doc.end();
  });
}

export async function seedDemoActivity(ctx: CoreContext, today: string): Promise<{ visits: number; reports: number; objections: number; repairs: number }> {
  const staff = await ctx.db.all<{ id: number; username: string; role: Role }>("SELECT id, username, role FROM account WHERE role IN ('clerk', 'manager') ORDER BY id");
  const as = (role: Role): Caller => {
    const a = staff.find((s) => s.role === role)!;
    return { accountId: a.id, username: a.username, role: a.role, tokenHash: 'demo-seed' };
  };
  const clerk = as('clerk');
  const manager = as('manager');
  const on = (d: Date): CoreContext => ({ ...ctx, now: () => d });
  // People with a published penalty: the ones who come to object or ask for repair. Taken from the
  // end of the population, so the people tests pick from its beginning have no demo history.
  const people = await ctx.db.all<Person>(
    `SELECT s.id AS subjectId, s.id_number AS idNumber, s.name, min(r.id) AS recordId
       FROM subject s JOIN record r ON r.subject_id = s.id
      WHERE s.kind = 'person' AND r.status = 'active' AND r.category = 'admin_penalty' AND r.severity <> 'serious'
      GROUP BY s.id ORDER BY s.id DESC LIMIT 400`,
  );
  const others = await ctx.db.all<{ idNumber: string; name: string }>("SELECT id_number AS idNumber, name FROM subject WHERE kind = 'person' ORDER BY id DESC LIMIT 600");
  let next = 0;
  const counts = { visits: 0, reports: 0, objections: 0, repairs: 0 };
  const visit = async (c: CoreContext, p: { idNumber: string; name: string }, purposeCode = 'self_check') => {
    counts.visits += 1;
    return (await lookup(c, clerk, { idNumber: p.idNumber, name: p.name, applicant: { kind: 'self' }, purposeCode })).visitId;
  };

  // A month at the counter: more on working days, a few at weekends; about a third take a report.
  const purposes = ['self_check', 'loan_application', 'employment_review', 'admin_licensing', 'public_procurement'];
  for (let k = DAYS - 1; k >= 0; k -= 1) {
    const day = addCalendarDays(today, -k);
    const n = isWeekend(toDayNumber(day)) ? 1 + (k % 2) : 4 + ((k * 7) % 6);
    for (let i = 0; i < n; i += 1) {
      const c = on(instant(day, 9 * 60 + i * 23));
      const p = others[(k * 13 + i * 7) % others.length]!;
      const visitId = await visit(c, p, purposes[(k + i) % purposes.length]);
      if ((k + i) % 3 === 0) {
        const r = await issue(c, clerk, { visitId, confirmBeyondFree: true });
        await printed(c, clerk, { reportId: r.reportId, copyNo: (await preview(c, clerk, { reportId: r.reportId, lang: 'zh' })).copyNo, kind: 'print' });
        counts.reports += 1;
        if ((k + i) % 9 === 0) {
          const later = on(instant(day, 9 * 60 + i * 23 + 5));
          await printed(later, clerk, { reportId: r.reportId, copyNo: (await preview(later, clerk, { reportId: r.reportId, lang: 'zh' })).copyNo, kind: 'print' });
        }
      }
    }
  }

  const png = demoPng();
  const pdf = await demoPdf();
  const scans = [
    { sha256: (await uploadAttachment(on(instant(today, 8 * 60)), clerk, { fileName: '缴款凭证.png', mimeType: 'image/png', dataBase64: png.toString('base64') })).sha256, fileName: '缴款凭证.png' },
    { sha256: (await uploadAttachment(on(instant(today, 8 * 60)), clerk, { fileName: '情况说明.pdf', mimeType: 'application/pdf', dataBase64: pdf.toString('base64') })).sha256, fileName: '情况说明.pdf' },
  ];

  /** An objection received `ago` days before today, then the manager's steps on later days. */
  const objection = async (ago: number, steps: [after: number, a: Step<ObjectionAction>][], opts: { accept?: boolean; attach?: boolean } = {}) => {
    const p = people[next++ % people.length]!;
    const day = addCalendarDays(today, -ago);
    const c = on(instant(day, 10 * 60 + next));
    const visitId = await visit(c, p);
    const r = await intakeObjection(c, clerk, {
      visitId,
      recordIds: [p.recordId],
      scope: (['wrong', 'past_period', 'inconsistent_with_authority'] as const)[next % 3]!,
      description: '申请人称该处罚信息与决定书记载不一致，已提交缴款凭证。',
      attachments: opts.attach ? scans : [],
      accept: opts.accept ?? true,
    });
    counts.objections += 1;
    for (const [after, a] of steps) await actOnObjection(on(instant(addCalendarDays(day, after), 15 * 60)), manager, { ...a, id: r.id } as ObjectionAction);
    return r.id;
  };
  /** A repair application `ago` days ago; people whose record is not yet repairable are skipped. */
  const repair = async (ago: number, steps: [after: number, a: Step<RepairAction>][]) => {
    for (let tries = 0; tries < 40; tries += 1) {
      const p = people[next++ % people.length]!;
      const day = addCalendarDays(today, -ago);
      const c = on(instant(day, 11 * 60 + next));
      const visitId = await visit(c, p, 'self_check');
      try {
        const r = await intakeRepair(c, clerk, { visitId, recordId: p.recordId, evidence: { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null } });
        counts.repairs += 1;
        for (const [after, a] of steps) await actOnRepair(on(instant(addCalendarDays(day, after), 16 * 60)), manager, { ...a, id: r.id } as RepairAction);
        return r.id;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    return null;
  };

  // Which intake day makes an accepted objection due today, or later this week, under the office's rules.
  const profile = await activeProfile(ctx);
  const calendar = await officeCalendar(ctx);
  const dueOf = (ago: number) =>
    objectionDeadlineView({ state: 'accepted', route: null, receivedOn: addCalendarDays(today, -ago), forwardedOn: null, providerRepliedOn: null, pauses: [], extendedTotalDays: null }, profile, calendar, today).dueOn;
  const agoFor = (ok: (due: string) => boolean) => [...Array(DAYS).keys()].slice(1).find((ago) => {
    const due = dueOf(ago);
    return due !== null && ok(due);
  });
  const weekEnd = weekEndOf(today);
  const dueToday = agoFor((d) => d === today);
  const dueThisWeek = agoFor((d) => d > today && d <= weekEnd) ?? agoFor((d) => d > today);

  const decide = (outcome: 'corrected' | 'upheld', reason: string): Step<ObjectionAction> => ({ action: 'decide', outcome, reason, ...(outcome === 'corrected' ? { correctedContent: '罚款金额更正为 2000 元' } : {}) });
  await objection(0, [], { accept: false, attach: true }); // new: waiting for the manager to accept
  await objection(0, [], { attach: true }); // accepted at the counter today
  if (dueToday !== undefined) await objection(dueToday, []);
  if (dueThisWeek !== undefined) await objection(dueThisWeek, []);
  await objection(26, []); // overdue: nobody acted
  await objection(23, [[1, { action: 'verify', route: 'provider' }]]); // overdue while the provider checks
  await objection(3, [[1, { action: 'verify', route: 'own' }]], { attach: true }); // verifying
  await objection(5, [[1, { action: 'verify', route: 'provider' }]]); // forwarded to the provider
  await objection(20, [[1, { action: 'verify', route: 'own' }], [4, decide('corrected', '经核查，处罚决定书记载金额为 2000 元，予以更正。')]]);
  await objection(27, [[2, { action: 'verify', route: 'own' }], [25, decide('upheld', '经核查，信息与决定书一致，维持原记录。')]]); // decided late
  await objection(22, [[1, { action: 'verify', route: 'own' }], [5, decide('upheld', '信息准确，维持。')], [6, { action: 'notify', reason: '已电话告知申请人。' }], [7, { action: 'close' }]]);
  await objection(14, [[1, { action: 'verify', route: 'provider' }], [3, { action: 'provider_reply', reason: '提供单位确认信息有误。' }], [4, decide('corrected', '依提供单位答复更正。')]]);
  await objection(8, [[1, { action: 'reject', reason: '申请材料不齐全，已告知补正。' }]], { accept: false });
  for (const ago of [2, 6, 9, 12, 17]) await objection(ago, ago > 8 ? [[1, { action: 'verify', route: 'own' }], [3, decide('upheld', '信息准确，维持。')]] : []);

  await repair(0, []); // new
  await repair(4, []);
  await repair(6, [[1, { action: 'forward' }]]); // forwarded to the deciding unit
  await repair(15, [[1, { action: 'forward' }], [6, { action: 'approve', reason: '已履行法定义务并作出信用承诺，准予修复。' }]]);
  await repair(12, [[2, { action: 'deny', reason: '培训证明缺失，不予修复。' }]]);
  await repair(28, []); // overdue
  return counts;
}

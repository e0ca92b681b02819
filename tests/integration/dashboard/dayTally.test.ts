import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Database } from '../../../electron/db/database';
import { migrate } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';

// The dashboard reads visits, reports and reprints per China day from day_tally. These tests hold it
// to the rows themselves: an office upgraded with a year of history gets the same figures, and every
// later write counts on the day (UTC+8) it happened, for the clerk who did it.

const tally = (db: Database) =>
  db.all<{ day: string; clerk_id: number; visits: number; reports: number; reprints: number }>('SELECT day, clerk_id, visits, reports, reprints FROM day_tally ORDER BY day, clerk_id');
const counted = (db: Database) =>
  db.all<{ day: string; clerk_id: number; visits: number; reports: number; reprints: number }>(
    `WITH k AS (SELECT date(started_at, '+8 hours') AS day, clerk_id FROM visit UNION SELECT date(issued_at, '+8 hours'), clerk_id FROM report
                UNION SELECT date(at, '+8 hours'), clerk_id FROM report_print WHERE copy_no > 1)
     SELECT day, clerk_id,
       (SELECT count(*) FROM visit v WHERE date(v.started_at, '+8 hours') = k.day AND v.clerk_id = k.clerk_id) AS visits,
       (SELECT count(*) FROM report r WHERE date(r.issued_at, '+8 hours') = k.day AND r.clerk_id = k.clerk_id) AS reports,
       (SELECT count(*) FROM report_print p WHERE p.copy_no > 1 AND date(p.at, '+8 hours') = k.day AND p.clerk_id = k.clerk_id) AS reprints
     FROM k ORDER BY day, clerk_id`,
  );

async function work(db: Database, clerk: number, startedAt: string, report: { copies: number } | null): Promise<void> {
  const visit = await db.run("INSERT INTO visit (started_at, clerk_id, id_number, name, applicant_kind, purpose_code) VALUES (?, ?, '110101199001010011', '张三', 'self', 'self_check')", [startedAt, clerk]);
  if (!report) return;
  const r = await db.run(
    `INSERT INTO report (report_no, visit_id, id_number, issued_at, issued_year, clerk_id, beyond_free, content_json, digest, qr_payload, signature, key_id, verify_code)
     VALUES (?, ?, '110101199001010011', ?, substr(?, 1, 4), ?, 0, '{}', '', '', '', '', '')`,
    [`R${visit.lastID}`, visit.lastID, startedAt, startedAt, clerk],
  );
  for (let copy = 1; copy <= report.copies; copy += 1) {
    await db.run("INSERT INTO report_print (report_id, copy_no, kind, at, clerk_id) VALUES (?, ?, 'print', ?, ?)", [r.lastID, copy, startedAt, clerk]);
  }
}

test('an office upgraded with its history gets tallies equal to its rows; later work counts on its China day, for its clerk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-tally-'));
  const db = await Database.open(join(dir, 'x.sqlite'));
  try {
    await migrate(db, MIGRATIONS.filter((m) => m.version < 21));
    const now = '2026-02-28T02:00:00.000Z';
    for (const name of ['a', 'b']) await db.run("INSERT INTO account (username, display_name, role, password_hash, created_at) VALUES (?, ?, 'clerk', '!', ?)", [name, name, now]);
    // 15:59Z is 23:59 in China on the 1st; 16:00Z is already the 2nd.
    await work(db, 1, '2026-03-01T15:59:59.999Z', { copies: 2 });
    await work(db, 1, '2026-03-01T16:00:00.000Z', null);
    await work(db, 2, '2026-03-01T16:30:00.000Z', { copies: 1 });
    await migrate(db);
    assert.deepEqual(await tally(db), [
      { day: '2026-03-01', clerk_id: 1, visits: 1, reports: 1, reprints: 1 },
      { day: '2026-03-02', clerk_id: 1, visits: 1, reports: 0, reprints: 0 },
      { day: '2026-03-02', clerk_id: 2, visits: 1, reports: 1, reprints: 0 },
    ]);
    await work(db, 2, '2026-03-02T01:00:00.000Z', { copies: 3 });
    await work(db, 1, '2026-03-03T08:00:00.000Z', { copies: 1 });
    assert.deepEqual(await tally(db), await counted(db));
    assert.deepEqual((await tally(db)).find((r) => r.day === '2026-03-02' && r.clerk_id === 2), { day: '2026-03-02', clerk_id: 2, visits: 2, reports: 2, reprints: 2 });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

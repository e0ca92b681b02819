// DESIGN.md §7 end to end on one machine: central init → office provision → enroll → snapshot →
// import → counter lookups → office activity (objection forwarded) → export → central ingest →
// decide → next update → the office's case shows the outcome and the record changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest, decide } from '../../../tools/central/platform';
import { syncWorld } from './world';
import { uploadOf, saveDownload } from '../../support/fileUpload';
import { caseVersion } from '../../support/caseVersion';

test('round trip between the reference platform and an office', async () => {
  const w = await syncWorld({ subjects: 2000, seed: 'round-trip' });
  try {
    const { core, operator } = w;
    // Snapshot: checked (preview with counts), then applied through the API.
    const snap = await w.publish(true);
    const preview = await core.ok('sync.importCheck', { source: uploadOf(snap) }, operator);
    assert.equal(preview.sequence, 1);
    assert.equal(preview.sender, 'platform');
    // 2,000 persons and a legal entity for every 8 of them (issue 24).
    assert.equal(preview.counts.subjects, 2250);
    assert.ok((preview.counts.records ?? 0) > 5000);
    const applied = await core.ok('sync.importApply', { stagedId: preview.stagedId }, operator);
    assert.equal(applied.result, 'applied');
    assert.equal((await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM subject'))!.n, 2250);
    // Every entity arrives with its registration basics.
    assert.deepEqual(
      await core.ctx.db.get("SELECT count(*) AS entities, (SELECT count(*) FROM entity_registration) AS registered FROM subject WHERE kind = 'entity'"),
      { entities: 250, registered: 250 },
    );
    assert.ok(core.ctx.catalogs.purposes.length > 0);
    assert.ok((await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM calendar_year'))!.n > 0);

    // Counter lookups find people from the snapshot, one with a penalty from a providing unit.
    const clerk = (await core.loginAs('clerk')).token;
    const manager = (await core.loginAs('manager')).token;
    const target = (await core.ctx.db.get<{ id_number: string; name: string; record_id: number; central_id: string }>(
      `SELECT s.id_number, s.name, r.id AS record_id, r.central_id FROM record r JOIN subject s ON s.id = r.subject_id
        WHERE r.category = 'admin_penalty' AND r.status = 'active' ORDER BY r.id LIMIT 1`))!;
    const some = await core.ctx.db.all<{ id_number: string; name: string }>('SELECT id_number, name FROM subject ORDER BY id LIMIT 3');
    for (const s of some) {
      const r = await core.ok('counter.lookup', { idNumber: s.id_number, name: s.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk);
      assert.equal(r.found, true);
    }

    // An entity asked for by its legal representative in person (issue 24): the platform's register says so.
    const entity = (await core.ctx.db.get<{ id_number: string; name: string; legal_rep: string; rep_id: string }>(
      `SELECT s.id_number, s.name, s.legal_rep, g.legal_rep_id_number AS rep_id FROM subject s JOIN entity_registration g ON g.subject_id = s.id
        WHERE g.registration_no IS NULL OR g.registration_no <> s.id_number ORDER BY s.id LIMIT 1`))!;
    await core.ok('counter.lookup', {
      subjectKind: 'entity', creditCode: entity.id_number, name: entity.name, reportKind: 'full', purposeCode: 'bidding',
      applicant: { kind: 'legal_rep', idNumber: entity.rep_id, name: entity.legal_rep, licenceSighted: true },
    }, clerk);

    // Office activity: an objection to the penalty, forwarded to its providing unit. (Its own
    // purpose: the same lookup again within two minutes would be the visit above, not a new query.)
    const visit = await core.ok('counter.lookup', { idNumber: target.id_number, name: target.name, applicant: { kind: 'self' }, purposeCode: 'admin_licensing' }, clerk);
    const obj = await core.ok('objection.intake', { visitId: visit.visitId, recordIds: [target.record_id], scope: 'wrong', description: '罚款金额有误' }, clerk);
    await core.ok('objection.act', { action: 'verify', id: obj.id, version: await caseVersion(core, 'objection', obj.id), route: 'provider' }, manager);

    // Export → central ingest.
    const pending = await core.ok('sync.exportPending', {}, operator);
    assert.equal(pending.forwards, 1);
    assert.ok((pending['query-log'] ?? 0) >= 4);
    const out = w.file('export-1.cdbundle');
    const ex = await core.ok('sync.exportWrite', {}, operator);
    saveDownload(ex, out);
    assert.equal(ex.sequence, 1);
    const got = await ingest(w.central, out, core.clock.now);
    assert.equal(got.forwards, 1);
    assert.equal(got.counts['query-log'], pending['query-log']);
    // The platform's register says how each person was identified (issue 25: proof of presence).
    const sent = await w.central.db.all<{ schema: string; body: string }>("SELECT schema, body FROM central_export_item WHERE schema IN ('visits', 'query-log')");
    assert.ok(sent.length >= 8);
    for (const row of sent) assert.equal((JSON.parse(row.body) as { identitySource?: string }).identitySource, 'typed', row.schema);
    const kinds = sent.map((row) => (({ subjectKind, foundBy }) => `${row.schema}:${subjectKind}:${foundBy}`)(JSON.parse(row.body) as { subjectKind: string; foundBy: string | null }));
    assert.deepEqual(kinds.filter((k) => k.includes(':entity:')).sort(), ['query-log:entity:credit_code', 'visits:entity:credit_code']);

    // The providing unit decides; the next update carries the outcome and the acknowledgement.
    await decide(w.central, { office: '370306-02', caseNo: obj.caseNo, outcome: 'corrected', reason: '核实后更正罚款金额', content: '罚款 500 元（已更正）', now: core.clock.now });
    const next = await w.publish(false);
    const r2 = await core.ok('sync.importCheck', { source: uploadOf(next) }, operator);
    assert.equal(r2.counts['case-outcomes'], 1);
    const res2 = await core.ok('sync.importApply', { stagedId: r2.stagedId }, operator);
    assert.deepEqual(res2.acknowledgedExports, [1]);

    const c = await core.ok('objection.get', { id: obj.id }, manager);
    assert.equal(c.state, 'decided');
    assert.equal(c.outcome, 'corrected');
    assert.ok(c.events.some((e) => e.action === 'provider_outcome'));
    const rec = (await core.ctx.db.get<{ status: string; content: string }>('SELECT status, content FROM record WHERE id = ?', [target.record_id]))!;
    assert.deepEqual({ ...rec }, { status: 'corrected', content: '罚款 500 元（已更正）' });
    // The clerk carries on as for any decision.
    await core.ok('objection.act', { action: 'notify', id: obj.id, version: await caseVersion(core, 'objection', obj.id), reason: '电话告知' }, manager);

    const history = await core.ok('sync.exportHistory', {}, operator);
    assert.ok(history[0]!.acknowledgedAt);
    assert.equal(history[0]!.kept, false);
    const inHistory = await core.ok('sync.importHistory', {}, operator);
    assert.deepEqual(inHistory.map((h) => h.result), ['applied', 'applied']);
    const audit = await core.ctx.db.all<{ action: string }>("SELECT action FROM audit_event WHERE action LIKE 'sync.%' ORDER BY seq");
    assert.deepEqual(audit.map((a) => a.action), ['sync.provisioned', 'sync.import_applied', 'sync.export_written', 'sync.import_applied']);
  } finally {
    await w.dispose();
  }
});

test('an export lost on the way is written again byte for byte; a clerk cannot import', async () => {
  const w = await syncWorld();
  try {
    const first = await w.core.ok('sync.exportWrite', {}, w.operator);
    assert.ok(first.base64);
    const again = await w.core.ok('sync.exportAgain', { sequence: 1 }, w.operator);
    assert.equal(again.base64, first.base64);
    const clerk = (await w.core.loginAs('clerk')).token;
    const r = await w.core.call('sync.importHistory', {}, clerk);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.code, 'FORBIDDEN');
  } finally {
    await w.dispose();
  }
});

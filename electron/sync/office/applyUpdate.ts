// The single transaction of an import (bundle-security.md property 8): data, channel advance,
// bundle hash and history row commit together or not at all. Called only with content that
// verifyUpdate has fully checked inside the same transaction.
import type { Queryable } from '../../db/database';
import { mergeCalendar } from '../../../shared/calendar/mergeCalendar';
import { WorkingCalendar } from '../../../shared/calendar/workingCalendar';
import { readCalendar, writeCalendar } from '../../store/calendarStore';
import { upsertListEntries, upsertMeasures, upsertRecords, upsertSubjects } from '../../store/populationStore';
import { setSetting } from '../../store/settingsStore';
import { APPLY_BATCH, forEachBatch } from '../../store/syncApplyStore';
import { acknowledgeUpTo, advanceChannel, insertKeyring, upsertOfficeKeys } from '../../store/syncStore';
import { appendCaseEvent } from '../../store/caseStore';
import { liftListEntriesOf } from '../../store/caseRecordStore';
import { KEYRING_FILE } from '../bundle/index';
import { syncFail } from '../content/syncError';
import { UPDATE_FILES } from '../content/schemas';
import { keyringFingerprint } from './provisioning';
import type { VerifiedUpdate } from './verifyUpdate';

export const PURPOSES_SETTING = 'catalog_purposes';
export const ruleProfileSetting = (id: string): string => `rule_profile_doc:${id}`;

export interface ApplyEffects {
  calendarChanged: boolean;
  purposesChanged: boolean;
  acknowledged: number[];
}

export async function applyUpdate(tx: Queryable, v: VerifiedUpdate, at: string, onProgress?: (done: number, total: number) => void): Promise<ApplyEffects> {
  const c = v.content;
  const total = c.subjects.length + c.records.length + c.listEntries.length;
  let done = 0;
  const step = async <T>(rows: readonly T[], fn: (tx: Queryable, b: readonly T[]) => Promise<void>) =>
    forEachBatch(rows, APPLY_BATCH, async (b) => {
      await fn(tx, b);
      done += b.length;
      onProgress?.(done, total);
    });

  await upsertMeasures(tx, c.measures);
  await step(c.subjects, upsertSubjects);
  await step(c.records, upsertRecords);
  await step(c.listEntries, upsertListEntries);

  if (c.purposes.length > 0) await setSetting(tx, PURPOSES_SETTING, JSON.stringify(c.purposes));
  for (const p of c.ruleProfiles) await setSetting(tx, ruleProfileSetting(p.id), JSON.stringify(p.document));

  if (c.calendar.length > 0) {
    const years = c.calendar.map((y) => y.year);
    const update = { days: c.calendar.flatMap((y) => y.days), coverage: { fromYear: Math.min(...years), toYear: Math.max(...years) } };
    try {
      const merged = mergeCalendar(await readCalendar(tx), update);
      new WorkingCalendar(merged.days, merged.coverage);
      await writeCalendar(tx, merged, `bundle ${v.opened.header.sequence}`);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      syncFail('SYNC_CONTENT_INVALID', { name: UPDATE_FILES.calendar, line: 2, detail: e.message });
    }
  }
  await upsertOfficeKeys(tx, c.officeKeys, at);

  for (const o of c.outcomes) {
    // The providing unit decided: the records take the platform's new state and the case moves
    // to "decided" with that outcome; the clerk then notifies the applicant as for any decision.
    const effects: Record<string, unknown>[] = [];
    for (const e of o.records) {
      const id = o.recordIds.get(e.centralId)!;
      await tx.run(
        `UPDATE record SET status = ?, content = coalesce(?, content), publicity_end = coalesce(?, publicity_end), version = version + 1 WHERE id = ?`,
        [e.status, e.content, e.publicityEnd, id],
      );
      const lifted = o.outcome === 'removed_from_list' ? await liftListEntriesOf(tx, id, 'removed', o.decidedOn) : [];
      effects.push({ recordId: id, status: e.status, ...(e.content ? { contentChanged: true } : {}), ...(lifted.length ? { listEntriesRemoved: lifted } : {}) });
    }
    await tx.run(
      `UPDATE objection SET state = 'decided', is_open = 0, due_on = NULL, outcome = ?, outcome_reason = ?, decided_at = ?,
         provider_replied_on = coalesce(provider_replied_on, ?) WHERE id = ?`,
      [o.outcome, o.reason, o.decidedAt, o.decidedOn, o.objectionId],
    );
    await appendCaseEvent(tx, 'objection', o.objectionId, {
      at, actorId: null, actor: 'platform', action: 'provider_outcome', fromState: 'verifying', toState: 'decided', reason: o.reason,
      detail: { outcome: o.outcome, decidedOn: o.decidedOn, bundle: v.opened.bundleHash, effects },
    });
  }

  let acknowledged: number[] = [];
  const maxAck = Math.max(0, ...c.acknowledgements.map((a) => a.sequence));
  if (maxAck > 0) acknowledged = await acknowledgeUpTo(tx, maxAck, at);

  if (v.opened.newKeyring) {
    const envelope = v.opened.files.get(KEYRING_FILE)!.records[0];
    await insertKeyring(tx, { version: v.opened.newKeyring.version, envelope: JSON.stringify(envelope), fingerprint: keyringFingerprint(v.opened.newKeyring), installed_at: at, source: 'bundle' });
  }
  const h = v.opened.header;
  await advanceChannel(tx, { sender: h.sender.name, recipient: h.recipient.name, channel: h.channel, last_sequence: h.sequence, last_hash: v.opened.bundleHash, created_at: h.createdAt, updated_at: at });
  return { calendarChanged: c.calendar.length > 0, purposesChanged: c.purposes.length > 0, acknowledged };
}

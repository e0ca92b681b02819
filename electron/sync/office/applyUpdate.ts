// Writing a verified update bundle, in two halves (docs/architecture.md, "Two files"):
//  - the platform half, one transaction on the platform file through the import's own
//    connection: the platform's rows batch by batch as the worker verifies the stream, then (once
//    the whole content passed) the records a providing unit decided on and a pending row holding
//    everything the office half needs;
//  - the office half, one transaction on the office file: catalogues, rule profiles, calendar,
//    office keys, objection outcomes, acknowledgements, keyring, channel advance (the caller adds
//    history and audit to the same transaction).
// The platform half's commit is the import's commit point: a pending row found at start-up has
// its office half done then, from the row alone, so a kill at any moment leaves the office as
// before or as after (bundle-security.md 8).
import type { PlatformTx, Queryable } from '../../db/database';
import { readCalendar, writeCalendar } from '../../store/calendarStore';
import { upsertListEntriesJson, upsertMeasuresJson, upsertRecordsJson, upsertSubjectsJson } from '../../store/populationStore';
import { PURPOSES_SETTING, setSetting } from '../../store/settingsStore';
import { applyOutcomeToRecord, decideObjectionFromProvider, insertPendingImport } from '../../store/syncApplyStore';
import { acknowledgeUpTo, advanceChannel, insertKeyring, upsertOfficeKeys } from '../../store/syncStore';
import { appendCaseEvent } from '../../store/caseStore';
import { liftListEntriesOf } from '../../store/caseRecordStore';
import type { BundleJob } from '../worker/startBundleJob';
import type { BundleSummary, ContentEnd, PlatformKind } from '../worker/protocol';
import type { OfficeContent } from './updateContent';
import { checkAndWriteBatch, mergedCalendar, startUniqueness } from './verifyUpdate';
import type { ResolvedOutcome } from './verifyUpdate';

export const ruleProfileSetting = (id: string): string => `rule_profile_doc:${id}`;

/** Everything the office half needs, kept in the pending row between the two commits. */
export interface OfficePart {
  summary: BundleSummary;
  counts: Record<string, number>;
  fileName: string | null;
  caller: { accountId: number; username: string } | null;
  at: string;
  office: OfficeContent;
  outcomes: (ResolvedOutcome & { effects: Record<string, unknown>[] })[];
  newKeyring: ContentEnd['newKeyring'];
}

export interface ApplyEffects {
  calendarChanged: boolean;
  purposesChanged: boolean;
  acknowledged: number[];
}

const UPSERT: Record<PlatformKind, (tx: PlatformTx, json: string) => Promise<void>> = {
  measures: upsertMeasuresJson, subjects: upsertSubjectsJson, records: upsertRecordsJson, listEntries: upsertListEntriesJson,
};

/**
 * The platform half, inside the platform transaction `tx`: every batch is checked and written as
 * the worker verifies the stream; once the content has ended without a refusal, the office's
 * preconditions are checked (`prepare`), the decided records written and the pending row added.
 * Returns the office half's input. A refusal anywhere rolls the whole transaction back.
 */
export async function applyPlatformHalf(
  tx: PlatformTx, job: BundleJob, prepare: (end: ContentEnd) => Promise<{ part: Omit<OfficePart, 'outcomes'>; outcomes: readonly ResolvedOutcome[] }>,
  onRows: (rows: number) => void | Promise<void>,
): Promise<OfficePart> {
  await startUniqueness(tx);
  for (let b = await job.nextBatch(); b; b = await job.nextBatch()) {
    await checkAndWriteBatch(tx, b, UPSERT[b.kind]);
    await onRows(b.rows);
  }
  const { part, outcomes } = await prepare(job.end!);
  const decided: OfficePart['outcomes'] = [];
  for (const o of outcomes) {
    // The providing unit decided: the records take the platform's new state.
    const effects: Record<string, unknown>[] = [];
    for (const e of o.row.records) {
      const id = o.recordIds[e.centralId]!;
      await applyOutcomeToRecord(tx, id, e);
      const lifted = o.row.outcome === 'removed_from_list' ? await liftListEntriesOf(tx, id, 'removed', o.row.decidedOn) : [];
      effects.push({ recordId: id, status: e.status, ...(e.content ? { contentChanged: true } : {}), ...(lifted.length ? { listEntriesRemoved: lifted } : {}) });
    }
    decided.push({ ...o, effects });
  }
  const full: OfficePart = { ...part, outcomes: decided };
  await insertPendingImport(tx, { bundle_hash: part.summary.bundleHash, at: part.at, office_part: JSON.stringify(full) });
  return full;
}

/** The office half, inside the office transaction `tx`. */
export async function applyOfficeHalf(tx: Queryable, p: OfficePart): Promise<ApplyEffects> {
  const c = p.office;
  if (c.purposes.length > 0) await setSetting(tx, PURPOSES_SETTING, JSON.stringify(c.purposes));
  for (const r of c.ruleProfiles) await setSetting(tx, ruleProfileSetting(r.id), JSON.stringify(r.document));
  if (c.calendar.length > 0) await writeCalendar(tx, mergedCalendar(await readCalendar(tx), c), `bundle ${p.summary.sequence}`);
  await upsertOfficeKeys(tx, c.officeKeys, p.at);
  for (const o of p.outcomes) {
    // The case moves to "decided" with the providing unit's outcome; the clerk then notifies the
    // applicant as for any decision.
    await decideObjectionFromProvider(tx, o.objectionId, o.row);
    await appendCaseEvent(tx, 'objection', o.objectionId, {
      at: p.at, actorId: null, actor: 'platform', action: 'provider_outcome', fromState: 'verifying', toState: 'decided', reason: o.row.reason,
      detail: { outcome: o.row.outcome, decidedOn: o.row.decidedOn, bundle: p.summary.bundleHash, effects: o.effects },
    });
  }
  const maxAck = Math.max(0, ...c.acknowledgements.map((a) => a.sequence));
  const acknowledged = maxAck > 0 ? await acknowledgeUpTo(tx, maxAck, p.at) : [];
  if (p.newKeyring) {
    await insertKeyring(tx, { version: p.newKeyring.version, envelope: JSON.stringify(p.newKeyring.envelope), fingerprint: p.newKeyring.fingerprint, installed_at: p.at, source: 'bundle' });
  }
  const s = p.summary;
  await advanceChannel(tx, { sender: s.sender, recipient: s.recipient, channel: s.channel, last_sequence: s.sequence, last_hash: s.bundleHash, created_at: s.createdAt, updated_at: p.at });
  return { calendarChanged: c.calendar.length > 0, purposesChanged: c.purposes.length > 0, acknowledged };
}

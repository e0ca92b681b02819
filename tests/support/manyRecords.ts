import type { Database } from '../../electron/db/database';
import { upsertListEntriesJson, upsertRecordsJson } from '../../electron/store/populationStore';
import type { ListEntryRow, RecordRow } from '../../shared/domain/population';
import { RECORD_CATEGORIES, RECORD_STATUSES, SEVERITIES } from '../../shared/domain/record';
import { LIST_TYPES } from '../../shared/domain/list';
import { addCalendarDays } from '../../shared/calendar/dates';

// One subject holding tens of thousands of rows, written straight into the store the way an import
// writes them: one JSON array bound as one parameter per 20,000 rows (json_each), in one transaction.
// Seconds, not minutes, so the counter's tests can state the attack as it was found.

const PER_STATEMENT = 20_000;

/**
 * Record i of a varied file: every category, severity and status, decision dates spread over ten
 * years before `today` (so the statutory tiers cut some), publicity ends before, on and after today,
 * and some not yet public. Deterministic.
 */
export function variedRecord(subjectCentralId: string, i: number, today: string): RecordRow {
  const category = RECORD_CATEGORIES[i % RECORD_CATEGORIES.length]!;
  const negative = category === 'admin_penalty' || category === 'dishonest_debtor' || category === 'black_list';
  const decidedOn = addCalendarDays(today, -((i * 7919) % 3650));
  const endShift = (i * 31) % 5;
  return {
    subjectCentralId,
    centralId: `${subjectCentralId}-R${i}`,
    category,
    domain: 'market',
    severity: negative || i % 11 === 0 ? SEVERITIES[i % SEVERITIES.length]! : null,
    penaltyKind: null,
    title: `第 ${i} 条记录`,
    content: '依据有关规定作出的决定。',
    providerUnit: '淄博市市场监督管理局',
    documentNo: `淄市监〔2026〕${i}号`,
    occurredOn: decidedOn,
    decidedOn,
    publicityStart: i % 97 === 0 ? addCalendarDays(today, 3) : decidedOn,
    publicityEnd: endShift === 0 ? null : addCalendarDays(today, endShift - 3),
    status: i % 13 === 0 ? RECORD_STATUSES[i % RECORD_STATUSES.length]! : 'active',
    version: 1,
  };
}

export async function seedRecords(db: Database, rows: readonly RecordRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += PER_STATEMENT) await upsertRecordsJson(tx, JSON.stringify(rows.slice(i, i + PER_STATEMENT)));
  }, { platform: true });
}

// The abnormal-operation list is an entity's (issue 24): a person's file holds the others.
const PERSON_LIST_TYPES = LIST_TYPES.filter((t) => t !== 'abnormal_operation');

/** List entry i of a person: every list type a person can be on, active or not, entry dates spread over the years. */
export function variedListEntry(subjectCentralId: string, i: number, today: string): ListEntryRow {
  return {
    subjectCentralId,
    centralId: `${subjectCentralId}-L${i}`,
    recordCentralId: null,
    listType: PERSON_LIST_TYPES[i % PERSON_LIST_TYPES.length]!,
    listName: `第 ${i} 个名单`,
    reason: '未履行生效法律文书确定的义务',
    basis: '最高人民法院关于公布失信被执行人名单信息的若干规定',
    decidingUnit: '淄博市中级人民法院',
    enteredOn: addCalendarDays(today, -((i * 37) % 2000)),
    exitOn: null,
    status: i % 4 === 0 ? 'exited' : 'active',
    measureCodes: [],
  };
}

export async function seedListEntries(db: Database, rows: readonly ListEntryRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += PER_STATEMENT) await upsertListEntriesJson(tx, JSON.stringify(rows.slice(i, i + PER_STATEMENT)));
  }, { platform: true });
}

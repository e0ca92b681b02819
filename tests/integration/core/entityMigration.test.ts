// Migration 25 (issue 24): the list-entry table is rebuilt to admit the abnormal-operation list.
// An office that already holds list entries and their measures keeps every row and id, and the
// keys between them still hold.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Database } from '../../../electron/db/database';
import { migrate } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';

test('migration 25 keeps every list entry and measure link, and admits abnormal_operation and entity registrations', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-mig25-'));
  const db = await Database.open(join(dir, 'x.sqlite'));
  try {
    await migrate(db, MIGRATIONS.filter((m) => m.version <= 24));
    await db.exec(`
      INSERT INTO subject (id, kind, id_number, name, legal_rep, region_code, central_id, version) VALUES (5, 'entity', '91110000600037341L', '某公司', '张三', '110000', 'E5', 1);
      INSERT INTO record (id, subject_id, central_id, category, domain, title, content, provider_unit, document_no, occurred_on, decided_on, publicity_start, status, version)
        VALUES (50, 5, 'R50', 'black_list', 'market', '列入', '严重失信', '某局', '1号', '2026-01-01', '2026-01-02', '2026-01-03', 'active', 1);
      INSERT INTO measure (id, code, kind, mandatory, title, basis) VALUES (9, 'M9', 'punishment', 1, '限制', '依据');
      INSERT INTO list_entry (id, subject_id, central_id, list_type, list_name, reason, basis, deciding_unit, record_id, entered_on, exit_on, status)
        VALUES (40, 5, 'L40', 'black', '严重失信主体名单', '原因', '依据', '某局', 50, '2026-01-02', NULL, 'active');
      INSERT INTO list_entry_measure (list_entry_id, measure_id) VALUES (40, 9);`);
    await assert.rejects(db.run("UPDATE list_entry SET list_type = 'abnormal_operation' WHERE id = 40"), /CHECK constraint failed/);
    await migrate(db);
    assert.deepEqual(
      await db.all('SELECT id, subject_id, central_id, list_type, record_id, status FROM list_entry'),
      [{ id: 40, subject_id: 5, central_id: 'L40', list_type: 'black', record_id: 50, status: 'active' }],
    );
    assert.deepEqual(await db.all('SELECT list_entry_id, measure_id FROM list_entry_measure'), [{ list_entry_id: 40, measure_id: 9 }]);
    await db.run("INSERT INTO list_entry (subject_id, central_id, list_type, list_name, reason, basis, deciding_unit, entered_on, status) VALUES (5, 'L41', 'abnormal_operation', '经营异常名录', '未报送年报', '依据', '市场监管局', '2026-07-01', 'active')");
    await assert.rejects(db.run("INSERT INTO list_entry_measure (list_entry_id, measure_id) VALUES (999, 9)"), /FOREIGN KEY/);
    await db.run("INSERT INTO entity_registration (subject_id, entity_type, address, business_scope, registration_authority, operating_status) VALUES (5, 'enterprise', '北京', '软件', '北京市市场监督管理局', 'subsisting')");
    await assert.rejects(db.run("INSERT INTO entity_registration (subject_id, entity_type, address, business_scope, registration_authority, operating_status) VALUES (999, 'enterprise', 'a', 'b', 'c', 'subsisting')"), /FOREIGN KEY/);
    assert.deepEqual(await db.all('PRAGMA platform.foreign_key_check'), []);
    assert.equal((await db.get<{ n: number }>("SELECT count(*) AS n FROM temp.sqlite_master"))?.n, 0);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

import type { StatementView } from '../../shared/domain/report';
import type { Queryable } from '../db/database';

export async function insertStatement(
  tx: Queryable,
  s: { subjectId: number; recordId: number | null; visitId: number; clerkId: number; text: string; createdAt: string },
): Promise<number> {
  const r = await tx.run('INSERT INTO statement (subject_id, record_id, visit_id, clerk_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    s.subjectId,
    s.recordId,
    s.visitId,
    s.clerkId,
    s.text,
    s.createdAt,
  ]);
  return r.lastID;
}

export function statementsOfSubject(db: Queryable, subjectId: number): Promise<StatementView[]> {
  return db.all<StatementView>(
    'SELECT id, record_id AS recordId, text, created_at AS createdAt FROM statement WHERE subject_id = ? ORDER BY id',
    [subjectId],
  );
}

export async function subjectOfRecord(db: Queryable, recordId: number): Promise<number | undefined> {
  return (await db.get<{ subject_id: number }>('SELECT subject_id FROM record WHERE id = ?', [recordId]))?.subject_id;
}

import type { Queryable } from '../db/database';

/** An objection annotation (异议标注) shown on every report while the objection is open. */
export interface Annotation {
  recordId: number;
  caseNo: string | null;
  since: string | null;
}

/**
 * Records of a subject that carry an open objection. Until the objection cases exist the record
 * status alone marks them; the objections module joins its cases here.
 */
export async function annotationsOfSubject(db: Queryable, subjectId: number): Promise<Annotation[]> {
  const rows = await db.all<{ id: number }>("SELECT id FROM record WHERE subject_id = ? AND status = 'under_objection'", [subjectId]);
  return rows.map((r) => ({ recordId: r.id, caseNo: null, since: null }));
}

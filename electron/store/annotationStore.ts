import type { Queryable } from '../db/database';

/** An objection annotation (异议标注) shown on every report while the objection is open. */
export interface Annotation {
  recordId: number;
  caseNo: string | null;
  since: string | null;
}

/**
 * Records of a subject that carry an open objection: accepted and not yet decided (the states of
 * shared/cases/caseStates OBJECTION_ANNOTATED_STATES). A record marked under objection by the
 * platform without a local case still carries the annotation, without a case number.
 */
export async function annotationsOfSubject(db: Queryable, subjectId: number): Promise<Annotation[]> {
  return db.all<Annotation>(
    `SELECT r.id AS recordId, o.case_no AS caseNo, o.received_on AS since
       FROM record r
       LEFT JOIN objection_record orr ON orr.record_id = r.id
             AND orr.objection_id IN (SELECT id FROM objection WHERE subject_id = ?1 AND state IN ('accepted','verifying'))
       LEFT JOIN objection o ON o.id = orr.objection_id
      WHERE r.subject_id = ?1 AND (r.status = 'under_objection' OR o.id IS NOT NULL)
      ORDER BY r.id`,
    [subjectId],
  );
}

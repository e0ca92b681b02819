import type { Queryable } from '../db/database';

export interface ReportRow {
  id: number;
  reportNo: string;
  visitId: number;
  subjectId: number | null;
  idNumber: string;
  issuedAt: string;
  issuedYear: string;
  clerkId: number;
  beyondFree: boolean;
  contentJson: string;
  digest: string;
  qrPayload: string;
  signature: string;
  keyId: string;
  verifyCode: string;
}

const COLUMNS = `id, report_no AS reportNo, visit_id AS visitId, subject_id AS subjectId, id_number AS idNumber, issued_at AS issuedAt,
  issued_year AS issuedYear, clerk_id AS clerkId, beyond_free AS beyondFree, content_json AS contentJson, digest, qr_payload AS qrPayload,
  signature, key_id AS keyId, verify_code AS verifyCode`;

type RawRow = Omit<ReportRow, 'beyondFree'> & { beyondFree: number };
const fromRaw = (r: RawRow | undefined): ReportRow | undefined => (r ? { ...r, beyondFree: r.beyondFree === 1 } : undefined);

export async function insertReport(tx: Queryable, r: Omit<ReportRow, 'id'>): Promise<number> {
  const res = await tx.run(
    `INSERT INTO report (report_no, visit_id, subject_id, id_number, issued_at, issued_year, clerk_id, beyond_free, content_json, digest,
                         qr_payload, signature, key_id, verify_code)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      r.reportNo, r.visitId, r.subjectId, r.idNumber, r.issuedAt, r.issuedYear, r.clerkId, r.beyondFree ? 1 : 0, r.contentJson, r.digest,
      r.qrPayload, r.signature, r.keyId, r.verifyCode,
    ],
  );
  return res.lastID;
}

export async function findReport(db: Queryable, id: number): Promise<ReportRow | undefined> {
  return fromRaw(await db.get<RawRow>(`SELECT ${COLUMNS} FROM report WHERE id = ?`, [id]));
}

export async function findReportByVisit(db: Queryable, visitId: number): Promise<ReportRow | undefined> {
  return fromRaw(await db.get<RawRow>(`SELECT ${COLUMNS} FROM report WHERE visit_id = ?`, [visitId]));
}

export async function findReportByNo(db: Queryable, reportNo: string): Promise<ReportRow | undefined> {
  return fromRaw(await db.get<RawRow>(`SELECT ${COLUMNS} FROM report WHERE report_no = ?`, [reportNo]));
}

/** Reports issued to this ID number in a China calendar year: the free-report count. */
export async function countReportsInYear(db: Queryable, idNumber: string, year: string): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM report WHERE id_number = ? AND issued_year = ?', [idNumber, year]))?.n ?? 0;
}

/** Reports numbered today by this office, for the next serial. */
export async function countReportsWithPrefix(db: Queryable, prefix: string): Promise<number> {
  return (await db.get<{ n: number }>("SELECT count(*) AS n FROM report WHERE report_no LIKE ? || '%'", [prefix]))?.n ?? 0;
}

export async function insertPrint(tx: Queryable, p: { reportId: number; copyNo: number; kind: 'print' | 'pdf'; at: string; clerkId: number }): Promise<void> {
  await tx.run('INSERT INTO report_print (report_id, copy_no, kind, at, clerk_id) VALUES (?, ?, ?, ?, ?)', [p.reportId, p.copyNo, p.kind, p.at, p.clerkId]);
}

export async function countPrints(db: Queryable, reportId: number): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM report_print WHERE report_id = ?', [reportId]))?.n ?? 0;
}

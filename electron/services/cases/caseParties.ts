import type { CaseApplicant, CaseParties } from '../../../shared/cases/caseTypes';
import type { SubjectKind } from '../../../shared/domain/subject';
import { maskIdNumber, maskName, type MaskingOptions } from '../../../shared/masking';
import type { Queryable } from '../../db/database';
import { findAuthorization } from '../../store/authorizationStore';
import { findLegalRepVisit, registrationOf } from '../../store/entityStore';

// The subject and the applicant of an objection or a repair application (issue 24), read from the
// visit the case was taken in: a case names who applied exactly as the counter checked them. An
// entity's name and code are public (enterprise information publicity); every person, the legal
// representative and an agent included, is masked on screen like any person.

interface PartiesSource {
  subjectId: number;
  idNumber: string;
  visitId: number | null;
  applicantKind: 'self' | 'agent';
}

export interface CasePartiesFull extends CaseParties {
  /** The subject's number as shown: a person's masked, an entity's whole. */
  numberShown: string;
  /** An entity found under its old registration number carries that number instead of a code. */
  numberIsRegistrationNo: boolean;
  /** For the receipt, handed to the applicant: names in full. */
  applicantName: string | null;
  letter: Extract<CaseApplicant, { kind: 'agent' }>['letter'] | null;
}

export async function casePartiesOf(db: Queryable, c: PartiesSource, masking: MaskingOptions): Promise<CasePartiesFull> {
  const subject = await db.get<{ kind: SubjectKind; name: string }>('SELECT kind, name FROM subject WHERE id = ?', [c.subjectId]);
  const kind = subject?.kind ?? 'person';
  const isEntity = kind === 'entity';
  const registrationNo = isEntity ? (await registrationOf(db, c.subjectId))?.registrationNo ?? null : null;
  let applicant: CaseApplicant | null = c.applicantKind === 'self' && !isEntity ? { kind: 'self' } : null;
  let applicantName: string | null = null;
  let letter: CasePartiesFull['letter'] = null;
  if (c.visitId !== null && c.applicantKind === 'agent') {
    const a = await findAuthorization(db, c.visitId);
    if (a) {
      letter = { documentNo: a.documentNo, validFrom: a.validFrom, validTo: a.validTo, scanned: a.attachmentSha256 !== null };
      applicantName = a.agentName;
      applicant = { kind: 'agent', name: maskName(a.agentName, masking), idNumberMasked: maskIdNumber(a.agentIdNumber, masking), letter };
    }
  } else if (c.visitId !== null && isEntity) {
    // The legal representative in person is the entity's "self" applicant; the person is in visit_legal_rep.
    const rep = await findLegalRepVisit(db, c.visitId);
    if (rep) {
      applicantName = rep.name;
      applicant = { kind: 'legal_rep', name: maskName(rep.name, masking), idNumberMasked: maskIdNumber(rep.idNumber, masking) };
    }
  }
  return {
    subjectKind: kind,
    subjectName: isEntity ? subject!.name : subject ? maskName(subject.name, masking) : '',
    applicant,
    numberShown: isEntity ? c.idNumber : maskIdNumber(c.idNumber, masking),
    numberIsRegistrationNo: isEntity && registrationNo === c.idNumber,
    applicantName,
    letter,
  };
}

/**
 * The receipt's lines on who the case is about and who applied: a person's masked ID number and
 * 本人/代理人; an entity's name and code whole and 法定代表人/经办人, the agent's letter for both.
 */
export function partyReceiptRows(p: CasePartiesFull): [string, string][] {
  const rows: [string, string][] = p.subjectKind === 'entity'
    ? [['信息主体名称', p.subjectName], [p.numberIsRegistrationNo ? '注册号' : '统一社会信用代码', p.numberShown]]
    : [['信息主体证件号码', p.numberShown]];
  const agentWord = p.subjectKind === 'entity' ? '经办人' : '代理人';
  const who = p.applicant?.kind === 'agent'
    ? `${agentWord} ${p.applicantName ?? ''}`.trim()
    : p.subjectKind === 'entity' ? `法定代表人 ${p.applicantName ?? ''}`.trim() : '信息主体本人';
  rows.push(['申请人', who]);
  if (p.letter) {
    rows.push(['授权委托书', `${p.letter.documentNo}，有效期 ${p.letter.validFrom} 至 ${p.letter.validTo}，${p.letter.scanned ? '已附扫描件' : '未附扫描件'}`]);
  }
  return rows;
}

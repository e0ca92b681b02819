import type { TFunction } from 'i18next';
import type { ObjectionCase } from '../../../../shared/cases/caseTypes';

/**
 * Who applied for a case, as the case page says it: 本人/代理人 for a person, 法定代表人/经办人 for
 * an entity (issue 24), the applicant's masked name and an agent's letter.
 */
export function applicantLine(t: TFunction, c: Pick<ObjectionCase, 'subjectKind' | 'applicantKind' | 'applicant'>): string {
  const a = c.applicant;
  if (c.subjectKind !== 'entity') {
    const word = t(`cases.applicant.${c.applicantKind}`);
    return a?.kind === 'agent' ? `${word} ${a.name} · ${letterText(t, a.letter)}` : word;
  }
  if (a?.kind === 'agent') return `${t('cases.entityApplicant.agent')} ${a.name} · ${letterText(t, a.letter)}`;
  return `${t('cases.entityApplicant.legal_rep')}${a?.kind === 'legal_rep' ? ` ${a.name}` : ''}`;
}

function letterText(t: TFunction, l: Extract<NonNullable<ObjectionCase['applicant']>, { kind: 'agent' }>['letter']): string {
  return t('cases.letter', { no: l.documentNo, from: l.validFrom, to: l.validTo });
}

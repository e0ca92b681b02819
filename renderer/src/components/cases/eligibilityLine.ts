import type { TFunction } from 'i18next';
import type { Locale } from '../../../../shared/i18n/errorMessages';
import type { RepairEligibility } from '../../../../shared/rules/repairEligibility';

/** One sentence for a repair eligibility verdict; shared by the intake form and the case page. */
export function eligibilityLine(t: TFunction, locale: Locale, e: RepairEligibility): string {
  switch (e.status) {
    case 'eligible':
      return t('cases.eligible', { since: e.since });
    case 'not_yet':
      return t('cases.notYet', { date: e.earliestOn });
    case 'non_repairable':
      return t('cases.nonRepairable', { rule: e.rule.label[locale] });
    case 'needs_review':
      return t('cases.needsReviewPenaltyKind', { rule: e.rule.label[locale] });
    case 'expired':
      return t('cases.expired', { date: e.publicationEndedOn });
    case 'not_published':
      return t('cases.notPublished');
    case 'under_objection':
      return t('cases.underObjection');
    default:
      return t('cases.notApplicable');
  }
}

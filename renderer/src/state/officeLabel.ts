import type { TFunction } from 'i18next';
import type { OfficeStatus } from '../../../shared/contract';
import { UNPROVISIONED_OFFICE_CODE } from '../../../shared/domain/office';

/** "name · code", or "not provisioned yet" in the console's language before provisioning. */
export function officeLabel(status: Pick<OfficeStatus, 'officeCode' | 'officeName'>, t: TFunction): string {
  return status.officeCode === UNPROVISIONED_OFFICE_CODE ? t('errorsUi.officeNotProvisioned') : `${status.officeName} · ${status.officeCode}`;
}

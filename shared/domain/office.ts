/** The office code before provisioning; the UI shows "not provisioned yet" in its own language instead. */
export const UNPROVISIONED_OFFICE_CODE = '000000-00';
/** The office name before provisioning, for documents (Chinese only: documents never mix languages). */
export const UNPROVISIONED_OFFICE_NAME = '未开通的服务窗口';

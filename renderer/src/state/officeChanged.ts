/** Window event a screen fires after it changed the office's code or name (provisioning), so the shell re-reads them. */
export const OFFICE_CHANGED = 'creditdesk:office-changed';

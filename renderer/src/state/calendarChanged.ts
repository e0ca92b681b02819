/** Window event the calendar screen fires after a year was confirmed, so the warning above every screen re-reads the status. */
export const CALENDAR_CHANGED = 'creditdesk:calendar-changed';

/** The single IPC channel; every API method travels on it and is routed by the dispatcher. */
export const API_CHANNEL = 'creditdesk:api';
/** Printing is a shell capability, not a core method: the renderer hands over a finished PDF. */
export const PRINT_CHANNEL = 'creditdesk:print';
/** The printers the OS offers, for the print dialog's choice. */
export const PRINTERS_CHANNEL = 'creditdesk:printers';

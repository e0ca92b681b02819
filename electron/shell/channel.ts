/** The single IPC channel; every API method travels on it and is routed by the dispatcher. */
export const API_CHANNEL = 'creditdesk:api';
/** Printing is a shell capability, not a core method: the renderer hands over a finished document. */
export const PRINT_CHANNEL = 'creditdesk:print';

/** The single IPC channel; every API method travels on it and is routed by the dispatcher. */
export const API_CHANNEL = 'creditdesk:api';

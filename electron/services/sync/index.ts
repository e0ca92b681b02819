// The office's side of sync, one module per part (issue 26 split the 509-line syncService.ts along
// its own sections): what they share, provisioning, import, export.
export * from './syncCommon';
export * from './provisioningService';
export * from './importService';
export * from './exportService';

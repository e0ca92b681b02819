import type { Role } from '../domain/account';

export const PERMISSIONS = [
  'counter.lookup',
  'subject.reveal',
  'querylog.read',
  'audit.read',
  'accounts.manage',
  'settings.manage',
  'report.print',
  'report.verify',
  'statement.create',
  'case.intake',
  'case.manage',
  'sync.import',
  'sync.export',
  'office.provision',
  'dashboard.office',
  'dashboard.own',
  // The office calendar (State Council holiday arrangements): entered by an administrator,
  // confirmed by a second administrator or a manager (who does what is checked in the service).
  'calendar.manage',
  // The office host's windows (issue 23): enroll, revoke, disable, enable, rename.
  'windows.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** 'public' needs no session (login, first-run); 'session' needs any unlocked session. */
export type Access = Permission | 'public' | 'session';

// Least privilege per role: the auditor reads logs but never looks anyone up (查询使用登记和审查);
// the admin manages accounts but does not serve the counter.
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  clerk: ['counter.lookup', 'subject.reveal', 'case.intake', 'report.print', 'report.verify', 'statement.create', 'dashboard.own'],
  manager: ['counter.lookup', 'subject.reveal', 'querylog.read', 'case.intake', 'case.manage', 'report.print', 'report.verify', 'statement.create', 'dashboard.office', 'dashboard.own', 'calendar.manage'],
  operator: ['settings.manage', 'sync.import', 'sync.export', 'office.provision'],
  auditor: ['querylog.read', 'audit.read', 'report.verify'],
  admin: ['accounts.manage', 'settings.manage', 'audit.read', 'sync.import', 'sync.export', 'office.provision', 'calendar.manage', 'windows.manage'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

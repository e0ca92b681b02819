export const ROLES = ['clerk', 'manager', 'operator', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface AccountInfo {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  locked: boolean;
  disabled: boolean;
  /** Set by an administrator's reset: the owner must choose a new password before anything else. */
  mustChangePassword: boolean;
}

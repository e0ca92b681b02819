import type { ComponentType } from 'react';
import type { Permission } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/account';
import { AccountsScreen } from './AccountsScreen';
import { AuditScreen } from './AuditScreen';
import { CaseQueueScreen } from './CaseQueueScreen';
import { CounterScreen } from './CounterScreen';
import { DashboardScreen } from './DashboardScreen';
import { QueryLogScreen } from './QueryLogScreen';
import { VerifyReportScreen } from './VerifyReportScreen';
import { RuleProfileScreen } from './cases/RuleProfileScreen';
import { ExportScreen } from './sync/ExportScreen';
import { ImportScreen } from './sync/ImportScreen';
import { ProvisionScreen } from './sync/ProvisionScreen';

export interface ScreenEntry {
  key: string;
  /** i18n key of the navigation label. */
  label: string;
  /** Shown only to roles that hold this permission. */
  permission: Permission;
  component: ComponentType;
  /** Roles that land on this screen after login (otherwise the first screen they may see). */
  landing?: Role[];
}

// The navigation: one line per screen; a feature adds its own entry here.
export const SCREENS: ScreenEntry[] = [
  { key: 'counter', label: 'nav.counter', permission: 'counter.lookup', component: CounterScreen },
  { key: 'dashboard', label: 'nav.dashboard', permission: 'dashboard.own', component: DashboardScreen, landing: ['manager'] },
  { key: 'cases', label: 'nav.cases', permission: 'case.manage', component: CaseQueueScreen },
  { key: 'verify', label: 'nav.verify', permission: 'report.verify', component: VerifyReportScreen },
  { key: 'querylog', label: 'nav.queryLog', permission: 'querylog.read', component: QueryLogScreen },
  { key: 'audit', label: 'nav.audit', permission: 'audit.read', component: AuditScreen },
  { key: 'accounts', label: 'nav.accounts', permission: 'accounts.manage', component: AccountsScreen },
  { key: 'ruleProfile', label: 'nav.ruleProfile', permission: 'settings.manage', component: RuleProfileScreen },
  { key: 'syncImport', label: 'nav.syncImport', permission: 'sync.import', component: ImportScreen },
  { key: 'syncExport', label: 'nav.syncExport', permission: 'sync.export', component: ExportScreen },
  { key: 'provision', label: 'nav.provision', permission: 'office.provision', component: ProvisionScreen },
];

import {
  IconAdjustments,
  IconCalendarEvent,
  IconCertificate,
  IconChecklist,
  IconClipboardList,
  IconDeviceDesktop,
  IconDownload,
  IconFolders,
  IconId,
  IconLayoutDashboard,
  IconListSearch,
  IconScan,
  IconThumbUp,
  IconShieldCheck,
  IconUpload,
  IconUsers,
  IconWorldCog,
} from '@tabler/icons-react';
import { lazy, type ComponentType } from 'react';
import type { Permission } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/account';
import { AccountsScreen } from './AccountsScreen';
import { AuditScreen } from './AuditScreen';
import { CalendarScreen } from './CalendarScreen';
import { CaseQueueScreen } from './CaseQueueScreen';
import { CounterScreen } from './CounterScreen';
import { QueryLogScreen } from './QueryLogScreen';
import { ReaderSettingsScreen } from './ReaderSettingsScreen';
import { HallEvaluationScreen } from './HallEvaluationScreen';
import { VerifyReportScreen } from './VerifyReportScreen';
import { WindowsScreen } from './WindowsScreen';
import { SetupChecklistScreen } from './SetupChecklistScreen';
import { RuleProfileScreen } from './cases/RuleProfileScreen';
import { ExportScreen } from './sync/ExportScreen';
import { ImportScreen } from './sync/ImportScreen';
import { ProvisionScreen } from './sync/ProvisionScreen';

// The dashboard brings the charting library (recharts, about 0.9 MB): loaded when first opened,
// not at start, since only managers see it and the counter must come up fast.
const DashboardScreen = lazy(() => import('./DashboardScreen').then((m) => ({ default: m.DashboardScreen })));

export interface ScreenEntry {
  key: string;
  /** i18n key of the navigation label. */
  label: string;
  /** Shown only to roles that hold this permission. */
  permission: Permission;
  component: ComponentType;
  /** Navigation icon; entries without one get a plain dot. */
  icon?: ComponentType<{ size?: number; stroke?: number }>;
  /** Roles that land on this screen after login (otherwise the first screen they may see). */
  landing?: Role[];
}

// The navigation: one line per screen; a feature adds its own entry here.
// The first visible entry is where a role lands: the administrator lands on the setup checklist.
export const SCREENS: ScreenEntry[] = [
  { key: 'counter', label: 'nav.counter', permission: 'counter.lookup', component: CounterScreen, icon: IconId },
  { key: 'dashboard', label: 'nav.dashboard', permission: 'dashboard.own', component: DashboardScreen, icon: IconLayoutDashboard, landing: ['manager'] },
  { key: 'setup', label: 'nav.setup', permission: 'accounts.manage', component: SetupChecklistScreen, icon: IconChecklist },
  { key: 'cases', label: 'nav.cases', permission: 'case.manage', component: CaseQueueScreen, icon: IconFolders },
  { key: 'verify', label: 'nav.verify', permission: 'report.verify', component: VerifyReportScreen, icon: IconCertificate },
  { key: 'querylog', label: 'nav.queryLog', permission: 'querylog.read', component: QueryLogScreen, icon: IconListSearch },
  { key: 'audit', label: 'nav.audit', permission: 'audit.read', component: AuditScreen, icon: IconShieldCheck },
  { key: 'accounts', label: 'nav.accounts', permission: 'accounts.manage', component: AccountsScreen, icon: IconUsers },
  { key: 'windows', label: 'nav.windows', permission: 'windows.manage', component: WindowsScreen, icon: IconDeviceDesktop },
  { key: 'ruleProfile', label: 'nav.ruleProfile', permission: 'settings.manage', component: RuleProfileScreen, icon: IconAdjustments },
  { key: 'cardReader', label: 'nav.cardReader', permission: 'settings.manage', component: ReaderSettingsScreen, icon: IconScan },
  { key: 'hallEvaluation', label: 'nav.hallEvaluation', permission: 'settings.manage', component: HallEvaluationScreen, icon: IconThumbUp },
  { key: 'calendar', label: 'nav.calendar', permission: 'calendar.manage', component: CalendarScreen, icon: IconCalendarEvent },
  { key: 'syncImport', label: 'nav.syncImport', permission: 'sync.import', component: ImportScreen, icon: IconDownload },
  { key: 'syncExport', label: 'nav.syncExport', permission: 'sync.export', component: ExportScreen, icon: IconUpload },
  { key: 'provision', label: 'nav.provision', permission: 'office.provision', component: ProvisionScreen, icon: IconWorldCog },
];

export const DEFAULT_NAV_ICON = IconClipboardList;

import { accountsSetRole, accountsUnlock } from './accountCommands';
import { auditAcknowledge, auditVerify } from './auditVerify';
import { backup, restore } from './backupCommands';
import { calendarConfirm, calendarPropose, calendarShow } from './calendarCommands';
import type { CliCommand } from './command';
import { host, windowsDisable, windowsEnable, windowsEnroll, windowsList, windowsRename, windowsRevoke } from './hostCommands';
import { syncExport, syncImport, syncInit, syncInspect } from './syncCommands';

// The staff commands, one line each; a feature adds its own here.
export const COMMANDS: CliCommand[] = [auditVerify, auditAcknowledge, syncInit, syncImport, syncExport, syncInspect, backup, restore, accountsUnlock, accountsSetRole, calendarShow, calendarPropose, calendarConfirm, host, windowsEnroll, windowsList, windowsRevoke, windowsDisable, windowsEnable, windowsRename];

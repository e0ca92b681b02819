import { accountsSetRole, accountsUnlock } from './accountCommands';
import { auditVerify } from './auditVerify';
import { backup, restore } from './backupCommands';
import type { CliCommand } from './command';
import { syncExport, syncImport, syncInit, syncInspect } from './syncCommands';

// The staff commands, one line each; a feature adds its own here.
export const COMMANDS: CliCommand[] = [auditVerify, syncInit, syncImport, syncExport, syncInspect, backup, restore, accountsUnlock, accountsSetRole];

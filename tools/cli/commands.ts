import { auditVerify } from './auditVerify';
import type { CliCommand } from './command';

// The staff commands, one line each; a feature adds its own here.
export const COMMANDS: CliCommand[] = [auditVerify];

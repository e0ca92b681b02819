import { setCommandClock } from '../../tools/cli/dataDirArg';
import { clockFrom } from './clock';

// The staff command line as the tests run it: `creditdesk` exactly, with the office clock starting
// at the instant the test states (`--office-now 2026-12-10T10:00:00+08:00`, first), so that what a
// command decides by the date (which year may be entered, which are missing) never depends on the
// day the suite runs. Like the e2e console's clockedWebMain; the shipped command line has no such flag.
const [flag, instant] = process.argv.splice(2, 2);
if (flag !== '--office-now' || instant === undefined) {
  console.error('clockedCreditdesk needs --office-now ISO-INSTANT first');
  process.exit(2);
}
setCommandClock(clockFrom(instant));
await import('../../tools/creditdesk');

import { runBrowserMode } from '../../electron/host/browserMode';
import { clockFrom } from './clock';

// The integration tests' console: browser mode exactly as `npm start` serves it (the same start,
// data directory claim, core and host), with the office clock at the instant the test states and a
// page of the test's own instead of the built renderer, since the integration suite runs before
// any build. `--office-now ISO-INSTANT --static-dir DIR` first, then the console's own flags.
const [nowFlag, instant, dirFlag, staticDir, ...argv] = process.argv.slice(2);
if (nowFlag !== '--office-now' || instant === undefined || dirFlag !== '--static-dir' || staticDir === undefined) {
  console.error('clockedConsole needs --office-now ISO-INSTANT --static-dir DIR first');
  process.exit(2);
}
runBrowserMode(argv, { now: clockFrom(instant), staticDir });

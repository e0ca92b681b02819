import { runBrowserMode } from '../../../electron/host/browserMode';
import { clockFrom } from '../../support/clock';

// The end-to-end suite's console: browser mode exactly as `npm start` serves it, with the office
// clock starting at the instant the spec states (`--office-now 2026-11-18T10:00:00+08:00`). Built
// into out/e2e by `npm run test:e2e` only; the packaged console has no such entry or flag.
const argv = process.argv.slice(2);
const at = argv.indexOf('--office-now');
if (at < 0 || argv[at + 1] === undefined) {
  console.error('clockedWebMain needs --office-now ISO-INSTANT');
  process.exit(2);
}
const now = clockFrom(argv[at + 1]!);
argv.splice(at, 2);
runBrowserMode(argv, { now });

import { runBrowserMode } from './browserMode';

// `npm start` without Electron, and `npm run web`: browser mode on the system clock.
runBrowserMode(process.argv.slice(2));

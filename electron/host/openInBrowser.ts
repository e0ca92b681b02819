import { spawn, type ChildProcess } from 'node:child_process';
import { openFailedLine } from './launchLines';

/** The system's "open this with the default browser" command. */
export function systemOpenCommand(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? 'explorer' : platform === 'darwin' ? 'open' : 'xdg-open';
}

/**
 * Opens `target` in the system browser. A failure is said, never silent (issue 28): the command
 * missing (no desktop, a server) or exiting non-zero (xdg-open finds no browser) calls `onFailed`
 * with the line to print. Explorer exits 1 even when it opened the page, so its code is not read.
 */
export function openInBrowser(target: string, onFailed: (line: string) => void, command: string = systemOpenCommand()): ChildProcess {
  let said = false;
  const fail = (reason: string) => {
    if (said) return;
    said = true;
    onFailed(openFailedLine(target, reason));
  };
  const child = spawn(command, [target], { stdio: 'ignore', detached: true });
  child.on('error', (err: NodeJS.ErrnoException) => fail(`${command}: ${err.code ?? err.message}`));
  child.on('exit', (code, signal) => {
    if (command === 'explorer') return;
    if (code !== 0 && code !== null) fail(`${command} exited with code ${code}`);
    else if (signal) fail(`${command} was stopped by ${signal}`);
  });
  // The console does not wait for the opener (it may stay up as long as the browser).
  child.unref();
  return child;
}

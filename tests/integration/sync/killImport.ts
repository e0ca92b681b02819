import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { nodeScript } from '../../support/nodeScript';

/**
 * Runs crashChild.ts (an import into the office in `dir`, its own process owning the directory) and
 * SIGKILLs it, paused, once progress passes `at` of the rows, or at the named phase ("finishing":
 * the platform half committed, the office half not begun). Resolves once the child is gone.
 */
export function killImportAt(dir: string, file: string, now: string, at: number | 'applying' | 'finishing'): Promise<{ killedAt: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeScript(join(import.meta.dirname, 'crashChild.ts')), dir, file], { env: { ...process.env, CRASH_NOW: now }, stdio: ['pipe', 'pipe', 'inherit'] });
    let buf = '';
    let killedAt = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        if (killedAt) return;
        const m = /^progress (\d+) (\d+)$/.exec(line);
        if (line === 'committed') return reject(new Error('the child committed before it could be killed'));
        if ((m && typeof at === 'number' && Number(m[1]) >= at * Number(m[2])) || line === `phase ${at}`) {
          killedAt = line;
          child.kill('SIGKILL');
        } else if (m || line.startsWith('phase ')) child.stdin.write('g');
      }
    });
    child.on('exit', () => (killedAt ? resolve({ killedAt }) : reject(new Error('the child exited on its own'))));
  });
}

import { readSync } from 'node:fs';

/**
 * For a child process a crash test kills at a chosen step: blocks until the parent says go on (one
 * byte on stdin), so the parent's SIGKILL lands exactly between the steps, however loaded the
 * machine is, instead of racing the next commit. Exits 3 when stdin ends: the parent is gone (a
 * test that failed or timed out), and so is the reason to wait.
 */
export function waitForParent(): void {
  const byte = Buffer.alloc(1);
  for (;;) {
    try {
      const n = readSync(0, byte, 0, 1, null);
      if (n === 1) return;
      if (n === 0) process.exit(3);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  }
}

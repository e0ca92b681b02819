import { AsyncLocalStorage } from 'node:async_hooks';

/** A hold on one mutex, seen by everything the holder's async work runs. */
interface Hold {
  mutex: Mutex;
  /** False once the exclusive section ended: work it started and left running may lock again. */
  active: boolean;
}

const held = new AsyncLocalStorage<readonly Hold[]>();

/** Thrown instead of waiting forever when the holder of a mutex asks for it again. */
export class ReentrantLockError extends Error {
  constructor(what: string) {
    super(
      `${what} was called from inside work that already holds the database write lock (a transaction calling db.run, db.exec or db.transaction on the same database). ` +
        'It would wait for itself forever; use the transaction handle (tx) instead.',
    );
    this.name = 'ReentrantLockError';
  }
}

/** A FIFO async mutex: callers run one at a time, in the order they asked. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  /** `what` names the caller in the re-entry error. */
  runExclusive<T>(fn: () => Promise<T>, what = 'runExclusive'): Promise<T> {
    const outer = held.getStore() ?? [];
    if (outer.some((h) => h.mutex === this && h.active)) return Promise.reject(new ReentrantLockError(what));
    const hold: Hold = { mutex: this, active: true };
    const body = () =>
      held.run([...outer, hold], async () => {
        try {
          return await fn();
        } finally {
          hold.active = false;
        }
      });
    const result = this.tail.then(body, body);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

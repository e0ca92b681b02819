/**
 * A clock that starts at a stated instant and then runs at the real rate: what a test process
 * that must behave like a live console (timers, idle lock, a minute's sweep) sees instead of the
 * machine's date. The instant is parsed strictly: a test that names no valid instant fails at once.
 */
export function clockFrom(instant: string, elapsedMs: () => number = () => performance.now()): () => Date {
  const start = Date.parse(instant);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(instant) || Number.isNaN(start)) {
    throw new RangeError(`Not an ISO instant with its zone: ${JSON.stringify(instant)}`);
  }
  const t0 = elapsedMs();
  return () => new Date(start + (elapsedMs() - t0));
}

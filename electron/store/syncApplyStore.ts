
// Batching for bundle applies; the upserts themselves live in populationStore, shared with the
// demo office, the benchmark and the central platform.

export const APPLY_BATCH = 20_000;

export async function forEachBatch<T>(rows: readonly T[], size: number, fn: (batch: readonly T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

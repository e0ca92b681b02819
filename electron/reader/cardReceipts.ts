import { randomBytes } from 'node:crypto';

// Proof of presence (issue 25): a lookup may say its identity came from the card only by naming a
// read this core made, for the same clerk, of the same number, a short while ago. The page cannot
// make one up, and a read of one card cannot vouch for another person. Kept in memory only: a
// receipt is worth minutes, and the visit row records what it proved.

export const RECEIPT_TTL_MS = 10 * 60_000;
const MAX_RECEIPTS = 1000;

export interface CardReceipt {
  accountId: number;
  number: string;
  name: string;
  securityModuleId: string | null;
  expired: boolean;
  atMs: number;
}

export class CardReceipts {
  private readonly receipts = new Map<string, CardReceipt>();

  issue(receipt: CardReceipt): string {
    // Oldest first: a map keeps insertion order, so the cap drops the oldest receipts.
    while (this.receipts.size >= MAX_RECEIPTS) this.receipts.delete(this.receipts.keys().next().value!);
    const id = randomBytes(16).toString('hex');
    this.receipts.set(id, receipt);
    return id;
  }

  /** The receipt, if this clerk's and still fresh on the office clock; null otherwise. */
  find(id: string, accountId: number, nowMs: number): CardReceipt | null {
    const r = this.receipts.get(id);
    if (!r || r.accountId !== accountId || nowMs - r.atMs > RECEIPT_TTL_MS || nowMs < r.atMs) return null;
    return r;
  }
}

// Server-side pagination: every block carries a height estimate that is never below what Chromium
// lays out (see textMetrics), so a page holds exactly the blocks assigned to it and "page x of y"
// is known before anything is printed. A block never straddles a page break.

export interface Block {
  html: string;
  /** Estimated height in mm, including its bottom margin. */
  heightMm: number;
  /** Headings stay with the block that follows them. */
  keepWithNext?: boolean;
  /** Record blocks: used by tests to check that no record is split or lost. */
  recordId?: number;
}

export function paginate(blocks: readonly Block[], bodyHeightMm: number): Block[][] {
  const pages: Block[][] = [];
  let page: Block[] = [];
  let used = 0;
  const flush = () => {
    pages.push(page);
    page = [];
    used = 0;
  };
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i]!;
    let need = block.heightMm;
    if (block.keepWithNext) {
      const next = blocks[i + 1];
      if (next) need += Math.min(next.heightMm, bodyHeightMm - block.heightMm);
    }
    // An oversized block starts a fresh page and is then given the page alone (a record that long
    // cannot exist within the platform's field limits, but the layout must still terminate).
    if (used + need > bodyHeightMm && page.length > 0) flush();
    page.push(block);
    used += block.heightMm;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

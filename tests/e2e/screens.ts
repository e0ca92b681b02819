import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/**
 * The screen at 1024 and 1366 px (`name-1024.png`, `name-1366.png` in `dir`), failing if anything
 * runs off the side; the viewport is back at 1366 × 900 after.
 */
export async function shootWidths(page: Page, dir: string, name: string, opts: { fullPage?: boolean; height?: number } = {}): Promise<void> {
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: opts.height ?? 900 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px overflows by ${overflow} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: opts.fullPage ?? true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

import { demoConsoleFixture, expect, test as shared, type ConsoleServer } from './fixtures';

// The turn of the year with no arrangement for the next one (domain-rules.md, "When the year's
// holiday arrangement is not yet known"): on 28 December 2026 the demo office's latest repair
// applications fall due in January 2027, counted on weekends and the statutory holidays. The
// manager is warned on every screen, and each such date says it is provisional, in both languages.
const NOW = '2026-12-28T10:00:00+08:00';
const test = shared.extend<object, { server: ConsoleServer }>({ server: demoConsoleFixture(NOW) });
test.describe.configure({ timeout: 180_000 });

test('28 December without the 2027 arrangement: the manager is warned, and January due dates show as provisional', async ({ consolePage: c, page }) => {
  await c.loginAs('manager');
  await expect(page.getByTestId('calendar-warning')).toContainText('2027 年的国务院放假安排尚未载入');
  await page.getByTestId('nav-cases').click();
  await page.getByText('信用修复', { exact: true }).click();
  const provisional = page.getByTestId('queue-due-provisional');
  await expect(provisional.first()).toHaveText('预计');
  // Every provisional row is due in 2027; none of the 2026 dates is marked.
  const cells = page.getByTestId('queue-due-cell');
  for (const text of await cells.allTextContents()) {
    if (text.includes('预计')) expect(text).toMatch(/^2027-/);
    else expect(text).not.toMatch(/^2027-/);
  }
  await c.screenshotAt('year-turn-queue-zh', [1024, 1366]);

  await cells.filter({ hasText: '预计' }).first().click();
  await expect(page.getByTestId('case-due')).toContainText(/预计 2027-01-\d\d（以国务院 2027 年放假安排为准）/);
  await page.keyboard.press('Escape');

  await page.getByTestId('language').click();
  await expect(page.getByTestId('calendar-warning')).toContainText("The State Council's holiday arrangement for 2027 is not loaded");
  await expect(provisional.first()).toHaveText('provisional');
  await c.screenshotAt('year-turn-queue-en', [1024, 1366]);
  await page.getByTestId('language').click();
});

test('a clerk is not shown the calendar warning: there is nothing a clerk can do about it', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await expect(page.getByTestId('whoami')).toBeVisible();
  await expect(page.getByTestId('calendar-warning')).toHaveCount(0);
});

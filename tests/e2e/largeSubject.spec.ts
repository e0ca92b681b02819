import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idCheckChar } from '../../electron/seed/idNumbers';
import { LIST_ENTRIES_PAGE, SUBJECT_VIEW_PAGE } from '../../shared/domain/subjectView';
import { E2E_NOW, expect, startConsole, stopConsole, test as shared, type ConsoleServer } from './fixtures';

// Issue 29 item 9 at the counter: a person whose file is far larger than a page. The view counts
// the whole file per section and shows a page at a time; "show more" fetches the next. In both
// languages at 1024 and 1366 px.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const first17 = '37030319800214068';
const ID = first17 + idCheckChar(first17);
const NAME = '许多记';
const RECORDS = 1_234;
const LISTS = 2 * LIST_ENTRIES_PAGE + 5;

// The demo office is made by a first start; the person is written while the console is stopped
// (one process owns a data directory), then the console starts again on the same office.
const test = shared.extend<object, { server: ConsoleServer }>({
  server: [
    async ({}, use) => {
      const first = await startConsole({ demo: true });
      await stopConsole(first.server, first.child, { keepDataDir: true });
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'tests', 'e2e', 'support', 'seedLargeSubject.ts'), first.server.dataDir, E2E_NOW, ID, NAME, String(RECORDS), String(LISTS)], { cwd: root, env: { ...process.env, CREDITDESK_QUIET: '1' } });
      const again = await startConsole({ demo: true, dataDir: first.server.dataDir });
      await use({ ...again.server, passwords: first.server.passwords });
      await stopConsole(again.server, again.child);
    },
    { scope: 'worker', timeout: 300_000 },
  ],
});
test.describe.configure({ timeout: 180_000 });

test('a file of 1,234 records: counts of the whole file, a page at a time, in Chinese and English', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await c.lookup(ID, NAME, /本人了解/);
  await expect(page.getByTestId('subject-view')).toBeVisible();

  // The tabs count the whole file; the table holds one page of it.
  const other = page.getByTestId('tab-other');
  await other.click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByTestId('record-row')).toHaveCount(SUBJECT_VIEW_PAGE);
  const shown = panel.getByTestId('records-shown');
  await expect(shown).toHaveText(/^已显示 50 条，共 \d+ 条$/);
  const total = Number(/共 (\d+) 条/.exec((await shown.textContent()) ?? '')![1]);
  expect(total).toBeGreaterThan(2 * SUBJECT_VIEW_PAGE);
  await expect(panel.getByTestId('records-more')).toHaveText('再显示 50 条');
  await expect(page.getByTestId('lists-shown')).toHaveText(`已显示 ${LIST_ENTRIES_PAGE} 个名单，共 ${LISTS} 个`);
  await c.screenshotAt('counter-large-subject-zh', [1024, 1366]);

  await panel.getByTestId('records-more').click();
  await expect(panel.getByTestId('record-row')).toHaveCount(2 * SUBJECT_VIEW_PAGE);
  await expect(shown).toHaveText(`已显示 100 条，共 ${total} 条`);
  await page.getByTestId('lists-more').click();
  await expect(page.getByTestId('lists-shown')).toHaveText(`已显示 ${2 * LIST_ENTRIES_PAGE} 个名单，共 ${LISTS} 个`);
  await expect(page.getByTestId('lists-more')).toHaveText('再显示 5 个');

  await page.getByTestId('language').click();
  await expect(shown).toHaveText(`Showing 100 of ${total}`);
  await expect(panel.getByTestId('records-more')).toHaveText('Show 50 more');
  await expect(page.getByTestId('lists-shown')).toHaveText(`Showing ${2 * LIST_ENTRIES_PAGE} of ${LISTS} list entries`);
  await c.screenshotAt('counter-large-subject-en', [1024, 1366]);

  // The last list page: the button goes once everything is shown.
  await page.getByTestId('lists-more').click();
  await expect(page.getByTestId('lists-shown')).toHaveCount(0);
  await page.getByTestId('language').click();
});

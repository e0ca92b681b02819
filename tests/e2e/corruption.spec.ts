import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { platformFileOf } from '../../electron/db/database';
import { DATABASE_FILE } from '../../electron/keys/unlockOffice';
import { demoPersonWith } from './demoPeople';
import { demoConsoleFixture, expect, test as shared, type ConsoleServer } from './fixtures';

// Damage met mid-session (issue 26): the clerk's lookup that meets a damaged page says so in plain
// words, and the restore banner appears at once above the screen, instead of "something went
// wrong" and a console that carries on writing. A console of its own: the damage is for good.
const test = shared.extend<object, { server: ConsoleServer }>({ server: demoConsoleFixture() });

const person = demoPersonWith((b) => b.subject.kind === 'person' && b.records.length > 0);

test('a page damaged under the running console: the lookup says so and the restore banner shows at once', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await expect(page.getByTestId('integrity-failed')).toHaveCount(0);
  // Every page of the platform file but the first (its salt) overwritten while the console runs.
  const file = platformFileOf(join(c.server.dataDir, DATABASE_FILE));
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(size - 4096), 0, size - 4096, 4096);
  } finally {
    closeSync(fd);
  }
  await c.lookup(person.subject.idNumber, person.subject.name, /贷款申请/);
  await expect(page.getByTestId('error').first()).toContainText('数据库文件已损坏');
  await expect(page.getByTestId('integrity-failed')).toBeVisible();
  await c.screenshot('corruption-banner-zh');
});

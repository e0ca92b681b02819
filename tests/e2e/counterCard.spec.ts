import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { SubjectBundle } from '../../shared/domain/population';
import { startFakeCardReader, type FakeCardReader } from '../support/fakeCardReader/fakeCardReader';
import { CARDS, PHOTOS, type FakeCard } from '../support/fakeCardReader/fixtures';
import { demoPeopleWith } from './demoPeople';
import { DEMO_ENTITIES, demoEntities } from '../../electron/demo/demoEntities';
import { E2E_NOW, dayOf, demoConsoleFixture, expect, test, type ConsolePage } from './fixtures';
import { shootWidths } from './screens';

// Issue 25 at the counter: the clerk presses 读卡, the applicant's card fills the number and the
// name, its photo shows for the face comparison, and the visit is registered as identified by the
// card. An expired card is refused in words; a reader pulled out in the middle of a read is said
// plainly, and typing stays possible. Screens in Chinese and English at 1024 and 1366 px (SHOTS).
const SHOTS = process.env.CREDITDESK_SHOTS_DIR ?? join(process.cwd(), 'test-results', 'reader-screens');

// A console of this file's own: the reader set up here must not change the counter of other files.
test.use({ server: demoConsoleFixture() });

let fake: FakeCardReader;
test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  fake = await startFakeCardReader({ samId: '05.01-20231108-0012345678' });
});
test.afterAll(async () => {
  await fake.close();
});
test.beforeEach(() => {
  fake.set({ fault: 'none' });
  fake.lift();
});

const [holder, agentsClient, typist] = demoPeopleWith((b) => b.subject.kind === 'person' && b.subject.gender !== null && b.subject.birthDate !== null, 3) as [SubjectBundle, SubjectBundle, SubjectBundle];

/** The card a demo person carries: what the chip says agrees with the office's cache. */
function cardOf(b: SubjectBundle): FakeCard {
  return {
    certType: ' ',
    partyName: b.subject.name,
    gender: b.subject.gender === 'M' ? '男' : '女',
    nation: '汉',
    bornDay: b.subject.birthDate!.replaceAll('-', ''),
    certAddress: '山东省淄博市张店区人民西路1号',
    certNumber: b.subject.idNumber,
    certOrg: '淄博市公安局张店分局',
    effDate: '20200101',
    expDate: '长期',
    identityPic: PHOTOS.jpeg,
  };
}

/** The administrator points the console at the reader service (as cardReader.spec shows in full). */
async function setUpReader(c: ConsolePage, page: Page): Promise<void> {
  await c.loginAs('admin');
  await page.getByTestId('nav-cardReader').click();
  await page.getByTestId('reader-adapter').click();
  await page.getByRole('option', { name: /HTTP/ }).click();
  await page.getByTestId('reader-url').fill(fake.url);
  await page.getByTestId('reader-save').click();
  await expect(page.getByTestId('reader-saved')).toBeVisible();
  await c.logout();
}

const shoot = (page: Page, name: string) => shootWidths(page, SHOTS, name);

test('the clerk reads the card: number and name fill in, the photo shows, and the visit is registered as identified by the card', async ({ consolePage: c, page }) => {
  await setUpReader(c, page);
  await c.loginAs('clerk');
  fake.place(cardOf(holder));
  await page.getByTestId('subject-identity-read').click();
  await expect(page.getByTestId('id-number')).toHaveValue(holder.subject.idNumber);
  await expect(page.getByTestId('subject-name')).toHaveValue(holder.subject.name);
  const facts = page.getByTestId('subject-identity-card');
  await expect(facts).toContainText('读自证件');
  await expect(facts).toContainText('淄博市公安局张店分局');
  // The address is personal data: the street is masked even on the clerk's screen.
  await expect(facts).not.toContainText('人民西路');
  // The photo is decoded and shown, not a broken image.
  await expect.poll(() => page.getByTestId('subject-identity-card-photo').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(102);
  // Typing is possible but not asked for: no reason is asked while the fields hold the card's.
  await expect(page.getByTestId('subject-identity-reason')).toHaveCount(0);

  await page.getByTestId('purpose').click();
  await page.getByRole('option', { name: /本人了解/ }).click();
  await page.getByTestId('lookup').click();
  await expect(page.getByTestId('visit-no')).toBeVisible();
  await expect(facts).toBeVisible();
  await shoot(page, 'counter-card-zh');
  await page.getByTestId('language').click();
  await expect(facts).toContainText('Read from the card');
  await shoot(page, 'counter-card-en');
  await page.getByTestId('language').click();
  await c.logout();

  // The auditor sees the lookup registered as identified by the card, with the reader's module.
  await c.loginAs('auditor');
  await page.getByTestId('nav-querylog').click();
  await page.getByTestId('querylog-identity').click();
  await page.getByRole('option', { name: '读卡' }).click();
  await page.getByTestId('querylog-search').click();
  await expect(page.getByTestId('querylog-row')).toHaveCount(1);
  await expect(page.getByTestId('querylog-identity-cell').first()).toHaveText('读卡');
});

test("in an agent's query the agent's own card fills the agent's fields", async ({ consolePage: c, page }) => {
  await setUpReader(c, page);
  await c.loginAs('clerk');
  await page.getByTestId('applicant-kind').getByText('代理人').click();
  fake.place(cardOf(agentsClient));
  await page.getByTestId('agent-identity-read').click();
  await expect(page.getByTestId('agent-id')).toHaveValue(agentsClient.subject.idNumber);
  await expect(page.getByTestId('agent-name')).toHaveValue(agentsClient.subject.name);
  await expect(page.getByTestId('agent-identity-card')).toContainText('读自证件');
  // The subject's own fields stay the clerk's to type: the person present is the agent.
  await expect(page.getByTestId('id-number')).toHaveValue('');
  await shoot(page, 'counter-agent-card-zh');
  // Typing over the number read makes the identity typed: the card no longer vouches for it.
  await page.getByTestId('agent-id').fill('');
  await expect(page.getByTestId('agent-identity-card')).toHaveCount(0);
  await expect(page.getByTestId('agent-identity-reason')).toBeVisible();
});

test('an expired card is refused with its reason and fills nothing; typing stays possible', async ({ consolePage: c, page }) => {
  await setUpReader(c, page);
  await c.loginAs('clerk');
  // Expired the day before the console's date (E2E_NOW, 2026-11-18).
  fake.place({ ...CARDS.expired, expDate: '20261117' });
  await page.getByTestId('subject-identity-read').click();
  await expect(page.getByTestId('error')).toContainText('证件已超过有效期限');
  await expect(page.getByTestId('id-number')).toHaveValue('');
  await expect(page.getByTestId('subject-identity-card')).toHaveCount(0);
  await c.lookup(typist.subject.idNumber, typist.subject.name, /本人了解/);
  await expect(page.getByTestId('visit-no')).toBeVisible();
});

test('the reader pulled out in the middle of a read is said plainly, and the clerk types instead', async ({ consolePage: c, page }) => {
  await setUpReader(c, page);
  await c.loginAs('clerk');
  fake.place(cardOf(typist));
  const release = fake.hold();
  const reading = fake.nextCall('readCard');
  await page.getByTestId('subject-identity-read').click();
  await reading;
  fake.set({ fault: 'unplugged' });
  release();
  await expect(page.getByTestId('error')).toContainText('未检测到读卡器');
  await expect(page.getByTestId('error')).toContainText('手工');
  await expect(page.getByTestId('subject-identity-read')).toBeEnabled();
  await expect(page.getByTestId('id-number')).toBeEditable();
  await page.getByTestId('subject-identity-reason').click();
  await page.getByRole('option', { name: '读卡器故障或未连接' }).click();
  await c.lookup(typist.subject.idNumber, typist.subject.name, /本人了解/);
  await expect(page.getByTestId('visit-no')).toBeVisible();
});

test("an organisation's legal representative places their own card: their fields fill, and the lookup records the card", async ({ consolePage: c, page }) => {
  const company = demoEntities(dayOf(E2E_NOW), 'DEMO-')[DEMO_ENTITIES.findIndex((e) => e.key === 'clean')]!;
  const repId = company.subject.registration!.legalRepIdNumber!;
  await setUpReader(c, page);
  await c.loginAs('clerk');
  await page.getByTestId('subject-kind').getByText('单位').click();
  await page.getByTestId('entity-code').fill(company.subject.idNumber);
  await page.getByTestId('entity-name').fill(company.subject.name);
  await page.getByTestId('entity-purpose').click();
  await page.getByRole('option', { name: /参与招投标/ }).click();
  fake.place({
    ...cardOf(holder),
    partyName: company.subject.legalRepresentative!,
    certNumber: repId,
    bornDay: repId.slice(6, 14),
    gender: Number(repId[16]) % 2 === 1 ? '男' : '女',
  });
  await page.getByTestId('legal-rep-identity-read').click();
  await expect(page.getByTestId('legal-rep-id')).toHaveValue(repId);
  await expect(page.getByTestId('legal-rep-name')).toHaveValue(company.subject.legalRepresentative!);
  await expect(page.getByTestId('legal-rep-identity-card')).toContainText('读自证件');
  await page.getByTestId('legal-rep-licence').check();
  await page.getByTestId('entity-lookup').click();
  await expect(page.getByTestId('entity-facts')).toBeVisible();
  await c.logout();
  await c.loginAs('auditor');
  await page.getByTestId('nav-querylog').click();
  await page.getByTestId('querylog-identity').click();
  await page.getByRole('option', { name: '读卡' }).click();
  await page.getByTestId('querylog-search').click();
  await expect(page.getByTestId('querylog-row').filter({ hasText: /参与招投标/ })).toHaveCount(1);
});

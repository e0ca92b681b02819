import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AppError } from '../../../shared/errors';
import { checkCard } from '../../../shared/idcard/checkCard';
import { idCardRules } from '../../../shared/rules/idCardRules';
import { shippedProfile } from '../../../shared/rules/loadProfile';
import { cvrHttpAdapter } from '../../../electron/reader/cvrHttpAdapter';
import { cvrWsAdapter } from '../../../electron/reader/cvrWsAdapter';
import { oneReadAtATime, type ReaderPort } from '../../../electron/reader/readerPort';
import { observedError } from '../../support/errorCoverage';
import { startFakeCardReader, type FakeCardReader } from '../../support/fakeCardReader/fakeCardReader';
import { CARDS, CORRUPT_PHOTOS, PHOTOS } from '../../support/fakeCardReader/fixtures';

// One contract for every reader adapter (issue 25): each runs the same cases against the fake
// vendor service, which replays the service's answer shape and injects every fault of the issue.
// The office date of every check is stated: 2026-11-21 in China.
const TODAY = new Date('2026-11-21T04:00:00Z');
const RULES = idCardRules(shippedProfile('default')!);
const READ_MS = 5000;

interface AdapterUnderTest {
  name: string;
  /** The fake's address in this adapter's scheme. */
  address(fake: FakeCardReader): string;
  make(url: string, timeoutMs: number): ReaderPort;
}

const ADAPTERS: AdapterUnderTest[] = [
  { name: 'cvr_http', address: (f) => f.url, make: (url, timeoutMs) => oneReadAtATime(cvrHttpAdapter({ url, timeoutMs })) },
  { name: 'cvr_ws', address: (f) => f.wsUrl, make: (url, timeoutMs) => oneReadAtATime(cvrWsAdapter({ url, timeoutMs })) },
];

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AppError, `an AppError, not ${String(err)}`);
    observedError(err.code);
    return err;
  }
  assert.fail('the read was expected to fail');
}

for (const adapter of ADAPTERS) {
  describe(`reader contract: ${adapter.name}`, () => {
    let fake: FakeCardReader;
    let reader: ReaderPort;
    before(async () => {
      fake = await startFakeCardReader();
      reader = adapter.make(adapter.address(fake), READ_MS);
    });
    after(() => fake.close());
    beforeEach(() => {
      fake.set({ fault: 'none', encoding: 'utf8', samId: '05.01-20231108-0012345678' });
      fake.lift();
      fake.calls.length = 0;
    });

    it('reads a resident card: every field, the photo and the security module id; the device is closed after', async () => {
      fake.place(CARDS.resident);
      const { card, securityModuleId } = await reader.read();
      assert.deepEqual({ ...card, photo: Buffer.from(card.photo).toString('base64') }, {
        type: 'resident',
        number: '11010519491231002X',
        name: '张三',
        sex: 'F',
        ethnicity: '汉',
        birthDate: '1949-12-31',
        address: '北京市朝阳区建国路1号',
        issuingAuthority: '北京市公安局朝阳分局',
        validFrom: '2020-01-01',
        validTo: null,
        photo: PHOTOS.bmp,
      });
      assert.equal(securityModuleId, '05.01-20231108-0012345678');
      assert.deepEqual(fake.calls, ['OpenDevice', 'readCard', 'CloseDevice']);
      assert.ok(checkCard(card, TODAY, RULES).ok);
    });

    it('reads each card type and each passes its own checks', async () => {
      for (const [fixture, type] of [[CARDS.residentDot, 'resident'], [CARDS.permit, 'hmt_permit'], [CARDS.foreigner, 'foreign_permanent']] as const) {
        fake.place(fixture);
        const { card } = await reader.read();
        assert.equal(card.type, type);
        const checked = checkCard(card, TODAY, RULES);
        assert.ok(checked.ok, `${type}: ${JSON.stringify(checked)}`);
      }
      fake.place(CARDS.foreigner);
      const { card } = await reader.read();
      assert.deepEqual([card.name, card.nameLatin, card.ethnicity], ['约翰·史密斯', 'SMITH, JOHN', 'USA']);
    });

    it('decodes a GBK answer, labelled or not, and the chip\'s UCS-2 block: rare characters and the middle dot intact', async () => {
      for (const encoding of ['gbk', 'gbk_unlabelled', 'ucs2_block'] as const) {
        for (const fixture of [CARDS.residentRare, CARDS.residentDot, CARDS.permit]) {
          fake.set({ encoding });
          fake.place(fixture);
          const { card } = await reader.read();
          assert.equal(card.name, fixture.partyName, `${encoding}: ${fixture.partyName}`);
          assert.equal(card.address, fixture.certAddress, encoding);
          assert.ok(checkCard(card, TODAY, RULES).ok, `${encoding}: ${fixture.partyName} passes`);
        }
      }
      fake.set({ encoding: 'ucs2_block' });
      fake.place(CARDS.residentDot);
      assert.equal((await reader.read()).card.ethnicity, '维吾尔', 'the block\'s GB/T 3304 code read as the name');
    });

    it('an expired card is read, then refused by the checks with the profile\'s basis', async () => {
      fake.place(CARDS.expired);
      const { card } = await reader.read();
      const checked = checkCard(card, TODAY, RULES);
      assert.ok(!checked.ok && checked.code === 'CARD_EXPIRED');
      assert.equal(checked.details.validTo, '2026-11-20');
      observedError(checked.code);
    });

    it('no reader connected', async () => {
      fake.set({ fault: 'no_device' });
      fake.place(CARDS.resident);
      assert.equal((await refusal(reader.read())).code, 'READER_NOT_CONNECTED');
      assert.deepEqual(fake.calls, ['OpenDevice'], 'nothing to close when nothing opened');
    });

    it('no card on the reader', async () => {
      assert.equal((await refusal(reader.read())).code, 'READER_NO_CARD');
      assert.deepEqual(fake.calls, ['OpenDevice', 'readCard', 'CloseDevice']);
    });

    it('the card was not lifted and placed again: told as no card, with the reminder; the next placing reads', async () => {
      fake.place(CARDS.resident);
      await reader.read();
      const again = await refusal(reader.read());
      assert.equal(again.code, 'READER_NO_CARD');
      assert.equal(again.details?.reason, 'replace');
      fake.lift();
      fake.place(CARDS.resident);
      assert.equal((await reader.read()).card.name, '张三');
    });

    it('the chip cannot be read', async () => {
      fake.set({ fault: 'unreadable' });
      fake.place(CARDS.resident);
      assert.equal((await refusal(reader.read())).code, 'READER_CARD_UNREADABLE');
    });

    it('the reader is busy at another program', async () => {
      fake.set({ fault: 'busy' });
      assert.equal((await refusal(reader.read())).code, 'READER_BUSY');
    });

    it('the reader is busy at another window of this console: the second read is told at once', async () => {
      fake.place(CARDS.resident);
      const release = fake.hold();
      const arrived = fake.nextCall('readCard');
      const first = reader.read();
      await arrived;
      const second = await refusal(reader.read());
      assert.equal(second.code, 'READER_BUSY');
      release();
      assert.equal((await first).card.name, '张三');
    });

    it('the read times out when the reader never answers, and the device is still closed', async () => {
      fake.set({ fault: 'hang' });
      fake.place(CARDS.resident);
      const quick = adapter.make(adapter.address(fake), 300);
      const err = await refusal(quick.read());
      assert.equal(err.code, 'READER_TIMEOUT');
      assert.deepEqual(fake.calls, ['OpenDevice', 'readCard', 'CloseDevice']);
    });

    it('a corrupt photo is refused, whatever the damage', async () => {
      for (const [damage, identityPic] of Object.entries(CORRUPT_PHOTOS)) {
        fake.place({ ...CARDS.resident, identityPic });
        const err = await refusal(reader.read());
        assert.equal(err.code, 'READER_PHOTO_CORRUPT', damage);
      }
    });

    it('the driver or service is not running: nothing listens, or something else answers', async () => {
      for (const fault of ['not_json', 'http_error'] as const) {
        fake.set({ fault });
        assert.equal((await refusal(reader.read())).code, 'READER_SERVICE_DOWN', fault);
      }
      const gone = await startFakeCardReader();
      const url = adapter.address(gone);
      await gone.close();
      assert.equal((await refusal(adapter.make(url, READ_MS).read())).code, 'READER_SERVICE_DOWN');
    });

    it('the reader is unplugged in the middle of a read: told as no reader, and the device is closed', async () => {
      fake.set({ fault: 'unplugged' });
      fake.place(CARDS.resident);
      assert.equal((await refusal(reader.read())).code, 'READER_NOT_CONNECTED');
      assert.deepEqual(fake.calls, ['OpenDevice', 'readCard', 'CloseDevice']);
    });

    it('the service dies in the middle of its answer: told at once as not running, not after the deadline', async () => {
      fake.set({ fault: 'cut_off' });
      fake.place(CARDS.resident);
      // A deadline far beyond the test's own timeout: only the cut-off itself can end this read.
      const patient = adapter.make(adapter.address(fake), 10 * 60_000);
      assert.equal((await refusal(patient.read())).code, 'READER_SERVICE_DOWN');
    });

    it('a service that redirects the read elsewhere is not followed', async () => {
      fake.set({ fault: 'redirect' });
      const err = await refusal(reader.read());
      assert.equal(err.code, 'READER_SERVICE_DOWN');
      assert.equal(err.details?.reason, 'http_status');
      assert.equal(fake.calls.length, 1, 'one call, and no connection to where it pointed');
    });
  });
}

describe('reader addresses: this computer only', () => {
  let fake: FakeCardReader;
  before(async () => {
    fake = await startFakeCardReader();
  });
  after(() => fake.close());

  it('refuses every address that is not a literal loopback address, before connecting', async () => {
    const refused = [
      `http://localhost:${fake.port}`,
      'http://192.168.1.20:19196',
      'http://10.0.0.7:19196',
      `http://[::ffff:127.0.0.1]:${fake.port}`,
      `http://127.0.0.1.nip.io:${fake.port}`,
      `http://user:secret@127.0.0.1:${fake.port}`,
      `https://127.0.0.1:${fake.port}`,
      'not an address',
    ];
    for (const url of refused) {
      const err = await refusal(Promise.resolve().then(() => cvrHttpAdapter({ url, timeoutMs: READ_MS })));
      assert.equal(err.code, 'READER_ADDRESS_REFUSED', url);
    }
    for (const url of [`ws://localhost:${fake.port}`, 'ws://192.168.1.20:7415', `wss://127.0.0.1:${fake.port}`, fake.url]) {
      const err = await refusal(Promise.resolve().then(() => cvrWsAdapter({ url, timeoutMs: READ_MS })));
      assert.equal(err.code, 'READER_ADDRESS_REFUSED', url);
    }
    assert.deepEqual(fake.calls, [], 'no refused address was contacted');
  });

  it('takes 127.x.x.x in any spelling and [::1]', async () => {
    for (const url of [fake.url, `http://127.0.0.1:${fake.port}/`, `http://0x7f.1:${fake.port}`]) {
      fake.place(CARDS.resident);
      const reader = cvrHttpAdapter({ url, timeoutMs: READ_MS });
      assert.equal((await reader.read()).card.name, '张三', url);
    }
    assert.doesNotThrow(() => cvrHttpAdapter({ url: 'http://[::1]:19196', timeoutMs: READ_MS }));
  });
});

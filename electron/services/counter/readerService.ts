import type { ReadCard, ReaderCounterStatus, ReaderSettings, ReaderTestResult } from '../../../shared/contract/reader';
import { READER_ADAPTER_CHOICES, READER_LIBRARY_ADAPTERS, type ReaderAdapterChoice } from '../../../shared/contract/reader';
import { AppError } from '../../../shared/errors';
import { checkCard } from '../../../shared/idcard/checkCard';
import { maskMiddle } from '../../../shared/masking';
import { idCardRules } from '../../../shared/rules/idCardRules';
import { parseReaderAddress } from '../../../shared/validators/readerAddress';
import { READER_LIBRARY_PORT } from '../../../shared/validators/readerLibrary';
import { checkCardPhoto } from '../../reader/cardPhoto';
import { CardReceipts } from '../../reader/cardReceipts';
import { makeReader, refuseLibrary } from '../../reader/makeReader';
import { oneReadAtATime, type ReaderPort } from '../../reader/readerPort';
import { getSetting, setSetting } from '../../store/settingsStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { activeProfile } from '../office/profileService';

// The card reader at the counter (issue 25): settings, "测试读卡器", and the read itself, which is
// checked against the office's rule profile on the office clock before the counter sees it.

const KEYS = { adapter: 'reader_adapter', url: 'reader_url', timeoutMs: 'reader_timeout_ms', library: 'reader_library', libraryPort: 'reader_library_port' } as const;
export const DEFAULT_READER_TIMEOUT_MS = 8000;

interface ReaderState {
  receipts: CardReceipts;
  /** The port for the settings it was made from; remade when they change. */
  port: { key: string; reader: ReaderPort } | null;
}
const states = new WeakMap<CoreContext, ReaderState>();

function stateOf(ctx: CoreContext): ReaderState {
  let s = states.get(ctx);
  if (!s) {
    s = { receipts: new CardReceipts(), port: null };
    states.set(ctx, s);
  }
  return s;
}

export function cardReceipts(ctx: CoreContext): CardReceipts {
  return stateOf(ctx).receipts;
}

export async function readerSettings(ctx: CoreContext): Promise<ReaderSettings> {
  const adapter = (await getSetting(ctx.db, KEYS.adapter)) ?? 'none';
  return {
    adapter: (READER_ADAPTER_CHOICES as readonly string[]).includes(adapter) ? (adapter as ReaderAdapterChoice) : 'none',
    url: (await getSetting(ctx.db, KEYS.url)) ?? '',
    timeoutMs: Number((await getSetting(ctx.db, KEYS.timeoutMs)) ?? DEFAULT_READER_TIMEOUT_MS),
    library: (await getSetting(ctx.db, KEYS.library)) ?? '',
    libraryPort: Number((await getSetting(ctx.db, KEYS.libraryPort)) ?? READER_LIBRARY_PORT.default),
  };
}

export async function readerCounterStatus(ctx: CoreContext): Promise<ReaderCounterStatus> {
  const { adapter } = await readerSettings(ctx);
  return { configured: adapter !== 'none', typedReasonRequired: idCardRules(await activeProfile(ctx)).typedEntry.reasonRequired };
}

const usesLibrary = (settings: ReaderSettings) => READER_LIBRARY_ADAPTERS.includes(settings.adapter);

/** A non-loopback address, or a library named by anything but its bare file name, is refused with its reason and nothing is stored. */
function refuseAddress(settings: ReaderSettings): void {
  if (settings.adapter === 'none') return;
  if (usesLibrary(settings)) {
    refuseLibrary(settings.library);
    return;
  }
  const scheme = settings.adapter === 'cvr_ws' ? 'ws' : 'http';
  const parsed = parseReaderAddress(settings.url, scheme);
  if (!parsed.ok) throw new AppError('READER_ADDRESS_REFUSED', parsed.message, { reason: parsed.reason, scheme, url: settings.url });
}

export async function configureReader(ctx: CoreContext, caller: Caller, input: ReaderSettings): Promise<ReaderSettings> {
  refuseAddress(input);
  const library = usesLibrary(input);
  const settings: ReaderSettings = {
    ...input,
    url: input.adapter === 'none' || library ? '' : input.url,
    library: library ? (input.library ?? '').trim() : '',
    libraryPort: input.libraryPort ?? READER_LIBRARY_PORT.default,
  };
  await ctx.db.transaction(async (tx) => {
    await setSetting(tx, KEYS.adapter, settings.adapter);
    await setSetting(tx, KEYS.url, settings.url);
    await setSetting(tx, KEYS.timeoutMs, String(settings.timeoutMs));
    await setSetting(tx, KEYS.library, settings.library ?? '');
    await setSetting(tx, KEYS.libraryPort, String(settings.libraryPort));
    await auditIn(tx, ctx, caller, {
      action: 'settings.card_reader',
      target: settings.adapter,
      detail: { adapter: settings.adapter, url: settings.url, timeoutMs: settings.timeoutMs, ...(library ? { library: settings.library, libraryPort: settings.libraryPort } : {}) },
    });
  });
  return settings;
}

/** "测试读卡器": one read with these settings; a reader that answers "no card" is reachable. */
export async function testReader(ctx: CoreContext, caller: Caller, input: ReaderSettings): Promise<ReaderTestResult> {
  refuseAddress(input);
  let result: ReaderTestResult;
  try {
    const read = await makeReader(input).read();
    result = { reachable: true, state: null, securityModuleId: read.securityModuleId };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const reachable = ['READER_NO_CARD', 'READER_CARD_UNREADABLE', 'READER_PHOTO_CORRUPT'].includes(err.code);
    result = { reachable, state: err.code, securityModuleId: null };
    if (typeof err.details?.reason === 'string') result.reason = err.details.reason;
  }
  await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'settings.card_reader_test', target: input.adapter, detail: { ...(usesLibrary(input) ? { library: input.library } : { url: input.url }), state: result.state ?? 'read' } }));
  return result;
}

async function portFor(ctx: CoreContext): Promise<ReaderPort> {
  const settings = await readerSettings(ctx);
  const key = JSON.stringify(settings);
  const state = stateOf(ctx);
  if (state.port?.key !== key) state.port = { key, reader: oneReadAtATime(makeReader(settings)) };
  return state.port.reader;
}

/**
 * Reads and checks the card. A refused card (invalid, expired under a refusing profile) is
 * audited with its reason and never reaches the counter's fields; the photo is returned for the
 * face comparison and kept nowhere.
 */
export async function readCard(ctx: CoreContext, caller: Caller): Promise<ReadCard> {
  const { card: raw, securityModuleId } = await (await portFor(ctx)).read();
  const profile = await activeProfile(ctx);
  const checked = checkCard(raw, ctx.now(), idCardRules(profile));
  if (!checked.ok) {
    await ctx.db.transaction((tx) =>
      auditIn(tx, ctx, caller, { action: 'counter.card_refused', target: raw.type, detail: { code: checked.code, reason: checked.code === 'CARD_INVALID' ? checked.reason : 'expired', securityModuleId } }),
    );
    throw new AppError(checked.code, checked.message, checked.details);
  }
  const card = checked.card;
  const photo = checkCardPhoto(card.photo);
  const readId = cardReceipts(ctx).issue({ accountId: caller.accountId, number: card.number, name: card.name, securityModuleId, expired: card.expired, atMs: ctx.now().getTime() });
  await ctx.db.transaction((tx) =>
    auditIn(tx, ctx, caller, { action: 'counter.card_read', target: card.number, detail: { cardType: card.type, expired: card.expired, securityModuleId } }),
  );
  return {
    readId,
    type: card.type,
    number: card.number,
    name: card.name,
    nameLatin: card.nameLatin ?? null,
    sex: card.sex,
    ethnicity: card.ethnicity,
    birthDate: card.birthDate,
    // The province and city stay readable; the street and number are personal data (domain-rules.md, PIPL).
    addressMasked: maskMiddle(card.address, { keepStart: 6, keepEnd: 0 }, profile.masking.maskChar),
    issuingAuthority: card.issuingAuthority,
    validFrom: card.validFrom,
    validTo: card.validTo,
    expired: card.expired,
    photo: { format: photo.format, base64: Buffer.from(photo.bytes).toString('base64') },
    securityModuleId,
  };
}

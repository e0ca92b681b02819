import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProvisionResult, TrustPreviewView } from '../../../shared/contract/sync';
import { SyncError, syncFail } from '../../sync/content/syncError';
import { officeSyncKeys } from '../../sync/office/officeSyncKeys';
import { fingerprintConfirmed, makeEnrollmentRequest, readTrustFile } from '../../sync/office/provisioning';
import { currentKeyringRow, provisioningKeyringRow, insertKeyring } from '../../store/syncStore';
import { setSetting } from '../../store/settingsStore';
import { auditIn } from '../audit/auditService';
import type { CoreContext } from '../context';
import { officeSigningKey } from '../office/officeKeyService';
import { readSource, toAppError, type Who, type LocalFileSource } from './syncCommon';

// Provisioning: the platform's trust file, the office's keys and its enrollment request
// (bundle-security.md 8).

export const ENROLLMENT_FILE = 'enrollment-request.json';

export async function trustPreview(src: LocalFileSource): Promise<TrustPreviewView> {
  try {
    return readTrustFile((await readSource(src, 256 * 1024)).bytes).preview;
  } catch (e) {
    throw toAppError(e);
  }
}

export async function provision(ctx: CoreContext, caller: Who, input: { officeCode: string; officeName: string; trust: LocalFileSource; confirmFingerprint: string }): Promise<ProvisionResult> {
  try {
    if (!/^\d{6}-\d{2}$/.test(input.officeCode)) syncFail('SYNC_OFFICE_CODE_INVALID');
    if (await currentKeyringRow(ctx.db)) syncFail('SYNC_ALREADY_PROVISIONED');
    const { keyring, envelope, preview } = readTrustFile((await readSource(input.trust, 256 * 1024)).bytes);
    if (!fingerprintConfirmed(input.confirmFingerprint, preview.fingerprint)) syncFail('SYNC_FINGERPRINT_MISMATCH');
    const at = ctx.now().toISOString();
    const request = enrollmentBytes(ctx, { officeCode: input.officeCode, officeName: input.officeName, at, keyringVersion: keyring.version, trustFingerprint: preview.fingerprint });
    await ctx.db.transaction(async (tx) => {
      if (await currentKeyringRow(tx)) syncFail('SYNC_ALREADY_PROVISIONED');
      await insertKeyring(tx, { version: keyring.version, envelope: JSON.stringify(envelope), fingerprint: preview.fingerprint, installed_at: at, source: 'provisioning' });
      await setSetting(tx, 'office_code', input.officeCode);
      await setSetting(tx, 'office_name', input.officeName);
      await auditIn(tx, ctx, caller, {
        action: 'sync.provisioned', target: input.officeCode,
        detail: { officeName: input.officeName, keyringVersion: keyring.version, fingerprint: preview.fingerprint, confirmedBy: caller?.username ?? 'cli' },
      });
    });
    await writeFile(join(ctx.dataDir, ENROLLMENT_FILE), request, { mode: 0o600 });
    ctx.office = { code: input.officeCode, name: input.officeName };
    return { fingerprint: preview.fingerprint, requestFileName: `enrollment-${input.officeCode}.json`, requestBase64: request.toString('base64') };
  } catch (e) {
    throw toAppError(e);
  }
}

/** The signed enrollment request: the office's public keys, for the platform to enrol it. */
function enrollmentBytes(ctx: CoreContext, r: { officeCode: string; officeName: string; at: string; keyringVersion: number; trustFingerprint: string }): Buffer {
  const keys = officeSyncKeys(ctx.dataDir);
  const report = officeSigningKey(ctx);
  return makeEnrollmentRequest({
    format: 'creditdesk-enrollment', formatVersion: 1, officeCode: r.officeCode, officeName: r.officeName, createdAt: r.at,
    keyringVersion: r.keyringVersion, trustFingerprint: r.trustFingerprint,
    encryptionKey: keys.encryption.rawPublic.toString('hex'), exportSigningKey: keys.exportSigning.rawPublic.toString('hex'),
    reportSigningKey: { keyId: report.keyId, publicKeyPem: report.publicKeyPem },
  }, keys.exportSigning);
}

export async function enrollmentRequest(ctx: CoreContext): Promise<ProvisionResult> {
  const ring = await currentKeyringRow(ctx.db);
  const first = await provisioningKeyringRow(ctx.db);
  if (!ring || !first) throw toAppError(new SyncError('SYNC_NOT_PROVISIONED'));
  // Made from the keys and the provisioning record each time, never read back from the file written
  // at provisioning (Ed25519 signatures are deterministic, so the bytes are the same): a lost or
  // edited file changes nothing.
  const request = enrollmentBytes(ctx, { officeCode: ctx.office.code, officeName: ctx.office.name, at: first.installed_at, keyringVersion: first.version, trustFingerprint: first.fingerprint });
  return { fingerprint: ring.fingerprint, requestFileName: `enrollment-${ctx.office.code}.json`, requestBase64: request.toString('base64') };
}

/**
 * Bundle container format shared by the office and the reference central platform.
 * Spec: docs/bundle-format.md. Pure Node (crypto, zlib, fs); no database.
 *
 * Public API
 *   writeBundleFile(path, envelope, files): Promise<WrittenBundle>   the one writer: streamed, temp parts,
 *                                                                    fsync, rename, directory fsync
 *   inspectBundle(bytesOrPath, limits?): { header, bundleHash, keyIdHint }   no checks at all: for tools that make bundles
 *   verifiedHeader(bytesOrPath, keyring): header of a bundle whose signature verifies, else null
 *   checkEnvelope / previewManifest / openContent: openBundle's phases (checks before decryption, manifest, content)
 *   openBundle(bytesOrPath, ctx: OpenContext): OpenedBundle          throws BundleError (err.code, err.message,
 *                                                                    err.messageZh); BUNDLE_ALREADY_IMPORTED is benign
 *   classify(state, claims, trustedNow, skew) / trustedNow(system, newestCreatedAt)  pure channel decision
 *   Keyring: loadPinnedKeyring(signed), verifyKeyringUpdate(current, signed), signKeyring(doc, signers)
 *   Keys: generateSigningKeyPair(), generateEncryptionKeyPair(), keyIdOf(raw), fingerprint(keyId)
 *   Content: encodeJsonLines(schema, version, records), parseJsonLines(name, data, limits), parseStrictJson(text, limits)
 */
export { BundleError } from './errors';
export type { BundleErrorCode } from './errors';
export { DEFAULT_LIMITS, FORMAT_VERSION, KEY_PURPOSES, PURPOSES, SIGNER_PURPOSE, resolveLimits } from './format';
export type { KeyPurpose, Limits, Purpose } from './format';
export type { BundleHeader, Party } from './header';
export {
  exportPrivateKeyPem, fingerprint, generateEncryptionKeyPair, generateSigningKeyPair, importKeyPairPem, keyIdOf,
  publicKeyFromRaw, rawPublicKey, sha256Hex, shortFingerprint,
} from './keys';
export type { EncryptionKeyPair, KeyAlgorithm, KeyPair, SigningKeyPair } from './keys';
export { Keyring, keyringKeyFor, loadPinnedKeyring, signKeyring, validateKeyringDocument, verifyKeyringUpdate } from './keyring';
export type { KeyringDocument, KeyringKey, SignedKeyring } from './keyring';
export { classify, trustedNow, verdictError } from './channel';
export type { ChannelInput, ChannelKey, ChannelState, ChannelVerdict } from './channel';
export type { Manifest, ManifestEntry, SchemaSupport } from './manifest';
export { encodeJsonLines, parseJsonLines } from './jsonLines';
export type { ContentEnvelope, JsonLinesLimits, ParsedContent } from './jsonLines';
export { JsonLimitError, parseStrictJson } from './jsonLimits';
export { inMemory, writeBundleFile } from './writeBundle';
export type { BundleEnvelopeOptions, BundleFileInput, StreamedFileInput, WrittenBundle } from './writeBundle';
export { KEYRING_FILE, checkEnvelope, headerSignedBy, inspectBundle, openBundle, openContent, previewManifest, verifiedHeader } from './readBundle';
export type { CheckedEnvelope, OpenContext, OpenedBundle, OpenedFile } from './readBundle';

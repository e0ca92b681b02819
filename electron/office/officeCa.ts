import { createPrivateKey, createPublicKey, webcrypto, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { fileExists } from '../files/fileExists';
import { readSealedKeyFile, writeSealedKeyFile } from '../keys/officeSeal';
import { writeOwnerOnlyFileAsync } from '../keys/ownerOnly';
import { CERT_NOT_AFTER, CERT_NOT_BEFORE, EC_P256, importPrivateKeyPem, newEcKeyPair, privateKeyPem, randomSerial, spkiPin, x509, type CryptoKey } from './x509';

// The office CA (issue 23): made on the host the first time it serves, its private key and the
// host's sealed in keys/ like the office's other keys (electron/keys/officeSeal.ts), so they open
// only with the office's passphrase or OS keystore and never leave the host. The certificates are
// public and kept in plain PEM beside them.

const CA_KEY = 'office-ca-key.pem';
const CA_CERT = 'office-ca.pem';
const HOST_KEY = 'office-host-key.pem';
const HOST_CERT = 'office-host.pem';

export interface HostIdentity {
  /** The listen address the certificate names (an IP SAN). */
  address: string;
  keyPem: string;
  certPem: string;
  caPem: string;
  /** SHA-256 of the host key's SPKI, hex: what a window pins. */
  pin: string;
}

const keyFile = (dataDir: string, name: string): string => join(dataDir, 'keys', name);

async function readText(file: string): Promise<string | null> {
  return (await fileExists(file)) ? readFile(file, 'utf8') : null;
}

/** A private key for `purpose`: the sealed one in keys/, or a new one sealed there first. */
async function ensureKey(dataDir: string, name: string, purpose: string): Promise<{ pem: string; fresh: boolean }> {
  const file = keyFile(dataDir, name);
  if (await fileExists(file)) return { pem: readSealedKeyFile(dataDir, file, purpose), fresh: false };
  const pem = await privateKeyPem((await newEcKeyPair()).privateKey);
  writeSealedKeyFile(dataDir, file, purpose, pem, { exclusive: true });
  return { pem, fresh: true };
}

async function publicKeyOf(privatePem: string): Promise<CryptoKey> {
  const spki = createPublicKey(createPrivateKey(privatePem)).export({ type: 'spki', format: 'der' });
  return webcrypto.subtle.importKey('spki', spki, EC_P256, true, ['verify']);
}

export interface OfficeCa {
  cert: x509.X509Certificate;
  certPem: string;
  signingKey: CryptoKey;
}

/** The office CA, created (ECDSA P-256, self-signed) when the office has none. */
export async function ensureOfficeCa(dataDir: string, office: { code: string; name: string }): Promise<OfficeCa> {
  const key = await ensureKey(dataDir, CA_KEY, 'office-ca');
  const signingKey = await importPrivateKeyPem(key.pem);
  const existing = key.fresh ? null : await readText(keyFile(dataDir, CA_CERT));
  if (existing) return { cert: new x509.X509Certificate(existing), certPem: existing, signingKey };
  const publicKey = await publicKeyOf(key.pem);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: [{ CN: [`CreditDesk office CA ${office.code}`] }, { O: [office.name] }],
    notBefore: CERT_NOT_BEFORE,
    notAfter: CERT_NOT_AFTER,
    signingAlgorithm: EC_P256,
    keys: { privateKey: signingKey, publicKey },
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
    ],
  });
  const certPem = cert.toString('pem');
  await writeOwnerOnlyFileAsync(keyFile(dataDir, CA_CERT), certPem);
  return { cert, certPem, signingKey };
}

function namesAddress(certPem: string, address: string): boolean {
  return (new X509Certificate(certPem).subjectAltName ?? '').split(', ').includes(`IP Address:${address}`);
}

/**
 * The host's key and a certificate for `address` under the office CA. The key is kept across
 * addresses, so a window's pin survives a new listen address; only the certificate is re-issued.
 */
export async function ensureHostIdentity(dataDir: string, address: string, office: { code: string; name: string }): Promise<HostIdentity> {
  if (isIP(address) === 0) throw new AppError('VALIDATION', `The office host listens on an IP address, not "${address}".`, { field: 'listen', reason: 'not_ip' });
  const ca = await ensureOfficeCa(dataDir, office);
  const key = await ensureKey(dataDir, HOST_KEY, 'office-host');
  const publicKey = await publicKeyOf(key.pem);
  const pin = spkiPin(await webcrypto.subtle.exportKey('spki', publicKey));
  const existing = key.fresh ? null : await readText(keyFile(dataDir, HOST_CERT));
  if (existing && namesAddress(existing, address) && new X509Certificate(existing).checkIssued(new X509Certificate(ca.certPem))) {
    return { address, keyPem: key.pem, certPem: existing, caPem: ca.certPem, pin };
  }
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: [{ CN: ['CreditDesk office host'] }, { O: [office.name] }],
    issuer: ca.cert.subject,
    notBefore: CERT_NOT_BEFORE,
    notAfter: CERT_NOT_AFTER,
    signingAlgorithm: EC_P256,
    publicKey,
    signingKey: ca.signingKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: address }]),
    ],
  });
  const certPem = cert.toString('pem');
  await writeOwnerOnlyFileAsync(keyFile(dataDir, HOST_CERT), certPem);
  return { address, keyPem: key.pem, certPem, caPem: ca.certPem, pin };
}

/** The host identity as last served (the certificate's address), or null before the host first ran. */
export async function currentHostIdentity(dataDir: string, office: { code: string; name: string }): Promise<HostIdentity | null> {
  const certPem = await readText(keyFile(dataDir, HOST_CERT));
  if (!certPem) return null;
  const ip = (new X509Certificate(certPem).subjectAltName ?? '').split(', ').find((n) => n.startsWith('IP Address:'));
  return ip ? ensureHostIdentity(dataDir, ip.slice('IP Address:'.length), office) : null;
}

export const WINDOW_URN_PREFIX = 'urn:creditdesk:window:';

export interface IssuedWindowCertificate {
  certPem: string;
  /** SHA-256 of the certificate DER, as Node's getPeerCertificate().fingerprint256 spells it. */
  fingerprint256: string;
}

/**
 * A window's client certificate from its PKCS #10 request: the request's own signature must hold
 * (the window has the key) and the key must be ECDSA P-256. It names the window by its enrolled id
 * (SAN URI) and its number (CN).
 */
export async function issueWindowCertificate(dataDir: string, office: { code: string; name: string }, csrPem: string, window: { id: string; number: number }): Promise<IssuedWindowCertificate> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(csrPem);
  } catch {
    throw new AppError('ENROLLMENT_REFUSED', 'The certificate request is not a PKCS #10 request.', { reason: 'csr_malformed' });
  }
  const alg = csr.publicKey.algorithm as { name?: string; namedCurve?: string };
  if (alg.name !== 'ECDSA' || alg.namedCurve !== 'P-256' || !(await csr.verify())) {
    throw new AppError('ENROLLMENT_REFUSED', 'The certificate request is not signed by an ECDSA P-256 key of its own.', { reason: 'csr_malformed' });
  }
  const ca = await ensureOfficeCa(dataDir, office);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: [{ CN: [`window ${window.number}`] }, { O: [office.name] }],
    issuer: ca.cert.subject,
    notBefore: CERT_NOT_BEFORE,
    notAfter: CERT_NOT_AFTER,
    signingAlgorithm: EC_P256,
    publicKey: await csr.publicKey.export(),
    signingKey: ca.signingKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'url', value: `${WINDOW_URN_PREFIX}${window.id}` }]),
    ],
  });
  const certPem = cert.toString('pem');
  return { certPem, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}

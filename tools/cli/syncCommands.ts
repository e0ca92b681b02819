import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { exportAgain, exportWrite, importBundle, provision, trustPreview } from '../../electron/services/sync';
import { fingerprint, inspectBundle } from '../../electron/sync/bundle/index';
import { refusalOf } from '../../electron/sync/content/syncError';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n/errorMessages';
import { DataDirInUse } from '../../electron/db/dataDirOwner';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { CliCommand } from './command';
import { CliUsageError } from './command';
import { parseCommandArgs, withCommandCore } from './dataDirArg';

// Sync for IT staff and scripts (DESIGN.md §7): the same services the screens call. A refusal
// prints "CODE: sentence" and exits 1; "already imported" is not a failure and exits 0.

function refused(e: unknown): number {
  const r = refusalOf(e);
  if (r) {
    console.error(`${r.code}: ${r.en}\n${r.zh}`);
    return r.benign ? 0 : 1;
  }
  if (e instanceof AppError && e.code === 'SYNC_REFUSED') {
    console.error(`${String(e.details?.reason)}: ${e.message}\n${errorMessage(e.toBody(), 'zh')}`);
    return 1;
  }
  throw e;
}

/**
 * The fingerprint the operator confirms: --fingerprint, or typed in at a terminal after the file's
 * own fingerprint is shown. A script that did not pass it is a usage error (exit 2), never a prompt
 * that waits for input nobody will type.
 */
async function confirmedFingerprint(given: string | boolean | undefined, shown: { fingerprint: string; keyringVersion: number }): Promise<string> {
  if (typeof given === 'string') return given;
  const about = `Platform trust file, keyring version ${shown.keyringVersion}.\nFingerprint: ${shown.fingerprint}\nCompare it with the platform's printed sheet.`;
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new CliUsageError(`${about}\n--fingerprint "<the fingerprint on the printed sheet>" is required when not run at a terminal.`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(`${about}\nType the fingerprint from the printed sheet: `)).trim();
  } finally {
    rl.close();
  }
}

export const syncInit: CliCommand = {
  words: ['init'],
  usage: 'init --data-dir DIR --office-code CODE --office-name NAME --trust FILE [--fingerprint FP] [--request-out FILE]',
  summary: 'provision the office: pin the platform trust file, create sync keys, write the enrollment request (into DIR unless --request-out)',
  onConsole: { en: 'the Sync setup screen', zh: '“同步配置”页面' },
  async run(args) {
    const { dataDir, values, passphraseFile } = parseCommandArgs(args, {
      'office-code': { type: 'string' }, 'office-name': { type: 'string' }, trust: { type: 'string' }, fingerprint: { type: 'string' }, 'request-out': { type: 'string' },
    }, { create: true });
    const code = values['office-code'];
    const name = values['office-name'];
    const trust = values.trust;
    if (typeof code !== 'string' || typeof name !== 'string' || typeof trust !== 'string') throw new CliUsageError('--office-code, --office-name and --trust are required.');
    const source = { kind: 'path' as const, path: resolve(trust) };
    let preview;
    try {
      preview = await trustPreview(source);
    } catch (e) {
      return refused(e);
    }
    const confirm = await confirmedFingerprint(values.fingerprint, preview);
    // An init that fails leaves no half-made office behind: a directory this command brought into
    // being (or found empty) goes again, keys and database with it.
    const fresh = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
    const undo = () => fresh && rmSync(dataDir, { recursive: true, force: true });
    try {
      const exit = await withCommandCore(dataDir, passphraseFile, async (core) => {
        const r = await provision(core.ctx, null, { officeCode: code, officeName: name, trust: source, confirmFingerprint: confirm });
        // Into the data directory unless asked otherwise: never a stray file wherever the command ran.
        const out = typeof values['request-out'] === 'string' ? resolve(values['request-out']) : join(dataDir, r.requestFileName);
        writeFileSync(out, Buffer.from(r.requestBase64, 'base64'));
        console.log(`office ${code} provisioned (trust ${r.fingerprint}); enrollment request written to ${out}; hand it to the platform.`);
        return 0;
      });
      return exit;
    } catch (e) {
      // Refused because another process owns the directory: it is that process's, never removed.
      if (e instanceof DataDirInUse) throw e;
      undo();
      return refused(e);
    }
  },
};

export const syncImport: CliCommand = {
  words: ['import'],
  usage: 'import FILE --data-dir DIR',
  summary: 'verify an update bundle completely and apply it in one transaction',
  onConsole: { en: 'the Import updates screen', zh: '“导入更新包”页面' },
  async run(args) {
    const { dataDir, positionals, passphraseFile } = parseCommandArgs(args, {}, { positionals: 1 });
    const file = resolve(positionals[0]!);
    return withCommandCore(dataDir, passphraseFile, async (core) => {
      try {
        const r = await importBundle(core.ctx, null, file, basename(file));
        console.log(`${r.message.en}\n${Object.entries(r.counts).map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
        if (r.acknowledgedExports.length) console.log(`  the platform acknowledged export(s) ${r.acknowledgedExports.join(', ')}`);
        return 0;
      } catch (e) {
        return refused(e);
      }
    });
  },
};

export const syncExport: CliCommand = {
  words: ['export'],
  usage: 'export --out FILE --data-dir DIR [--again SEQUENCE]',
  summary: 'write the next export bundle for the platform (or the same bytes of an earlier one again)',
  onConsole: { en: 'the Export screen', zh: '“导出数据包”页面' },
  async run(args) {
    const { dataDir, values, passphraseFile } = parseCommandArgs(args, { out: { type: 'string' }, again: { type: 'string' } });
    if (typeof values.out !== 'string') throw new CliUsageError('--out FILE is required.');
    const out = resolve(values.out);
    return withCommandCore(dataDir, passphraseFile, async (core) => {
      try {
        if (typeof values.again === 'string') {
          const seq = Number(values.again);
          if (!Number.isSafeInteger(seq) || seq < 1) throw new CliUsageError('--again takes an export sequence number.');
          await exportAgain(core.ctx, null, seq, out);
          console.log(`export ${seq} written again to ${out}`);
          return 0;
        }
        // The file just written is copied by the path the write returned: reading its row back could
        // meet a read connection still inside an older snapshot and answer "no export N" (issue 29).
        const w = await exportWrite(core.ctx, null, out);
        console.log(`export ${w.sequence} written to ${out}\n${Object.entries(w.counts).map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
        return 0;
      } catch (e) {
        if (e instanceof CliUsageError) throw e;
        return refused(e);
      }
    });
  },
};

export const syncInspect: CliCommand = {
  words: ['inspect'],
  usage: 'inspect FILE',
  summary: 'show a bundle header (no signature check, no decryption: nothing here is trusted yet)',
  async run(args) {
    const file = args.filter((a) => !a.startsWith('--'))[0];
    if (!file || args.length !== 1) throw new CliUsageError('inspect takes exactly one file.');
    try {
      const { header: h, bundleHash, keyIdHint } = inspectBundle(resolve(file));
      console.log([
        `purpose      ${h.purpose} (channel ${h.channel}, sequence ${h.sequence})`,
        `sender       ${h.sender.name}  key ${fingerprint(h.sender.keyId.slice(0, 16))}`,
        `recipient    ${h.recipient.name}  key ${fingerprint(h.recipient.keyId.slice(0, 16))}`,
        `created      ${h.createdAt}`,
        `expires      ${h.expiresAt}`,
        `keyring      version ${h.keyringVersion}`,
        `previous     ${h.prevHash ?? '(first on the channel)'}`,
        `bundle hash  ${bundleHash}`,
        `signed by    ${fingerprint(keyIdHint.slice(0, 16))} (hint only, unverified)`,
        `ciphertext   ${h.ciphertext.length} bytes`,
      ].join('\n'));
      return 0;
    } catch (e) {
      return refused(e);
    }
  },
};

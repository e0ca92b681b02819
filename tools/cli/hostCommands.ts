import { isIP } from 'node:net';
import QRCode from 'qrcode';
import { DataDirInUse } from '../../electron/db/dataDirOwner';
import { askRunningHost, performAdmin, startAdminChannel, type AdminRequest } from '../../electron/host/hostAdmin';
import { serveOfficeHost } from '../../electron/host/serveOfficeHost';
import type { EnrollmentCode } from '../../electron/services/office/windowService';
import type { WindowRow } from '../../electron/store/windowStore';
import { AppError, type ApiErrorBody, type ApiResult } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n/errorMessages';
import { CliUsageError, type CliCommand } from './command';
import { openCommandCore, parseCommandArgs } from './dataDirArg';

// The office host as a service (issue 23): `creditdesk host --listen ADDRESS:PORT` serves the
// office's windows with mutual TLS on that one address, and `creditdesk windows …` manages them,
// through the running host when it owns the data directory (electron/host/hostAdmin.ts).

/** ADDRESS:PORT with an IP address (IPv6 in brackets); port 0 takes any free port. */
export function parseListen(text: unknown): { address: string; port: number } {
  if (typeof text !== 'string' || text.trim() === '') throw new CliUsageError('--listen ADDRESS:PORT is required: the one address of this machine the windows reach it on.');
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([0-9.]+)):(\d{1,5})$/.exec(text.trim());
  const address = m?.[1] ?? m?.[2];
  const port = Number(m?.[3]);
  if (!m || !address || isIP(address) === 0) throw new CliUsageError(`--listen takes an IP address and a port, such as 192.168.1.10:8443 or [fd00::10]:8443; "${text}" is not one.`);
  if (port > 65535) throw new CliUsageError(`The port in --listen is 1 to 65535 (or 0 for any free one), not ${port}.`);
  if (address === '0.0.0.0' || /^[0:]+$/.test(address)) {
    throw new CliUsageError(`--listen ${text} would answer on every address of this machine; give the one address the windows use (the host never listens where the administrator did not choose).`);
  }
  return { address, port };
}

function refusal(error: ApiErrorBody): string {
  return `${error.code}: ${errorMessage(error, 'en')}\n${errorMessage(error, 'zh')}`;
}

export const host: CliCommand = {
  words: ['host'],
  usage: 'host --listen ADDRESS:PORT --data-dir DIR',
  summary: 'serve this office to its enrolled windows (mutual TLS 1.3) until stopped (Ctrl+C, SIGTERM)',
  async run(args) {
    const { dataDir, values, passphraseFile } = parseCommandArgs(args, { listen: { type: 'string' } });
    const { address, port } = parseListen(values.listen);
    // The host is the office's console for the hall: like the console, it writes a backup when it stops.
    const core = await openCommandCore(dataDir, passphraseFile, { backupOnClose: true });
    let served;
    try {
      served = await serveOfficeHost(core.ctx, address, port);
    } catch (err) {
      await core.close();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRNOTAVAIL') console.error(`${address} is not an address of this machine; give one of its own.\n${address} 不是本机的地址，请填写本机的地址。`);
      else if (code === 'EADDRINUSE') console.error(`Port ${port} on ${address} is taken by another program; choose another port.\n${address} 上的端口 ${port} 已被其他程序占用，请换一个端口。`);
      else if (err instanceof AppError) console.error(refusal({ code: err.code, message: err.message, details: err.details }));
      else throw err;
      return 1;
    }
    const admin = await startAdminChannel(core.ctx);
    const shown = address.includes(':') ? `[${address}]` : address;
    // One line on stdout, for whoever waits for the host to be up (a test, a unit's readiness check).
    console.log(`office host: https://${shown}:${served.port}/ pin ${served.pin}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await admin?.close();
    await served.close();
    await core.close();
    return 0;
  },
};

/** Runs a request on the office: directly, or through the host that has it open. */
async function administer(dataDir: string, passphraseFile: string | undefined, req: AdminRequest): Promise<ApiResult<unknown>> {
  try {
    process.env.CREDITDESK_QUIET = '1';
    const core = await openCommandCore(dataDir, passphraseFile);
    try {
      return { ok: true, value: await performAdmin(core.ctx, req) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, details: err.details } };
      throw err;
    } finally {
      await core.close();
    }
  } catch (err) {
    if (err instanceof DataDirInUse && err.owner?.role === 'command' && err.owner.command === 'host' && process.platform !== 'win32') return askRunningHost(dataDir, req);
    throw err;
  }
}

async function printed(result: ApiResult<unknown>, print: (value: never) => Promise<void> | void): Promise<number> {
  if (!result.ok) {
    console.error(refusal(result.error));
    return 1;
  }
  await print(result.value as never);
  return 0;
}

function idArg(positionals: string[]): string {
  const id = positionals[0]?.trim();
  if (!id) throw new CliUsageError('Name the window by its id (the first column of `creditdesk windows list`).');
  return id;
}

function showWindow(w: WindowRow): string {
  return `${String(w.number).padStart(3)}  ${w.status.padEnd(8)}  ${w.id}  ${w.name}  enrolled ${w.enrolled_at}  last contact ${w.last_contact_at ?? '-'}`;
}

export const windowsEnroll: CliCommand = {
  words: ['windows', 'enroll'],
  usage: 'windows enroll --number N [--name NAME] --data-dir DIR',
  summary: 'a one-time code (10 minutes) for the workstation of window N: npm start -- --join CODE there',
  async run(args) {
    const { dataDir, values, passphraseFile } = parseCommandArgs(args, { number: { type: 'string' }, name: { type: 'string' } });
    if (typeof values.number !== 'string' || !/^\d+$/.test(values.number)) throw new CliUsageError('--number N is required: the window number, 1 to 999.');
    const req: AdminRequest = { kind: 'enroll', number: Number(values.number), ...(typeof values.name === 'string' ? { name: values.name } : {}) };
    return printed(await administer(dataDir, passphraseFile, req), async (c: EnrollmentCode) => {
      console.log(await QRCode.toString(c.code, { type: 'terminal', small: true }));
      console.log(`window ${c.number} (${c.name}), good until ${c.expiresAt} (office clock), once:`);
      console.log(`  on the workstation: npm start -- --join ${c.code}`);
      console.log(`  or typed:           npm start -- --join ${c.shortCode} --host ${c.host} --pin ${c.pin.slice(0, 16)}`);
      console.log(`窗口 ${c.number}（${c.name}）的一次性注册码，有效至 ${c.expiresAt}（办公时钟），只能使用一次。`);
    });
  },
};

export const windowsList: CliCommand = {
  words: ['windows', 'list'],
  usage: 'windows list --data-dir DIR',
  summary: 'the enrolled windows: number, status, id, name, enrolled, last contact',
  async run(args) {
    const { dataDir, passphraseFile } = parseCommandArgs(args, {});
    return printed(await administer(dataDir, passphraseFile, { kind: 'list' }), (rows: WindowRow[]) => {
      if (rows.length === 0) console.log('no window is enrolled yet (creditdesk windows enroll --number N)');
      for (const w of rows) console.log(showWindow(w));
    });
  },
};

function change(kind: 'revoke' | 'disable' | 'enable', summary: string): CliCommand {
  return {
    words: ['windows', kind],
    usage: `windows ${kind} ID --data-dir DIR`,
    summary,
    async run(args) {
      const { dataDir, positionals, passphraseFile } = parseCommandArgs(args, {}, { positionals: 1 });
      return printed(await administer(dataDir, passphraseFile, { kind, id: idArg(positionals) }), (w: WindowRow) => console.log(showWindow(w)));
    },
  };
}

export const windowsRevoke = change('revoke', 'revoke a window for good; its open connections are cut at once');
export const windowsDisable = change('disable', 'refuse a window until it is enabled again; its open connections are cut at once');
export const windowsEnable = change('enable', 'let a disabled window connect again');

export const windowsRename: CliCommand = {
  words: ['windows', 'rename'],
  usage: 'windows rename ID --name NAME --data-dir DIR',
  summary: "change a window's name",
  async run(args) {
    const { dataDir, values, positionals, passphraseFile } = parseCommandArgs(args, { name: { type: 'string' } }, { positionals: 1 });
    if (typeof values.name !== 'string') throw new CliUsageError('--name NAME is required.');
    return printed(await administer(dataDir, passphraseFile, { kind: 'rename', id: idArg(positionals), name: values.name }), (w: WindowRow) => console.log(showWindow(w)));
  },
};

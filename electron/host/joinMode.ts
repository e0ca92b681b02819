import { claimDataDir } from '../db/dataDirOwner';
import { beginOfficeUnlock } from '../keys/unlockOffice';
import { joinOffice } from '../office/joinOffice';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n/errorMessages';
import { passphraseUnlock } from './passphrase';

// `npm start -- --join CODE` (issue 23): this workstation joins the office host the code names and
// becomes its window. The data directory is claimed and unlocked as for a console (a new one asks
// for this workstation's own passphrase), so the window's key is sealed like an office's keys.

export interface JoinArgs {
  dataDir: string;
  passphraseFile: string | undefined;
  code: string;
  host?: string;
  pin?: string;
}

/** Joins and says so in both languages; returns the process's exit code (1: refused, nothing stored). */
export async function runJoin(args: JoinArgs, say: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const claim = await claimDataDir(args.dataDir, { role: 'command', command: 'join' });
  try {
    const unlock = await passphraseUnlock(args.dataDir, { passphraseFile: args.passphraseFile, demo: false });
    const keys = await beginOfficeUnlock(args.dataDir, unlock, false);
    const w = await joinOffice(args.dataDir, keys.seal, args.code, { ...(args.host ? { host: args.host } : {}), ...(args.pin ? { pin: args.pin } : {}) });
    say(`This workstation is now window ${w.number} (${w.name}) of the office host at ${w.host.address}:${w.host.port}; host key pin ${w.host.pin}.`);
    say(`本机已注册为办公主机 ${w.host.address}:${w.host.port} 的 ${w.number} 号窗口（${w.name}）。`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const body = { code: err.code, message: err.message, details: err.details };
    console.error(`${err.code}: ${errorMessage(body, 'en')}\n${errorMessage(body, 'zh')}`);
    return 1;
  } finally {
    await claim.release();
  }
}

import { rm } from 'node:fs/promises';
import { claimDataDir } from '../db/dataDirOwner';
import { officeKeyFileExists, officeKeyPath } from '../keys/officeKeyFile';
import { beginOfficeUnlock } from '../keys/unlockOffice';
import { joinOffice } from '../office/joinOffice';
import { AppError } from '../../shared/errors';
import { JoinCodeError, parseJoinCode } from '../../shared/domain/officeWindow';
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
  const typed = { ...(args.host ? { host: args.host } : {}), ...(args.pin ? { pin: args.pin } : {}) };
  try {
    // A code that cannot be right is refused before anything is asked or created.
    parseJoinCode(args.code, typed);
  } catch (err) {
    if (!(err instanceof JoinCodeError)) throw err;
    return refused(new AppError('ENROLLMENT_REFUSED', `The join code is not complete or not well formed (${err.reason}).`, { reason: err.reason }));
  }
  const claim = await claimDataDir(args.dataDir, { role: 'command', command: 'join' });
  // A workstation's first join makes its key file; a refused join takes it away again.
  const hadKeyFile = officeKeyFileExists(args.dataDir);
  try {
    const unlock = await passphraseUnlock(args.dataDir, { passphraseFile: args.passphraseFile, demo: false });
    const keys = await beginOfficeUnlock(args.dataDir, unlock, false);
    const w = await joinOffice(args.dataDir, keys.seal, args.code, typed);
    say(`This workstation is now window ${w.number} (${w.name}) of the office host at ${w.host.address}:${w.host.port}; host key pin ${w.host.pin}.`);
    say(`本机已注册为办公主机 ${w.host.address}:${w.host.port} 的 ${w.number} 号窗口（${w.name}）。`);
    return 0;
  } catch (err) {
    if (!hadKeyFile) await rm(officeKeyPath(args.dataDir), { force: true });
    if (!(err instanceof AppError)) throw err;
    return refused(err);
  } finally {
    await claim.release();
  }
}

function refused(err: AppError): number {
  const body = { code: err.code, message: err.message, details: err.details };
  console.error(`${err.code}: ${errorMessage(body, 'en')}\n${errorMessage(body, 'zh')}`);
  return 1;
}

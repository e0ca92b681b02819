import { cliSetRole, unlockAccount } from '../../electron/services/access/accountsService';
import { findAccountByUsername } from '../../electron/store/accountStore';
import { ROLES, type Role } from '../../shared/domain/account';
import { CliUsageError, type CliCommand } from './command';
import { openCommandCore, parseCommandArgs } from './dataDirArg';

// Whoever runs these holds the office's data directory at the machine itself: the way back in
// when the last administrator is locked out, or to appoint a second administrator in an office
// that has one. Each is in the audit log (with no actor: nobody was logged in).

function userArg(values: Record<string, string | boolean | undefined>): string {
  const user = values.user;
  if (typeof user !== 'string' || user.trim() === '') throw new CliUsageError('--user NAME is required: the account\'s user name.');
  return user.trim();
}

/** Opens the office, finds the account by user name (1 when there is none) and runs `act` on it. */
async function withAccount(dataDir: string, passphraseFile: string | undefined, username: string, act: (core: Awaited<ReturnType<typeof openCommandCore>>, id: number) => Promise<number>): Promise<number> {
  const core = await openCommandCore(dataDir, passphraseFile);
  try {
    const row = await findAccountByUsername(core.ctx.db, username);
    if (!row) {
      console.error(`NOT_FOUND: there is no account "${username}".`);
      return 1;
    }
    return await act(core, row.id);
  } finally {
    await core.close();
  }
}

export const accountsUnlock: CliCommand = {
  words: ['accounts', 'unlock'],
  usage: 'accounts unlock --user NAME --data-dir DIR',
  summary: 'lift the lockout of an account (also the last administrator)',
  onConsole: { en: 'the Accounts screen, if an administrator can still sign in', zh: '“账户管理”页面，如仍有管理员能登录' },
  async run(args) {
    const { dataDir, values, passphraseFile } = parseCommandArgs(args, { user: { type: 'string' } });
    const username = userArg(values);
    return withAccount(dataDir, passphraseFile, username, async (core, id) => {
      const info = await unlockAccount(core.ctx, null, { id });
      console.log(`account ${info.username} unlocked${info.disabled ? ' (it is still disabled)' : ''}`);
      return 0;
    });
  },
};

export const accountsSetRole: CliCommand = {
  words: ['accounts', 'set-role'],
  usage: 'accounts set-role --user NAME --role ROLE --data-dir DIR',
  summary: `change an account's role (${ROLES.join(', ')}), administrators included`,
  onConsole: { en: 'the Accounts screen, if an administrator can still sign in', zh: '“账户管理”页面，如仍有管理员能登录' },
  async run(args) {
    const { dataDir, values, passphraseFile } = parseCommandArgs(args, { user: { type: 'string' }, role: { type: 'string' } });
    const username = userArg(values);
    const role = values.role;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}.`);
    return withAccount(dataDir, passphraseFile, username, async (core, id) => {
      try {
        const info = await cliSetRole(core.ctx, id, role as Role);
        console.log(`account ${info.username} is now ${info.role}`);
        return 0;
      } catch (err) {
        const e = err as { code?: string; message: string };
        if (e.code) {
          console.error(`${e.code}: ${e.message}`);
          return 1;
        }
        throw err;
      }
    });
  },
};

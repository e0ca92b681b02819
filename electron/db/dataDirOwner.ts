import { chmodSync, closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import sqlite3 from '@journeyapps/sqlcipher';
import { ownerOnlyDir, writeOwnerOnlyFile } from '../keys/ownerOnly';

// One process owns a data directory (issue 29 item 8, issue 28; docs/operations.md, "One process
// per data directory"). The console in browser mode, the desktop app's main process and every
// staff command take this claim before they read a key or open the database, and hold it until
// they close: a second process is refused by name instead of racing the owner for the database's
// write lock (a clerk's lookup answered SQLITE_BUSY while a command line imported).
//
// The lock is SQLite's own: an exclusive lock on office.lock, a file that stays empty, held by a
// transaction that is never committed. The operating system drops it when the process ends however
// it ends (kill -9 included), so a crashed owner leaves nothing stale behind, and of two processes
// racing for it exactly one gets it. The file itself is never deleted: a process that opened the
// old file just before a delete could lock that orphan while another locks a new one.
// office-owner.json beside it names the owner for the refusal (what it is, its process, its
// address, since when); it is written by the owner once it holds the lock and believed only while
// the lock is held and its process lives.

export const OWNER_LOCK_FILE = 'office.lock';
export const OWNER_RECORD_FILE = 'office-owner.json';

/** What owns the directory: browser mode, the desktop app, a staff command, or a core opened by a tool or test. */
export type OwnerRole = 'console' | 'desktop' | 'command' | 'core';

export interface OwnerRecord {
  pid: number;
  role: OwnerRole;
  /** The staff command's words ("import", "audit verify"). */
  command?: string;
  /** Where browser mode serves the console (the bare origin: never its key). */
  address?: string;
  /** When the owner took the directory (the machine's clock). */
  since: string;
  host: string;
}

export interface DataDirClaim {
  readonly dataDir: string;
  readonly record: OwnerRecord;
  /** Names the address the owner now serves (browser mode, once its host listens). */
  announce(address: string): void;
  /** Gives the directory up: the record goes first, then the lock. Safe to call twice. */
  release(): Promise<void>;
}

/** Refused: another process owns the data directory. `owner` is null while that process is still writing its record. */
export class DataDirInUse extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  readonly owner: OwnerRecord | null;
  readonly ownerWords: { en: string; zh: string };

  constructor(readonly dataDir: string, owner: OwnerRecord | null) {
    const words = describeOwner(owner);
    super(`The data directory ${dataDir} is in use by ${words.en}.`);
    this.name = 'DataDirInUse';
    this.owner = owner;
    this.ownerWords = words;
  }

  /** The same sentence in Chinese. */
  get zh(): string {
    return `数据目录 ${this.dataDir} 正由${this.ownerWords.zh}使用。`;
  }
}

/** The owner in words, both languages: what it is, its address, its process and since when. */
export function describeOwner(owner: OwnerRecord | null): { en: string; zh: string } {
  if (!owner) return { en: 'another CreditDesk process that is starting or stopping', zh: '另一个正在启动或关闭的 CreditDesk 进程' };
  const elsewhere = owner.host !== hostname() ? { en: ` on ${owner.host}`, zh: `（计算机 ${owner.host}）` } : { en: '', zh: '' };
  const about = { en: `process ${owner.pid}${elsewhere.en}, since ${owner.since}`, zh: `进程 ${owner.pid}${elsewhere.zh}，${owner.since} 起` };
  switch (owner.role) {
    case 'console':
      return owner.address
        ? { en: `the console in browser mode at ${owner.address} (${about.en})`, zh: `浏览器模式的工作台 ${owner.address}（${about.zh}）` }
        : { en: `the console in browser mode, still starting (${about.en})`, zh: `正在启动的浏览器模式工作台（${about.zh}）` };
    case 'desktop':
      return { en: `the desktop console (${about.en})`, zh: `桌面版工作台（${about.zh}）` };
    case 'command':
      return { en: `the staff command "creditdesk ${owner.command ?? ''}" (${about.en})`, zh: `工作人员命令 creditdesk ${owner.command ?? ''}（${about.zh}）` };
    default:
      return { en: `a CreditDesk process (${about.en})`, zh: `一个 CreditDesk 进程（${about.zh}）` };
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another account.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const ROLES: readonly OwnerRole[] = ['console', 'desktop', 'command', 'core'];

/**
 * The record of the directory's owner, if it is one to believe: well formed and naming a process
 * that lives (a record left by a killed owner names a dead one while the next owner writes its own).
 */
export function readOwnerRecord(dataDir: string): OwnerRecord | null {
  let r: Partial<OwnerRecord>;
  try {
    r = JSON.parse(readFileSync(join(dataDir, OWNER_RECORD_FILE), 'utf8')) as Partial<OwnerRecord>;
  } catch {
    return null;
  }
  if (typeof r !== 'object' || r === null || !Number.isSafeInteger(r.pid) || !ROLES.includes(r.role as OwnerRole) || typeof r.since !== 'string' || typeof r.host !== 'string') return null;
  if (r.host === hostname() && !isAlive(r.pid!)) return null;
  return {
    pid: r.pid!, role: r.role!, since: r.since, host: r.host,
    ...(typeof r.command === 'string' ? { command: r.command } : {}),
    ...(typeof r.address === 'string' ? { address: r.address } : {}),
  };
}

// Held locks stay reachable from here: a connection the garbage collector closed would drop its lock.
const held = new Set<sqlite3.Database>();

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
}

function closeLock(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve) => db.close(() => resolve()));
}

/**
 * Takes the data directory for this process or throws DataDirInUse naming its owner. Never waits:
 * a directory in use is refused at once (busy_timeout 0), also within one process.
 */
export async function claimDataDir(dataDir: string, who: { role: OwnerRole; command?: string }): Promise<DataDirClaim> {
  ownerOnlyDir(dataDir);
  const file = join(dataDir, OWNER_LOCK_FILE);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (err) => (err ? reject(err) : resolve(d)));
  });
  try {
    // An exclusive lock with nothing written: the file stays empty, no journal is made.
    await exec(db, 'PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE;');
  } catch (err) {
    await closeLock(db);
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new DataDirInUse(dataDir, readOwnerRecord(dataDir));
    throw err;
  }
  held.add(db);
  const recordFile = join(dataDir, OWNER_RECORD_FILE);
  let record: OwnerRecord = { pid: process.pid, role: who.role, ...(who.command ? { command: who.command } : {}), since: new Date().toISOString(), host: hostname() };
  const write = () => writeOwnerOnlyFile(recordFile, `${JSON.stringify(record)}\n`);
  try {
    write();
  } catch (err) {
    held.delete(db);
    await closeLock(db);
    throw err;
  }
  let released = false;
  return {
    dataDir,
    get record() {
      return record;
    },
    announce(address) {
      record = { ...record, address };
      if (!released) write();
    },
    async release() {
      if (released) return;
      released = true;
      // The record goes while the lock is still held: the next owner's record is never the one removed.
      rmSync(recordFile, { force: true });
      held.delete(db);
      await closeLock(db);
    },
  };
}

import { chmod, open, rm } from 'node:fs/promises';
import sqlite3 from '@journeyapps/sqlcipher';
import { AppError } from '../../shared/errors';
import { diagnostic } from './diagnostics';
import { Mutex } from './mutex';
import { ownerOnlyFileAtOpen, removeDatabaseFilesAtOpen } from './startupFiles';

export type SqlParams = readonly unknown[] | Record<string, unknown>;
export interface RunResult {
  changes: number;
  lastID: number;
}

/**
 * `bulk` names a store function whose statement is slow by design (one statement writing a whole
 * batch bound as JSON); the slow-query log leaves exactly those out.
 */
export interface QueryOptions {
  bulk?: string;
}

/** What a store function needs: reads and writes, inside or outside a transaction. */
export interface Queryable {
  run(sql: string, params?: SqlParams, options?: QueryOptions): Promise<RunResult>;
  get<T>(sql: string, params?: SqlParams, options?: QueryOptions): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams, options?: QueryOptions): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/** CREDITDESK_SLOW_QUERY_MS overrides it (0 logs every statement: for tracing a slow screen). */
const SLOW_QUERY_MS = 40;
/** Prepared statements kept per connection; the least recently used idle one is finalized. */
export const STATEMENT_CACHE_SIZE = 256;

interface CachedStatement {
  statement: Promise<sqlite3.Statement>;
  /** Calls between taking the statement and their callback: an entry in use is never finalized. */
  users: number;
}

/**
 * One sqlite3 connection with prepared statements cached by SQL text.
 *
 * `sqlite3` runs every call on one connection, so a statement issued by an unrelated caller while a
 * transaction is open would silently join it (and vanish on ROLLBACK). Hence writes and
 * transactions take a mutex; plain reads go to a second connection (WAL lets it read the last
 * committed state while a long import is being written).
 */
/** SQLite's answers when a page it read is not what it wrote: damage on disk, not a bad statement. */
export function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

/** What every caller gets once the file is known to be damaged (the dispatcher passes it on as is). */
export function corruptionError(): AppError {
  return new AppError('DATABASE_CORRUPT', 'The database file is damaged; writes are refused until the latest backup is restored.');
}

export class Connection implements Queryable {
  /** Insertion order is recency order: a hit is moved to the end, eviction takes from the front. */
  private readonly statements = new Map<string, CachedStatement>();
  /** Told of damage this connection met, whatever statement met it (the Database's flag). */
  onCorruption: ((err: Error) => void) | null = null;
  /** Runs the owner's integrity check on an error that may be damage or not; true when it is. */
  confirmDamage: (() => Promise<boolean>) | null = null;

  private constructor(private readonly db: sqlite3.Database, readonly file: string) {}

  static open(file: string, mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(new Connection(db, file))));
    });
  }

  /** Prepared statements currently cached (for tests and diagnostics). */
  get cachedStatements(): number {
    return this.statements.size;
  }

  /**
   * Prepared once per SQL text, at most STATEMENT_CACHE_SIZE kept. A statement whose prepare failed
   * is never cached: sqlite3 would otherwise leave later calls on it waiting forever. The caller
   * must call `release` once its call on the statement has completed.
   */
  private acquire(sql: string): CachedStatement {
    let entry = this.statements.get(sql);
    if (entry) {
      this.statements.delete(sql);
    } else {
      const statement = new Promise<sqlite3.Statement>((resolve, reject) => {
        const s: sqlite3.Statement = this.db.prepare(sql, (err: Error | null) => {
          if (err) {
            if (this.statements.get(sql) === entry) this.statements.delete(sql);
            reject(err);
          } else resolve(s);
        });
      });
      entry = { statement, users: 0 };
    }
    entry.users++;
    this.statements.set(sql, entry);
    this.evictIdle();
    return entry;
  }

  private release(entry: CachedStatement): void {
    entry.users--;
    this.evictIdle();
  }

  private evictIdle(): void {
    if (this.statements.size <= STATEMENT_CACHE_SIZE) return;
    for (const [sql, entry] of this.statements) {
      if (this.statements.size <= STATEMENT_CACHE_SIZE) break;
      if (entry.users > 0) continue;
      this.statements.delete(sql);
      entry.statement.then(
        (s) => s.finalize(),
        () => undefined,
      );
    }
  }

  private async call<T>(sql: string, options: QueryOptions | undefined, step: (stmt: sqlite3.Statement, done: (err: Error | null, value?: T) => void) => void): Promise<T> {
    const started = performance.now();
    const entry = this.acquire(sql);
    let stmt: sqlite3.Statement;
    try {
      stmt = await entry.statement;
    } catch (err) {
      this.release(entry);
      throw await this.failure(err);
    }
    return new Promise<T>((resolve, reject) => {
      step(stmt, (err, value) => {
        this.release(entry);
        this.logIfSlow(sql, started, options);
        if (err) void this.failure(err).then(reject, reject);
        else resolve(value as T);
      });
    });
  }

  /**
   * A corrupt page is reported wherever it is met (Signal's whenCorrupted): the owner is told, and
   * the caller gets DATABASE_CORRUPT instead of a generic failure.
   */
  private async failure(err: unknown): Promise<unknown> {
    // Before a Database owns it, the connection is still being opened: a wrong key reads as
    // SQLITE_NOTADB too, and applyKey says that in its own words.
    if (!this.onCorruption) return err;
    if (isCorruption(err)) {
      this.onCorruption(err as Error);
      return corruptionError();
    }
    // SQLCipher answers a page whose HMAC fails with SQLITE_NOMEM, as it does a real allocation
    // failure; the owner's integrity check tells them apart before the office is stopped.
    if ((err as { code?: unknown } | null)?.code === 'SQLITE_NOMEM' && this.confirmDamage && (await this.confirmDamage())) return corruptionError();
    return err;
  }

  run(sql: string, params: SqlParams = [], options?: QueryOptions): Promise<RunResult> {
    return this.call<RunResult>(sql, options, (stmt, done) =>
      stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
        done(err, err ? undefined : { changes: this.changes, lastID: this.lastID });
      }),
    );
  }

  get<T>(sql: string, params: SqlParams = [], options?: QueryOptions): Promise<T | undefined> {
    return this.call<T | undefined>(sql, options, (stmt, done) =>
      stmt.get(params, (err: Error | null, row: T | undefined) => {
        // A stepped-but-unfinished statement holds its read snapshot open; reset releases it so the
        // reader connection sees later commits. The caller goes on only once the reset has run:
        // a reset still queued left the next read on this connection inside the old snapshot, so
        // a row committed meanwhile was not there yet (a count one short, "there is no export N").
        stmt.reset(() => done(err, row));
      }),
    );
  }

  all<T>(sql: string, params: SqlParams = [], options?: QueryOptions): Promise<T[]> {
    return this.call<T[]>(sql, options, (stmt, done) => stmt.all(params, (err: Error | null, rows: T[]) => done(err, rows)));
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? void this.failure(err).then(reject, reject) : resolve())));
  }

  private logIfSlow(sql: string, started: number, options: QueryOptions | undefined): void {
    const ms = performance.now() - started;
    const threshold = Number(process.env.CREDITDESK_SLOW_QUERY_MS ?? SLOW_QUERY_MS);
    if (ms >= threshold && !options?.bulk) {
      diagnostic(this.file, `[db] slow query ${ms.toFixed(1)} ms: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }

  async close(): Promise<void> {
    const prepared = await Promise.allSettled([...this.statements.values()].map((e) => e.statement));
    await Promise.all(prepared.map((p) => (p.status === 'fulfilled' ? new Promise<void>((r) => p.value.finalize(() => r())) : undefined)));
    this.statements.clear();
    await new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

/**
 * The platform's data (subjects, records, lists, measures) lives in a second file beside the office
 * file, attached to both office connections as schema `platform` (migrations 22 and 23).
 */
export const PLATFORM_SCHEMA = 'platform';
export function platformFileOf(officeFile: string): string {
  const dot = officeFile.lastIndexOf('.');
  const slash = Math.max(officeFile.lastIndexOf('/'), officeFile.lastIndexOf('\\'));
  return dot > slash ? `${officeFile.slice(0, dot)}-platform${officeFile.slice(dot)}` : `${officeFile}-platform`;
}

/**
 * An import's scratch space (the central ids it has seen, syncApplyStore): a file of its own beside
 * the platform file, attached to the import's connection as this schema, encrypted with the office
 * key, made when an import begins and deleted when it ends. It used to be a temporary table on
 * disk, which SQLite keeps in an unencrypted file in the system's temporary directory (issue 29).
 */
export const IMPORT_SCRATCH_SCHEMA = 'import_scratch';
export function importScratchFileOf(platformFile: string): string {
  const dot = platformFile.lastIndexOf('.');
  const slash = Math.max(platformFile.lastIndexOf('/'), platformFile.lastIndexOf('\\'));
  return dot > slash ? `${platformFile.slice(0, dot)}-scratch${platformFile.slice(dot)}` : `${platformFile}-scratch`;
}

/** The scratch file and any journal of it: a killed import leaves them, the next open or import removes them. */
async function removeImportScratch(platformFile: string): Promise<void> {
  const file = importScratchFileOf(platformFile);
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) await rm(f, { force: true });
}

/** Thrown by a transaction that must write platform rows while a bundle import holds them. */
export class PlatformBusyError extends AppError {
  constructor() {
    super('SYNC_IMPORT_IN_PROGRESS', 'A platform bundle is being imported; this change to credit records can be made once the import has finished.');
  }
}

declare const platformWrites: unique symbol;

/**
 * A transaction that may write platform rows (subjects, records, list entries): only a
 * `{ platform: true }` transaction, an `'if_free'` one that found the platform file free, and the
 * import's own writer hand one out. Store functions that write platform rows take it, so writing
 * them from an office transaction does not compile (issue 26; Signal's WritableDB).
 */
export type PlatformTx = Queryable & { readonly [platformWrites]: true };

/**
 * The platform handle of a transaction whose every path that needs one opened it with
 * `{ platform: true }`: a programming error otherwise, never a user's.
 */
export function platformOf(platform: PlatformTx | null, what: string): PlatformTx {
  if (!platform) throw new Error(`${what} writes platform rows: open its transaction with { platform: true }.`);
  return platform;
}

export interface TransactionOptions {
  /**
   * true: the transaction writes platform rows (records, list entries): it waits for other such
   * transactions and is refused while an import holds the platform file. 'if_free': it writes them
   * only if no import holds or waits for the platform file, and otherwise goes on without (its
   * second argument says which, decided when it starts, never by a flag read earlier). Without it
   * a transaction writes the office file only and never waits for an import.
   */
  platform?: boolean | 'if_free';
  /**
   * What the transaction is, for the log of one that held the writer too long (otherwise the
   * function that opened it is named, which for an arrow function is only a file and line).
   */
  name?: string;
}

/** The import's own connection to the platform file: nothing else writes through it. */
export interface PlatformWriter {
  /** BEGIN IMMEDIATE … COMMIT on the platform file alone; a throw rolls back. */
  transaction<T>(fn: (tx: PlatformTx) => Promise<T>): Promise<T>;
  /**
   * The import's office half: an office transaction that may also write platform rows (the marks
   * queued while the import held the platform file), since the import still holds it.
   */
  officeHalf<T>(fn: (tx: PlatformTx) => Promise<T>, name?: string): Promise<T>;
}

/**
 * The importer's page cache, a bound rather than an allocation: SQLite takes pages as an import
 * touches them and shrink_memory returns them after it. A city's snapshot inserts 10 million
 * subjects into the ID-number and name indexes in random order; once those outgrow the cache, every
 * insert rereads and rewrites a page (in the 10-million run the subject rate fell from 24,000 to
 * 5,600 rows/s by 4.5 million at 64 MiB; at 1 GiB it was 13,000 by 7.5 million). An import holds
 * at most the pages it touched, up to the bound, and only while it runs.
 */
export const IMPORT_CACHE_KIB = 1024 * 1024;

export interface DatabaseOptions {
  /** Pages of cache per connection; negative means KiB (SQLite convention). */
  cacheSizeKiB?: number;
  /**
   * The 32-byte SQLCipher key (raw, so SQLCipher runs no PBKDF2 of its own: the key is already the
   * output of a KDF). Without it the file is plain SQLite, which only tools and tests ask for.
   */
  key?: Buffer;
  /**
   * Where the platform file is (default: platformFileOf(file)); false for a database that keeps
   * everything in one file (the reference platform's own store, tools).
   */
  platformFile?: string | false;
}

/** `PRAGMA key` must be the first statement on a connection; a wrong key shows only on first read. */
async function applyKey(conn: Connection, file: string, key: Buffer | undefined): Promise<void> {
  if (key) {
    if (key.length !== 32) throw new Error('The database key must be 32 bytes.');
    await conn.exec(`PRAGMA key = "x'${key.toString('hex')}'"`);
  }
  // SQLCipher prints its own "error decrypting page" lines to stderr; the AppError below says it.
  await conn.exec('PRAGMA cipher_log_level = NONE');
  try {
    await conn.get('SELECT count(*) FROM sqlite_master');
  } catch (err) {
    await conn.close().catch(() => undefined);
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new AppError(
        'DB_KEY_WRONG',
        key
          ? `The database ${file} cannot be opened with this office's key: it was encrypted with another key, or it is not a CreditDesk database.`
          : `The database ${file} is encrypted; it can only be opened with the office's key.`,
        { file },
      );
    }
    throw err;
  }
}

/** The SQLCipher key as SQL text ("x'…'"), or null for a plain file. */
const keyLiteral = (key: Buffer | undefined): string | null => (key ? `x'${key.toString('hex')}'` : null);

export class Database implements Queryable {
  private readonly writeLock = new Mutex();
  /** Held by an import for its whole length and by every `{ platform: true }` transaction. */
  private readonly platformLock = new Mutex();
  private importRunning = false;
  /** Imports asked for and not yet holding the platform file: an 'if_free' transaction does not queue behind one. */
  private importsWaiting = 0;
  /** The damage first met, by any connection or by the start-up check; null while none is known. */
  private damage: Error | null = null;
  private readonly corruptionListeners = new Set<(err: Error) => void>();

  private constructor(
    private writer: Connection,
    private readonly reader: Connection,
    /** The import's connection to the platform file; null when there is no platform file. */
    private readonly importer: Connection | null,
    readonly file: string,
    readonly platformFile: string | null,
    private readonly options: DatabaseOptions,
  ) {
    for (const c of [writer, reader, importer]) if (c) this.watch(c);
  }

  private watch(c: Connection): void {
    c.onCorruption = (err) => this.markCorrupted(err);
    c.confirmDamage = () => this.confirmDamage();
  }

  private confirming: Promise<boolean> | null = null;

  /** One integrity check at a time however many statements asked; it marks the damage itself. */
  private confirmDamage(): Promise<boolean> {
    if (this.damage) return Promise.resolve(true);
    this.confirming ??= this.quickCheck().then((ok) => !ok, () => false).finally(() => (this.confirming = null));
    return this.confirming;
  }

  /** True once damage is known: every write is refused from then on, reads go on where they can. */
  get corrupted(): boolean {
    return this.damage !== null;
  }

  /**
   * Records damage (a statement met a corrupt page, or quick_check failed) once, and tells the
   * listeners: the core turns it into the restore banner. Writing on would spread the damage.
   */
  markCorrupted(err: Error): void {
    if (this.damage) return;
    this.damage = err;
    diagnostic(this.file, `[db] the database is damaged (${err.message}); writes are refused until a backup is restored`, 'error');
    for (const listener of this.corruptionListeners) {
      try {
        listener(err);
      } catch (listenerErr) {
        diagnostic(this.file, `[db] a damage listener failed: ${listenerErr instanceof Error ? listenerErr.message : String(listenerErr)}`, 'error');
      }
    }
  }

  whenCorrupted(listener: (err: Error) => void): () => void {
    if (this.damage) listener(this.damage);
    this.corruptionListeners.add(listener);
    return () => this.corruptionListeners.delete(listener);
  }

  static async open(file: string, options: DatabaseOptions = {}): Promise<Database> {
    ownerOnlyFileAtOpen(file);
    const platformFile = options.platformFile === false ? null : (options.platformFile ?? platformFileOf(file));
    if (platformFile) {
      ownerOnlyFileAtOpen(platformFile);
      removeDatabaseFilesAtOpen(importScratchFileOf(platformFile));
    }
    const writer = await Database.openWriter(file, platformFile, options);
    const cache = options.cacheSizeKiB ?? 64 * 1024;
    const opened: Connection[] = [writer];
    try {
      const reader = await Connection.open(file, sqlite3.OPEN_READONLY);
      await applyKey(reader, file, options.key);
      opened.push(reader);
      if (platformFile) await attachPlatform(reader, platformFile, options.key);
      await reader.exec(`PRAGMA busy_timeout = 5000; PRAGMA cache_size = -${cache}; PRAGMA query_only = ON; PRAGMA temp_store = MEMORY;`);
      let importer: Connection | null = null;
      if (platformFile) {
        importer = await Connection.open(platformFile);
        await applyKey(importer, platformFile, options.key);
        opened.push(importer);
        await importer.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
          PRAGMA busy_timeout = 5000; PRAGMA cache_size = -${IMPORT_CACHE_KIB}; PRAGMA temp_store = MEMORY;`);
      }
      return new Database(writer, reader, importer, file, platformFile, options);
    } catch (err) {
      await Promise.all(opened.map((c) => c.close().catch(() => undefined)));
      throw err;
    }
  }

  /** The writer connection as open() sets it up; also used to replace a writer left unusable. */
  private static async openWriter(file: string, platformFile: string | null, options: DatabaseOptions): Promise<Connection> {
    const writer = await Connection.open(file);
    await applyKey(writer, file, options.key);
    const cache = options.cacheSizeKiB ?? 64 * 1024;
    await writer.exec(
      `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
       PRAGMA busy_timeout = 5000; PRAGMA cache_size = -${cache}; PRAGMA temp_store = MEMORY;`,
    );
    if (platformFile) {
      await attachPlatform(writer, platformFile, options.key).catch(async (err: unknown) => {
        await writer.close();
        throw err;
      });
      await writer.exec(`PRAGMA ${PLATFORM_SCHEMA}.journal_mode = WAL; PRAGMA ${PLATFORM_SCHEMA}.synchronous = NORMAL; PRAGMA ${PLATFORM_SCHEMA}.cache_size = -${cache};`);
    }
    return writer;
  }

  /**
   * PRAGMA quick_check on a connection of its own, opened for it and closed after. On the shared
   * read connection the check (seconds per million subjects) would hold one read snapshot open
   * for its whole length, and every read issued meanwhile on that connection would see the office
   * as it was before the check started: a command that wrote an export and read its row back was
   * told "there is no export N" (issue 29).
   */
  async quickCheck(): Promise<boolean> {
    const conn = await Connection.open(this.file, sqlite3.OPEN_READONLY);
    try {
      await applyKey(conn, this.file, this.options.key);
      // A check that cannot even read the pages (SQLCipher: "out of memory", "SQL logic error")
      // has found damage as surely as one that lists it; so has an attach that cannot read the
      // platform file's schema (its pages past the first grew with the entity tables).
      const unreadable = (err: unknown) => {
        const code = (err as { code?: unknown }).code;
        if (!isCorruption(err) && code !== 'SQLITE_NOMEM' && code !== 'SQLITE_ERROR') throw err;
        return [{ quick_check: err instanceof Error ? err.message : String(err) }];
      };
      const attachFailed = this.platformFile ? await attachPlatform(conn, this.platformFile, this.options.key).then(() => null, unreadable) : null;
      if (!attachFailed) await conn.exec('PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;');
      const rows = attachFailed ?? (await conn.all<{ quick_check: string }>('PRAGMA quick_check').catch(unreadable));
      const ok = rows.length === 1 && rows[0]!.quick_check === 'ok';
      if (!ok) this.markCorrupted(new Error(`PRAGMA quick_check: ${rows.slice(0, 3).map((r) => r.quick_check).join('; ')}`));
      return ok;
    } finally {
      await conn.close();
    }
  }

  /** True while an import holds the platform file (the counter shows a quiet notice). */
  get importing(): boolean {
    return this.importRunning;
  }

  /** Prepared statements cached on each connection (bounded by STATEMENT_CACHE_SIZE). */
  get cachedStatements(): { writer: number; reader: number } {
    return { writer: this.writer.cachedStatements, reader: this.reader.cachedStatements };
  }

  get<T>(sql: string, params?: SqlParams, options?: QueryOptions): Promise<T | undefined> {
    return this.reader.get<T>(sql, params, options);
  }

  all<T>(sql: string, params?: SqlParams, options?: QueryOptions): Promise<T[]> {
    return this.reader.all<T>(sql, params, options);
  }

  /** A single write outside any transaction (autocommit), serialised with transactions. */
  run(sql: string, params?: SqlParams, options?: QueryOptions): Promise<RunResult> {
    return this.writeLock.runExclusive(() => (this.damage ? Promise.reject(corruptionError()) : this.writer.run(sql, params, options)), 'db.run');
  }

  exec(sql: string): Promise<void> {
    return this.writeLock.runExclusive(() => (this.damage ? Promise.reject(corruptionError()) : this.writer.exec(sql)), 'db.exec');
  }

  /**
   * Runs `fn` inside BEGIN IMMEDIATE … COMMIT on the writer. Any throw rolls back; COMMIT is never
   * issued unconditionally. Reads inside `fn` must use `tx` to see their own uncommitted writes;
   * writes inside `fn` must use `tx` too: db.run / db.transaction from inside throw
   * ReentrantLockError rather than wait for this transaction forever.
   */
  transaction<T>(fn: (tx: PlatformTx) => Promise<T>, options: TransactionOptions & { platform: true }): Promise<T>;
  transaction<T>(fn: (tx: Queryable, platform: PlatformTx | null) => Promise<T>, options?: TransactionOptions): Promise<T>;
  transaction<T>(fn: (tx: PlatformTx, platform: PlatformTx | null) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const withPlatform = (tx: Queryable) => fn(tx as PlatformTx, tx as PlatformTx);
    const officeOnly = (tx: Queryable) => fn(tx as PlatformTx, null);
    // A database in one file (tools, the reference platform) has no platform file to wait for.
    if (!this.importer) return this.officeTransaction(options.platform ? withPlatform : officeOnly, 'BEGIN IMMEDIATE', options.name);
    // BEGIN IMMEDIATE would take the platform file's write lock too (it locks every attached
    // file) and so wait for an import; an office transaction takes the office file's lock at its
    // first write instead, and nothing but this connection ever writes the office file.
    if (!options.platform || (options.platform === 'if_free' && (this.importRunning || this.importsWaiting > 0))) {
      return this.officeTransaction(officeOnly, 'BEGIN', options.name);
    }
    if (this.importRunning) return Promise.reject(new PlatformBusyError());
    return this.platformLock.runExclusive(() => this.officeTransaction(withPlatform, 'BEGIN IMMEDIATE', options.name), 'db.transaction');
  }

  /**
   * Runs `fn` holding the platform file for an import: `{ platform: true }` transactions are
   * refused meanwhile, office transactions go on. `platform` writes through the import's own
   * connection; `fn` may also run office transactions (the import's office half).
   */
  importExclusive<T>(fn: (platform: PlatformWriter) => Promise<T>): Promise<T> {
    const importer = this.importer;
    if (!importer) return Promise.reject(new Error('This database has no platform file.'));
    const platformFile = this.platformFile!;
    this.importsWaiting += 1;
    let started = false;
    return this.platformLock.runExclusive(async () => {
      started = true;
      this.importsWaiting -= 1;
      // Damage found while this import waited for the platform file refuses it too.
      if (this.damage) throw corruptionError();
      this.importRunning = true;
      try {
        try {
          await attachImportScratch(importer, platformFile, this.options.key);
          return await fn({
            transaction: (body) => runTransaction(importer, 'BEGIN IMMEDIATE', (tx) => body(tx as PlatformTx)),
            officeHalf: (body, name) => this.officeTransaction((tx) => body(tx as PlatformTx), 'BEGIN', name ?? 'import.officeHalf'),
          });
        } finally {
          // Also after an attach that failed half-way: a scratch left attached would refuse every later import.
          await detachImportScratch(importer).catch((err: unknown) =>
            diagnostic(this.file, `[db] the import's scratch could not be detached (${err instanceof Error ? err.message : String(err)}); its file is removed`, 'error'));
          try {
            await removeImportScratch(platformFile);
          } catch (err) {
            diagnostic(this.file, `[db] the import's scratch could not be removed (${err instanceof Error ? err.message : String(err)}); the next import removes it`, 'error');
          }
        }
      } finally {
        this.importRunning = false;
        // The pages a city's import cached go back to the system; the next import fills them again.
        await importer.exec('PRAGMA shrink_memory').catch(() => undefined);
      }
    }, 'db.importExclusive').finally(() => {
      // Refused before it waited (asked from inside the platform lock): it waits no more.
      if (!started) this.importsWaiting -= 1;
    });
  }

  /**
   * Runs `fn` while no import and no `{ platform: true }` transaction can change the platform file
   * (waiting for one that runs): for work that must see both files at one moment, like a backup.
   */
  holdingPlatform<T>(fn: () => Promise<T>): Promise<T> {
    return this.importer ? this.platformLock.runExclusive(fn, 'db.holdingPlatform') : fn();
  }

  private officeTransaction<T>(fn: (tx: Queryable) => Promise<T>, begin: string, name: string | undefined): Promise<T> {
    // Where it was started from: V8 records the frames now and formats them only if read, which
    // happens only for a transaction that held the writer too long.
    const origin = new Error('transaction');
    return this.writeLock.runExclusive(async () => {
      // Checked again once the writer is ours: a transaction queued behind the one that met the
      // damage must not write after it.
      if (this.damage) throw corruptionError();
      const started = performance.now();
      try {
        return await runTransaction(this.writer, begin, fn, (rollbackErr, err) => this.replaceWriter(rollbackErr, err));
      } finally {
        this.logIfHeldLong(performance.now() - started, origin, name);
      }
    }, 'db.transaction');
  }

  /**
   * Every write and every lookup's query-log row waits while a transaction holds the writer, so one
   * that holds it longer than the slow-query bound is logged with the function that opened it: the
   * place to move slow work (rendering, compression, decoding) out of the lock.
   */
  private logIfHeldLong(ms: number, origin: Error, name: string | undefined): void {
    if (ms < Number(process.env.CREDITDESK_SLOW_QUERY_MS ?? SLOW_QUERY_MS)) return;
    const caller = (origin.stack ?? '').split('\n').slice(1).map((l) => l.trim()).find((l) => !l.includes('/db/database.') && !l.includes('node:internal')) ?? 'unknown';
    diagnostic(this.file, `[db] transaction held the writer ${ms.toFixed(1)} ms: ${name ? `${name} ` : ''}${caller}`);
  }

  /**
   * A ROLLBACK that failed may leave the writer inside a half-done transaction, which every later
   * write would silently join. Closing the connection discards whatever it still holds; a fresh
   * writer takes its place, and the failure is reported, not swallowed.
   */
  private async replaceWriter(rollbackErr: unknown, cause: unknown): Promise<void> {
    const why = (e: unknown) => (e instanceof Error ? e.message : String(e));
    diagnostic(this.file, `[db] ROLLBACK failed (${why(rollbackErr)}) after: ${why(cause)}; the writer connection is reopened`, 'error');
    await this.writer.close().catch(() => undefined);
    this.writer = await Database.openWriter(this.file, this.platformFile, this.options);
    this.watch(this.writer);
  }

  async close(): Promise<void> {
    await this.writeLock.runExclusive(async () => {
      await this.platformLock.runExclusive(async () => {
        await this.importer?.close();
        await this.reader.close();
        await this.writer.exec('PRAGMA optimize').catch(() => undefined);
        await this.writer.close();
      }, 'db.close');
    }, 'db.close');
  }
}

async function attachPlatform(conn: Connection, platformFile: string, key: Buffer | undefined): Promise<void> {
  const k = keyLiteral(key);
  await conn.run(`ATTACH DATABASE ? AS ${PLATFORM_SCHEMA}${k ? ' KEY ?' : ''}`, k ? [platformFile, k] : [platformFile]);
}

/**
 * Attaches a fresh scratch file to the import's connection. Its journal is kept in memory (a
 * refused insert still undoes itself, keysSeenBefore relies on that) and never synced: the file
 * only lives as long as the import.
 */
/** Detaches the import's scratch if it is attached (a detach that failed last time is tried again). */
async function detachImportScratch(conn: Connection): Promise<void> {
  const attached = await conn.all<{ name: string }>('PRAGMA database_list');
  if (attached.some((d) => d.name === IMPORT_SCRATCH_SCHEMA)) await conn.exec(`DETACH DATABASE ${IMPORT_SCRATCH_SCHEMA}`);
}

async function attachImportScratch(conn: Connection, platformFile: string, key: Buffer | undefined): Promise<void> {
  await detachImportScratch(conn);
  await removeImportScratch(platformFile);
  const file = importScratchFileOf(platformFile);
  // Owner-only before SQLite makes it (its journal takes the file's mode); made at run time, so not with sync calls.
  await (await open(file, 'a', 0o600)).close();
  await chmod(file, 0o600);
  const k = keyLiteral(key);
  await conn.run(`ATTACH DATABASE ? AS ${IMPORT_SCRATCH_SCHEMA}${k ? ' KEY ?' : ''}`, k ? [file, k] : [file]);
  await conn.exec(`PRAGMA ${IMPORT_SCRATCH_SCHEMA}.journal_mode = MEMORY; PRAGMA ${IMPORT_SCRATCH_SCHEMA}.synchronous = OFF;`);
}

/**
 * BEGIN … COMMIT on one connection; any throw rolls back. COMMIT is never issued unconditionally.
 * A ROLLBACK that fails goes to `onRollbackFailure` (the writer is then replaced); the import's
 * connection has nothing to replace it with, and its next BEGIN fails loudly instead.
 */
async function runTransaction<T>(
  conn: Connection, begin: string, fn: (tx: Queryable) => Promise<T>, onRollbackFailure: (rollbackErr: unknown, cause: unknown) => Promise<void> = async () => undefined,
): Promise<T> {
  await conn.exec(begin);
  try {
    const result = await fn(conn);
    await conn.exec('COMMIT');
    return result;
  } catch (err) {
    await conn.exec('ROLLBACK').catch((rollbackErr: unknown) => onRollbackFailure(rollbackErr, err));
    throw err;
  }
}

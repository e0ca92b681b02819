import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import sqlite3 from '@journeyapps/sqlcipher';
import { AppError } from '../../shared/errors';
import { diagnostic } from './diagnostics';
import { Mutex } from './mutex';

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
export class Connection implements Queryable {
  /** Insertion order is recency order: a hit is moved to the end, eviction takes from the front. */
  private readonly statements = new Map<string, CachedStatement>();

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
      throw err;
    }
    return new Promise<T>((resolve, reject) => {
      step(stmt, (err, value) => {
        this.release(entry);
        this.logIfSlow(sql, started, options);
        if (err) reject(err);
        else resolve(value as T);
      });
    });
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
        // reader connection sees later commits.
        stmt.reset();
        done(err, row);
      }),
    );
  }

  all<T>(sql: string, params: SqlParams = [], options?: QueryOptions): Promise<T[]> {
    return this.call<T[]>(sql, options, (stmt, done) => stmt.all(params, (err: Error | null, rows: T[]) => done(err, rows)));
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
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

export interface DatabaseOptions {
  /** Pages of cache per connection; negative means KiB (SQLite convention). */
  cacheSizeKiB?: number;
  /**
   * The 32-byte SQLCipher key (raw, so SQLCipher runs no PBKDF2 of its own: the key is already the
   * output of a KDF). Without it the file is plain SQLite, which only tools and tests ask for.
   */
  key?: Buffer;
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

/** SQLite gives the -wal and -shm files the database file's mode, so the file is made owner-only first. */
function ownerOnlyFile(file: string): void {
  if (file === ':memory:' || file === '') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

export class Database implements Queryable {
  private readonly writeLock = new Mutex();

  private constructor(
    private writer: Connection,
    private readonly reader: Connection,
    readonly file: string,
    private readonly options: DatabaseOptions,
  ) {}

  static async open(file: string, options: DatabaseOptions = {}): Promise<Database> {
    ownerOnlyFile(file);
    const writer = await Database.openWriter(file, options);
    const cache = options.cacheSizeKiB ?? 64 * 1024;
    const reader = await Connection.open(file, sqlite3.OPEN_READONLY);
    await applyKey(reader, file, options.key).catch(async (err: unknown) => {
      await writer.close();
      throw err;
    });
    await reader.exec(`PRAGMA busy_timeout = 5000; PRAGMA cache_size = -${cache}; PRAGMA query_only = ON;`);
    return new Database(writer, reader, file, options);
  }

  /** The writer connection as open() sets it up; also used to replace a writer left unusable. */
  private static async openWriter(file: string, options: DatabaseOptions): Promise<Connection> {
    const writer = await Connection.open(file);
    await applyKey(writer, file, options.key);
    const cache = options.cacheSizeKiB ?? 64 * 1024;
    await writer.exec(
      `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
       PRAGMA busy_timeout = 5000; PRAGMA cache_size = -${cache}; PRAGMA temp_store = MEMORY;`,
    );
    return writer;
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
    return this.writeLock.runExclusive(() => this.writer.run(sql, params, options), 'db.run');
  }

  exec(sql: string): Promise<void> {
    return this.writeLock.runExclusive(() => this.writer.exec(sql), 'db.exec');
  }

  /**
   * Runs `fn` inside BEGIN IMMEDIATE … COMMIT on the writer. Any throw rolls back; COMMIT is never
   * issued unconditionally. Reads inside `fn` must use `tx` to see their own uncommitted writes;
   * writes inside `fn` must use `tx` too: db.run / db.transaction from inside throw
   * ReentrantLockError rather than wait for this transaction forever.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.writeLock.runExclusive(async () => {
      const writer = this.writer;
      await writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(writer);
        await writer.exec('COMMIT');
        return result;
      } catch (err) {
        await writer.exec('ROLLBACK').catch((rollbackErr: unknown) => this.replaceWriter(rollbackErr, err));
        throw err;
      }
    }, 'db.transaction');
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
    this.writer = await Database.openWriter(this.file, this.options);
  }

  async close(): Promise<void> {
    await this.writeLock.runExclusive(async () => {
      await this.reader.close();
      await this.writer.exec('PRAGMA optimize').catch(() => undefined);
      await this.writer.close();
    }, 'db.close');
  }
}

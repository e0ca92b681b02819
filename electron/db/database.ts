import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import sqlite3 from '@journeyapps/sqlcipher';
import { AppError } from '../../shared/errors';
import { Mutex } from './mutex';

export type SqlParams = readonly unknown[] | Record<string, unknown>;
export interface RunResult {
  changes: number;
  lastID: number;
}

/** What a store function needs: reads and writes, inside or outside a transaction. */
export interface Queryable {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

const SLOW_QUERY_MS = 40;

/**
 * One sqlite3 connection with prepared statements cached by SQL text.
 *
 * `sqlite3` runs every call on one connection, so a statement issued by an unrelated caller while a
 * transaction is open would silently join it (and vanish on ROLLBACK). Hence writes and
 * transactions take a mutex; plain reads go to a second connection (WAL lets it read the last
 * committed state while a long import is being written).
 */
export class Connection implements Queryable {
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();

  private constructor(private readonly db: sqlite3.Database, readonly file: string) {}

  static open(file: string, mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(new Connection(db, file))));
    });
  }

  /**
   * Prepared once per SQL text. A statement whose prepare failed is never cached: sqlite3 would
   * otherwise leave later calls on it waiting forever.
   */
  private statement(sql: string): Promise<sqlite3.Statement> {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = new Promise<sqlite3.Statement>((resolve, reject) => {
        const s: sqlite3.Statement = this.db.prepare(sql, (err: Error | null) => {
          if (err) {
            this.statements.delete(sql);
            reject(err);
          } else resolve(s);
        });
      });
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  async run(sql: string, params: SqlParams = []): Promise<RunResult> {
    const started = performance.now();
    const stmt = await this.statement(sql);
    return new Promise((resolve, reject) => {
      stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
        logIfSlow(sql, started);
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  async get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    const started = performance.now();
    const stmt = await this.statement(sql);
    return new Promise((resolve, reject) => {
      stmt.get(params, (err: Error | null, row: T | undefined) => {
        // A stepped-but-unfinished statement holds its read snapshot open; reset releases it so the
        // reader connection sees later commits.
        stmt.reset();
        logIfSlow(sql, started);
        if (err) reject(err);
        else resolve(row);
      });
    });
  }

  async all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    const started = performance.now();
    const stmt = await this.statement(sql);
    return new Promise((resolve, reject) => {
      stmt.all(params, (err: Error | null, rows: T[]) => {
        logIfSlow(sql, started);
        if (err) reject(err);
        else resolve(rows);
      });
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  async close(): Promise<void> {
    const prepared = await Promise.allSettled(this.statements.values());
    await Promise.all(prepared.map((p) => (p.status === 'fulfilled' ? new Promise<void>((r) => p.value.finalize(() => r())) : undefined)));
    this.statements.clear();
    await new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

function logIfSlow(sql: string, started: number): void {
  const ms = performance.now() - started;
  // Bulk statements (json_each over a batch) are slow by design; the warning is for lookups.
  if (ms > SLOW_QUERY_MS && process.env.CREDITDESK_QUIET !== '1' && !sql.includes('json_each')) {
    console.warn(`[db] slow query ${ms.toFixed(1)} ms: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
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
    private readonly writer: Connection,
    private readonly reader: Connection,
    readonly file: string,
  ) {}

  static async open(file: string, options: DatabaseOptions = {}): Promise<Database> {
    ownerOnlyFile(file);
    const writer = await Connection.open(file);
    await applyKey(writer, file, options.key);
    const cache = options.cacheSizeKiB ?? 64 * 1024;
    await writer.exec(
      `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
       PRAGMA busy_timeout = 5000; PRAGMA cache_size = -${cache}; PRAGMA temp_store = MEMORY;`,
    );
    const reader = await Connection.open(file, sqlite3.OPEN_READONLY);
    await applyKey(reader, file, options.key).catch(async (err: unknown) => {
      await writer.close();
      throw err;
    });
    await reader.exec(`PRAGMA busy_timeout = 5000; PRAGMA cache_size = -${cache}; PRAGMA query_only = ON;`);
    return new Database(writer, reader, file);
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.reader.get<T>(sql, params);
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.reader.all<T>(sql, params);
  }

  /** A single write outside any transaction (autocommit), serialised with transactions. */
  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.writeLock.runExclusive(() => this.writer.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.writeLock.runExclusive(() => this.writer.exec(sql));
  }

  /**
   * Runs `fn` inside BEGIN IMMEDIATE … COMMIT on the writer. Any throw rolls back; COMMIT is never
   * issued unconditionally. Reads inside `fn` must use `tx` to see their own uncommitted writes.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.writeLock.runExclusive(async () => {
      await this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.writer);
        await this.writer.exec('COMMIT');
        return result;
      } catch (err) {
        await this.writer.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    await this.writeLock.runExclusive(async () => {
      await this.reader.close();
      await this.writer.exec('PRAGMA optimize').catch(() => undefined);
      await this.writer.close();
    });
  }
}

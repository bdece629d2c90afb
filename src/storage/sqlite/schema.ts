/**
 * The SQLite schema and every statement SqliteStorage runs, prepared once at open.
 *
 *   log   one row per write, rev = the global revision (never reused: see openDatabase)
 *         rev | key | type (create/update/delete) | value (NULL for delete) | prev_rev
 *   kv    the current state: key -> create_rev, mod_rev, value (what get and latest list read)
 *   meta  name -> integer: 'schema' (format version), 'compacted' (compacted revision)
 *
 * An older state is rebuilt from log: the value of key at revision N is its latest log row with
 * rev <= N, absent when that row is a delete. prev_rev points at the row a write replaced, so a
 * MODIFIED or DELETED event can carry the previous object without storing it twice.
 */
import Database from 'better-sqlite3';

export type Synchronous = 'FULL' | 'NORMAL';
export type LogType = 'create' | 'update' | 'delete';

export interface KvRow { key: string; mod_rev: number; value: string }
export interface LogRow { rev: number; key: string; type: LogType; value: string | null; prev: string | null }
export interface ValueRow { key: string; value: string }

const schemaVersion = 1;

const ddl = `
CREATE TABLE IF NOT EXISTS log (
  rev      INTEGER PRIMARY KEY,
  key      TEXT    NOT NULL,
  type     TEXT    NOT NULL,
  value    TEXT,
  prev_rev INTEGER
);
CREATE INDEX IF NOT EXISTS log_key_rev ON log (key, rev);
CREATE TABLE IF NOT EXISTS kv (
  key        TEXT    PRIMARY KEY,
  create_rev INTEGER NOT NULL,
  mod_rev    INTEGER NOT NULL,
  value      TEXT    NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', ${schemaVersion}), ('compacted', 0);
`;

/**
 * Opens (creating if needed) the database at path and takes it for this process alone: the
 * revision counter and the watch fan-out live in this process's memory, so another writer's
 * changes would go unseen by its watchers. EXCLUSIVE locking holds the lock from the first write
 * (the DDL) until close, and, set before WAL, keeps the WAL index in heap memory (no -shm file).
 * busy_timeout is then how long open waits for a previous owner to exit before failing.
 */
export function openDatabase(path: string, synchronous: Synchronous): Database.Database {
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 2000');
    db.pragma('locking_mode = EXCLUSIVE');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && path !== ':memory:') throw new Error(`${path}: cannot use WAL mode (got ${String(mode)})`);
    db.pragma(`synchronous = ${synchronous}`);
    // Without a limit the WAL file keeps its high-water size after each checkpoint.
    db.pragma('journal_size_limit = 67108864');
    // One transaction, so a fresh database costs one commit (one fsync) instead of one per statement.
    db.transaction(() => db.exec(ddl))();
    const v = db.prepare<[], { value: number }>(`SELECT value FROM meta WHERE name = 'schema'`).get();
    if (v?.value !== schemaVersion) throw new Error(`${path}: unsupported schema version ${v?.value}`);
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new Error(`${path} is in use by another process`, { cause: e });
    throw e;
  }
  return db;
}

/** Live state at revision @rev in [@start, @end): each key's latest row at or below it, unless deleted. */
const stateAtSql = `
  FROM log l WHERE l.key >= @start AND l.key < @end AND l.rev <= @rev AND l.type <> 'delete'
  AND NOT EXISTS (SELECT 1 FROM log n WHERE n.key = l.key AND n.rev > l.rev AND n.rev <= @rev)`;

/** better-sqlite3 binds numbered parameters (?1) only positionally, so repeated ones are named. */
export interface RangeAt { start: string; end: string; rev: number }
export interface Window { from: number; to: number }

export function prepareStatements(db: Database.Database) {
  return {
    getKv: db.prepare<[string], KvRow>('SELECT key, mod_rev, value FROM kv WHERE key = ?'),
    insertKv: db.prepare<[string, number, number, string]>(
      'INSERT INTO kv (key, create_rev, mod_rev, value) VALUES (?, ?, ?, ?)'),
    updateKv: db.prepare<[number, string, string]>('UPDATE kv SET mod_rev = ?, value = ? WHERE key = ?'),
    deleteKv: db.prepare<[string]>('DELETE FROM kv WHERE key = ?'),
    insertLog: db.prepare<[number, string, LogType, string | null, number | null]>(
      'INSERT INTO log (rev, key, type, value, prev_rev) VALUES (?, ?, ?, ?, ?)'),

    /** [start, end) from the current state, in key order. */
    listLatest: db.prepare<[string, string], ValueRow>(
      'SELECT key, value FROM kv WHERE key >= ? AND key < ? ORDER BY key'),
    countLatest: db.prepare<[string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM kv WHERE key >= ? AND key < ?'),
    listAt: db.prepare<RangeAt, ValueRow>(`SELECT l.key, l.value ${stateAtSql} ORDER BY l.key`),
    countAt: db.prepare<RangeAt, { n: number }>(`SELECT COUNT(*) AS n ${stateAtSql}`),

    /**
     * Up to `limit` writes after revision `after` in [start, end), with the value each replaced.
     * The unary + keeps SQLite off the key index: catching up reads the recent tail of the log, so
     * walking rev order from `after` beats collecting a whole prefix's history and sorting it.
     */
    readLog: db.prepare<[after: number, start: string, end: string, limit: number], LogRow>(`
      SELECT l.rev, l.key, l.type, l.value, p.value AS prev FROM log l LEFT JOIN log p ON p.rev = l.prev_rev
      WHERE l.rev > ? AND +l.key >= ? AND +l.key < ? ORDER BY l.rev LIMIT ?`),
    maxRev: db.prepare<[], { rev: number | null }>('SELECT MAX(rev) AS rev FROM log'),
    getCompacted: db.prepare<[], { value: number }>(`SELECT value FROM meta WHERE name = 'compacted'`),
    setCompacted: db.prepare<[number]>(`UPDATE meta SET value = ? WHERE name = 'compacted'`),

    /**
     * Compaction of the window (@from, @to], assuming everything up to ?1 is already compacted: drop
     * rows superseded by a key's latest write in the window, then deletes in the window (nothing
     * needs a tombstone: absence already means deleted, and a create has no previous value).
     */
    compactSuperseded: db.prepare<Window>(`
      DELETE FROM log WHERE rev IN (
        SELECT l.rev FROM (SELECT key, MAX(rev) AS m FROM log WHERE rev > @from AND rev <= @to GROUP BY key) w
        JOIN log l ON l.key = w.key AND l.rev < w.m)`),
    compactDeletes: db.prepare<Window>(`DELETE FROM log WHERE rev > @from AND rev <= @to AND type = 'delete'`),
    ping: db.prepare<[], { ok: number }>('SELECT 1 AS ok'),
    /** A group commit's transaction, prepared like the rest: exec() would parse the SQL each time. */
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

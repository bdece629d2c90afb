/**
 * SQLite storages in temp dirs for registry tests, closed and removed when the test file ends.
 * Call from a test file's top level (it registers an after() hook there).
 */
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage, type SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';

export function tempStorages(prefix: string) {
  const dirs: string[] = [];
  const opened: SqliteStorage[] = [];
  after(async () => {
    for (const s of opened) await s.close().catch(() => {});
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const freshDir = () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  /** Opens (or reopens, given a dir) a storage that is closed after the file's tests. */
  const open = async (dir = freshDir()): Promise<SqliteStorage> => {
    const s = await openSqliteStorage({ path: join(dir, 'kubets.db') });
    opened.push(s);
    return s;
  };
  return { freshDir, open };
}

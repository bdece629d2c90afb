/**
 * Writes a file so that readers (and the next start after a crash) see either the old content or
 * the whole new content, never a torn write: temp file in the same directory, fsync, rename,
 * fsync the directory. Used for keys, certificates and kubeconfigs.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Replaces path with data, with exactly mode (chmod after create: umask may have cleared bits). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode: number): Promise<void> {
  const dir = dirname(path);
  // Hidden and unique, so concurrent writers and directory listings never see it as the real file.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', mode);
  try {
    await fh.chmod(mode);
    await fh.writeFile(data);
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => {}); // already closed when rename failed
    await rm(tmp, { force: true });
    throw e;
  }
  await syncDirectory(dir);
}

/** Makes the rename durable; some file systems refuse fsync on a directory, which is harmless. */
async function syncDirectory(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try { await fh.sync(); } catch { /* EINVAL/EPERM on some file systems */ } finally { await fh.close(); }
}

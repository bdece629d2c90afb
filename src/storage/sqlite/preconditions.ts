/**
 * Checks shared by every write path: preconditions and resourceVersion parsing. Nothing here is
 * SQLite-specific; an etcd backend can use it as it is.
 */
import type { KubeObject } from '../../apis/meta/types.js';
import { StorageError, type Preconditions } from '../storage.js';

/** Throws Conflict with upstream's texts (storage.Preconditions.Check) when pre does not hold. */
export function checkPreconditions(key: string, pre: Preconditions | undefined, current: KubeObject): void {
  if (!pre) return;
  const meta = current.metadata ?? {};
  if (pre.uid && pre.uid !== meta.uid) {
    throw new StorageError('Conflict', key, undefined,
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${meta.uid ?? ''}`);
  }
  if (pre.resourceVersion && pre.resourceVersion !== meta.resourceVersion) {
    throw new StorageError('Conflict', key, undefined,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ` +
      `ResourceVersion in object meta: ${meta.resourceVersion ?? ''}`);
  }
}

/**
 * A resourceVersion as a revision; '' and undefined are 0 ("none given"). Anything but a decimal
 * integer throws InvalidObj, which the registry answers with 400.
 */
export function parseRevision(rv: string | undefined, key: string): number {
  if (rv === undefined || rv === '') return 0;
  const n = /^[0-9]{1,16}$/.test(rv) ? Number(rv) : NaN;
  if (!Number.isSafeInteger(n)) {
    throw new StorageError('InvalidObj', key, undefined, `invalid resource version: ${JSON.stringify(rv)}`);
  }
  return n;
}

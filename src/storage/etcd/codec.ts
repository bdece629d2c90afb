/**
 * How objects and keys look in etcd. Objects are JSON without metadata.resourceVersion: as
 * upstream, the version is the key's ModRevision and is set on every read, never stored. Storage
 * keys are absolute ('/registry/pods/ns/x'); --etcd-prefix replaces their '/registry' head, so
 * the default prefix uses them as they are. Replacing a common head keeps byte order, so a key
 * range maps to a key range and continue tokens can stay relative to the listed prefix.
 */
import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../apis/meta/types.js';
import { keyRange } from '../keys.js';
import { StorageError } from '../storage.js';
import type { Kv } from './proto.js';

/** A half-open etcd key range; startKey is the string form continue tokens are relative to. */
export interface EtcdRange {
  start: Buffer;
  end: Buffer;
  startKey: string;
}

const registry = '/registry';

export class Keyspace {
  constructor(readonly prefix: string) {}

  /** The etcd key (as a string) of a storage key. */
  keyString(key: string): string {
    return key === registry || key.startsWith(`${registry}/`) ? this.prefix + key.slice(registry.length) : this.prefix + key;
  }

  key(key: string): Buffer {
    return Buffer.from(this.keyString(key));
  }

  /** The etcd range for a list, watch or count: one key when exactKey, else everything under prefix. */
  range(prefix: string, exactKey?: boolean): EtcdRange {
    const r = keyRange(prefix, exactKey);
    const startKey = this.keyString(r.start);
    return { start: Buffer.from(startKey), end: Buffer.from(this.keyString(r.end)), startKey };
  }
}

/** The stored bytes of obj: resourceVersion is dropped (it is the revision). Never mutates obj. */
export function encodeObject(obj: KubeObject): Buffer {
  const { resourceVersion: _, ...metadata } = obj.metadata ?? {};
  try {
    return Buffer.from(JSON.stringify({ ...obj, metadata }));
  } catch (e) {
    // JSON.stringify recurses: a value nested thousands deep (legal JSON) overflows the stack.
    if (e instanceof RangeError) throw new StorageError('InvalidObj', obj.metadata?.name ?? '', undefined, `the object cannot be stored: ${e.message}`);
    throw e;
  }
}

/** A fresh object from kv, with resourceVersion = rv (default: the kv's ModRevision). */
export function decodeKv(kv: Kv, rv: number = kv.mod_revision): KubeObject {
  let obj: KubeObject;
  try {
    obj = JSON.parse(kv.value.toString('utf8')) as KubeObject;
  } catch (e) {
    throw new StorageError('InvalidObj', kv.key.toString('utf8'), kv.mod_revision, `cannot decode the stored object: ${(e as Error).message}`);
  }
  obj.metadata = { ...obj.metadata, resourceVersion: String(rv) };
  return obj;
}

/** True when value holds the same object as stored (byte-equal, or equal once parsed). */
export function sameObject(value: Buffer, stored: Buffer): boolean {
  if (value.equals(stored)) return true;
  try {
    return isDeepStrictEqual(JSON.parse(value.toString('utf8')), JSON.parse(stored.toString('utf8')));
  } catch {
    return false;
  }
}

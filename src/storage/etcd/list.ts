/**
 * One page of a list: ranges over [from, end) at one revision, in key order (etcd's order), until
 * `limit` objects pass the predicate or the range ends. Items failing the predicate do not count
 * towards limit, so with a predicate the reads go on in growing batches, as upstream's etcd3
 * GetList does, all pinned to the first read's revision so the page is one consistent snapshot.
 */
import type { KubeObject } from '../../apis/meta/types.js';
import { decodeKv, type EtcdRange } from './codec.js';
import type { RangeRequest, RangeResponse } from './proto.js';

export interface Page {
  items: KubeObject[];
  /** The revision the page was read at: rev, or the current revision when rev was 0. */
  revision: number;
  /** Set when more keys follow: the last key read, for the continue token. */
  lastKey?: string;
  /** Set when more keys follow and there is no predicate: how many. */
  remainingItemCount?: number;
}

/** Upstream's cap on a growing batch (etcd3 store's maxLimit). */
const maxBatch = 10_000;

export async function readPage(
  range: (req: RangeRequest) => Promise<RangeResponse>,
  r: EtcdRange, from: Buffer, rev: number, limit: number, predicate?: (obj: KubeObject) => boolean,
): Promise<Page> {
  const items: KubeObject[] = [];
  let revision = rev;
  let start = from;
  let batch = Number.isFinite(limit) ? limit : 0;
  let lastKey: Buffer | undefined;
  for (;;) {
    const resp = await range({ key: start, range_end: r.end, revision, limit: batch });
    if (revision <= 0) revision = resp.header.revision;
    const kvs = resp.kvs;
    for (const kv of kvs) {
      if (items.length >= limit) return { items, revision, lastKey: lastKey!.toString('utf8') };
      lastKey = kv.key;
      const obj = decodeKv(kv);
      if (!predicate || predicate(obj)) items.push(obj);
    }
    if (!resp.more || lastKey === undefined) return { items, revision };
    if (items.length >= limit) {
      const page: Page = { items, revision, lastKey: lastKey.toString('utf8') };
      if (!predicate) page.remainingItemCount = resp.count - kvs.length;
      return page;
    }
    start = Buffer.concat([lastKey, Buffer.from([0])]);
    batch = Math.min(batch * 2, maxBatch);
  }
}

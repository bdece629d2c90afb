/**
 * A range allocator whose state lives in storage (upstream's RangeAllocation objects under
 * /registry/ranges/), changed only by compare-and-swap through guaranteedUpdate. So several API
 * servers over one store never hand out the same ClusterIP or NodePort twice.
 */
import type { KubeObject } from '../apis/meta/types.js';
import type { Storage } from '../storage/storage.js';

export type AllocateResult = { ok: true; offset: number } | { ok: false; reason: 'taken' | 'full' };

export class RangeAllocator {
  constructor(
    private readonly storage: Storage,
    private readonly key: string,
    /** Identifies the range; a changed range starts a fresh bitmap, as upstream repairs do. */
    private readonly rangeName: string,
    readonly size: number,
  ) {}

  private decode(obj: KubeObject | null): Uint8Array {
    const bits = new Uint8Array(Math.ceil(this.size / 8));
    if (obj && obj.range === this.rangeName && typeof obj.data === 'string') {
      const stored = Buffer.from(obj.data, 'base64');
      bits.set(stored.subarray(0, bits.length));
    }
    return bits;
  }

  private encode(current: KubeObject | null, bits: Uint8Array): KubeObject {
    return { apiVersion: 'v1', kind: 'RangeAllocation', metadata: { ...(current?.metadata ?? {}), name: this.key.split('/').pop() }, range: this.rangeName, data: Buffer.from(bits).toString('base64') };
  }

  /** Takes `offset` if given (it must be free), else a free offset starting at a random place. */
  async allocate(offset?: number): Promise<AllocateResult> {
    let result: AllocateResult = { ok: false, reason: 'full' };
    await this.storage.guaranteedUpdate(this.key, undefined, (current) => {
      const bits = this.decode(current);
      const isSet = (i: number) => (bits[i >> 3] & (1 << (i & 7))) !== 0;
      let chosen = -1;
      if (offset !== undefined) {
        if (offset < 0 || offset >= this.size || !Number.isInteger(offset)) { result = { ok: false, reason: 'taken' }; return current ?? this.encode(null, bits); }
        if (isSet(offset)) { result = { ok: false, reason: 'taken' }; return current ?? this.encode(null, bits); }
        chosen = offset;
      } else {
        const start = Math.floor(Math.random() * this.size);
        for (let i = 0; i < this.size; i++) {
          const o = (start + i) % this.size;
          if (!isSet(o)) { chosen = o; break; }
        }
        if (chosen < 0) { result = { ok: false, reason: 'full' }; return current ?? this.encode(null, bits); }
      }
      bits[chosen >> 3] |= 1 << (chosen & 7);
      result = { ok: true, offset: chosen };
      return this.encode(current, bits);
    }, true);
    return result;
  }

  async release(offset: number): Promise<void> {
    if (offset < 0 || offset >= this.size) return;
    await this.storage.guaranteedUpdate(this.key, undefined, (current) => {
      const bits = this.decode(current);
      bits[offset >> 3] &= ~(1 << (offset & 7));
      return this.encode(current, bits);
    }, true);
  }
}

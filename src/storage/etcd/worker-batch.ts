/**
 * The batches the etcd client and its worker thread exchange (rpc.ts, etcd-rpc-worker.ts): many
 * entries of a few numbers and one byte string each, packed into two typed arrays so that one
 * postMessage moves a whole batch by transferring two buffers. Posting every call's bytes as an
 * array buffer of its own cost the main thread more than encoding them did.
 */

export interface Batch {
  /** Per entry: its `width` numbers, then its byte length. */
  meta: Float64Array;
  /** Every entry's bytes, one after the other. */
  bytes: Uint8Array;
}

export class BatchBuilder {
  private nums: number[] = [];
  private parts: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly width: number) {}

  get length(): number {
    return this.parts.length;
  }

  add(nums: number[], bytes: Uint8Array): void {
    if (nums.length !== this.width) throw new Error(`batch entry: ${nums.length} numbers, want ${this.width}`);
    this.nums.push(...nums, bytes.byteLength);
    this.parts.push(bytes);
    this.size += bytes.byteLength;
  }

  /** The batch so far (the builder starts empty again), and the buffers to transfer with it. */
  take(): { batch: Batch; transfer: ArrayBuffer[] } {
    const bytes = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      bytes.set(p, at);
      at += p.byteLength;
    }
    const meta = Float64Array.from(this.nums);
    this.nums = [];
    this.parts = [];
    this.size = 0;
    return { batch: { meta, bytes }, transfer: [meta.buffer, bytes.buffer] };
  }
}

/** Calls fn with each entry's numbers and a Buffer view of its bytes (sharing the batch's memory). */
export function forEachEntry(batch: Batch, width: number, fn: (nums: Float64Array, bytes: Buffer) => void): void {
  const { meta, bytes } = batch;
  let at = 0;
  for (let i = 0; i < meta.length; i += width + 1) {
    const len = meta[i + width];
    fn(meta.subarray(i, i + width), Buffer.from(bytes.buffer, bytes.byteOffset + at, len));
    at += len;
  }
}

/**
 * The etcd client's worker thread: makes the unary gRPC calls rpc.ts hands it, already encoded,
 * on one grpc-js channel per etcd member, and hands back the encoded answers.
 *
 * Why a thread: a gRPC call costs grpc-js and node:http2 about 200 µs of CPU, as much as all the
 * rest of an API request, and on the main thread it would halve how many requests one server can
 * take. Here it runs beside the main thread, which only encodes, posts and decodes (about 30 µs).
 * The thread decides nothing: which member, the deadline and what an error means are rpc.ts's.
 *
 * Messages are batches, one per turn of either event loop, with their buffers transferred:
 *   in:  { calls: [id, member, path, request bytes, deadline (epoch ms)][] } | { close: true }
 *   out: [id, response bytes] | [id, null, gRPC code, details, message]  (an array of them)
 */
import { parentPort, workerData } from 'node:worker_threads';
import { memberClient, type WorkerCall, type WorkerInit, type WorkerReply } from './grpc-channel.js';

const init = workerData as WorkerInit;
const clients = init.members.map((_, i) => memberClient(init, i));

const asIs = (b: Buffer) => b;
let out: WorkerReply[] = [];
let transfer: ArrayBuffer[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const batch = out;
  const buffers = transfer;
  out = [];
  transfer = [];
  parentPort!.postMessage(batch, buffers);
}

function reply(r: WorkerReply, buffer?: ArrayBuffer): void {
  out.push(r);
  if (buffer) transfer.push(buffer);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

parentPort!.on('message', (msg: { calls: WorkerCall[] } | { close: true }) => {
  if ('close' in msg) {
    for (const c of clients) c.close();
    parentPort!.close();
    return;
  }
  for (const [id, member, path, bytes, deadline] of msg.calls) {
    const req = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    clients[member].makeUnaryRequest(path, asIs, asIs, req, { deadline }, (e, res) => {
      if (e) return reply([id, null, e.code, e.details, e.message]);
      // A fresh copy: the received bytes may be a view into a larger buffer that must not move.
      const copy = new Uint8Array(res!);
      reply([id, copy], copy.buffer);
    });
  }
});

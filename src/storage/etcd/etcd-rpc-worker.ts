/**
 * The etcd client's worker thread: makes the unary gRPC calls rpc.ts hands it, already encoded,
 * on one grpc-js channel per etcd member, and hands back the encoded answers.
 *
 * Why a thread: a gRPC call costs grpc-js and node:http2 about 200 µs of CPU, as much as all the
 * rest of an API request, and on the main thread it would halve how many requests one server can
 * take. Here it runs beside the main thread, which only encodes, posts and decodes (about 30 µs).
 * The thread decides nothing: which member, the deadline and what an error means are rpc.ts's.
 *
 * Messages are batches (worker-batch.ts), one per turn of either event loop:
 *   in:  { paths, batch } with entries [id, member, index into paths, deadline (epoch ms)] and the
 *        encoded request; or { close: true }
 *   out: a batch with entries [id, gRPC status code] and the encoded response (code 0), or the
 *        JSON text of [details, message] (any other code)
 */
import { parentPort, workerData } from 'node:worker_threads';
import { memberClient, type WorkerInit } from './grpc-channel.js';
import { BatchBuilder, forEachEntry, type Batch } from './worker-batch.js';

const init = workerData as WorkerInit;
const clients = init.members.map((_, i) => memberClient(init, i));

const asIs = (b: Buffer) => b;
const replies = new BatchBuilder(2);
let scheduled = false;

function flush(): void {
  scheduled = false;
  const { batch, transfer } = replies.take();
  parentPort!.postMessage(batch, transfer);
}

function reply(id: number, code: number, bytes: Uint8Array): void {
  replies.add([id, code], bytes);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

parentPort!.on('message', (msg: { paths: string[]; batch: Batch } | { close: true }) => {
  if ('close' in msg) {
    for (const c of clients) c.close();
    parentPort!.close();
    return;
  }
  forEachEntry(msg.batch, 4, ([id, member, path, deadline], req) => {
    clients[member].makeUnaryRequest(msg.paths[path], asIs, asIs, req, { deadline }, (e, res) => {
      if (e) reply(id, e.code, Buffer.from(JSON.stringify([e.details, e.message])));
      else reply(id, 0, res!);
    });
  });
});

/**
 * Converts one YAML document to JSON text on a thread with a large stack. The YAML library
 * recurses once per nesting level, so documents nested thousands deep (legal up to goyaml's
 * 10,000) would overflow the main thread's stack; body.ts sends only those here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'yaml';

const { text } = workerData as { text: string };
try {
  const value: unknown = parse(text, { maxAliasCount: 100, uniqueKeys: false });
  parentPort!.postMessage({ json: JSON.stringify(value ?? null) });
} catch (e) {
  parentPort!.postMessage({ message: e instanceof Error ? e.message : String(e), code: (e as { code?: string }).code, linePos: (e as { linePos?: unknown }).linePos });
}

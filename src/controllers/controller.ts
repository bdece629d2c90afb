/**
 * What every in-process controller shares: a client of the API, a stop signal, and a start/stop
 * pair the server calls. Controllers never reach into the server; they only use the HTTP API.
 */
import type { Logger } from '../endpoints/status.js';
import { type ApiClient, ApiClientError } from './api-client.js';

export interface Controller {
  readonly name: string;
  start(): void;
  stop(): Promise<void>;
}

export abstract class BaseController implements Controller {
  abstract readonly name: string;
  protected readonly abort = new AbortController();
  private running: Promise<unknown> | undefined;

  constructor(protected readonly client: ApiClient, protected readonly log: Logger) {}

  /** The controller's loops; they must return once this.abort is aborted. */
  protected abstract run(): Promise<unknown>;

  start(): void {
    this.running = this.run().catch((e) => this.log.error(`${this.name} stopped`, { error: String(e) }));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  /** Create, treating "already exists" as success (another writer got there first). */
  protected async createIgnoringExists(path: string, obj: unknown): Promise<void> {
    try {
      await this.client.request('POST', path, obj, this.abort.signal);
    } catch (e) {
      if (e instanceof ApiClientError && (e.code === 409 || e.code === 403 || e.code === 404)) return; // exists, or the namespace is going away
      throw e;
    }
  }
}

/** Runs fn, logging (not throwing) failures: one bad object must not stop a controller. */
export async function logged(log: Logger, what: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    log.debug(`${what} failed`, { error: String(e) });
  }
}

/**
 * The request pipeline, outermost first. Each stage is a Filter wrapping the next Handler; the
 * order follows upstream's DefaultBuildHandlerChain.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UserInfo } from '../auth/user.js';
import type { RequestInfo } from './request-info.js';

/** A request as the pipeline sees it: the raw request plus what earlier stages learned. */
export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  info: RequestInfo;
  user: UserInfo;
  startedAt: number;
}

export type Handler = (r: ApiRequest) => Promise<void>;
export type Filter = (next: Handler) => Handler;

export function buildChain(api: Handler, stages: Filter[]): Handler {
  return stages.reduceRight((next, wrap) => wrap(next), api);
}

/** Watches (and later exec/attach/log/proxy) are not bounded by the request timeout or in-flight limits. */
export function isLongRunning(info: RequestInfo): boolean {
  return info.isResourceRequest && info.verb === 'watch';
}

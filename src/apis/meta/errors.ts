/**
 * ApiError: the one error type that leaves the registry. Endpoints render it as a meta/v1 Status
 * with upstream's reason, code and message text (clients parse these).
 */
import { GroupResource, qualifiedResource } from './types.js';

export type StatusReason =
  | 'BadRequest' | 'Unauthorized' | 'Forbidden' | 'NotFound' | 'MethodNotAllowed'
  | 'AlreadyExists' | 'Conflict' | 'Gone' | 'Expired' | 'Invalid' | 'TooManyRequests'
  | 'Timeout' | 'ServerTimeout' | 'InternalError' | 'NotAcceptable' | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge' | 'ServiceUnavailable' | '';

export interface StatusCause { reason: string; message: string; field?: string }

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
    /** Optional. ListMeta of the Status (a fresh continue token on an expired one). */
    readonly listMeta?: { continue?: string },
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus(): Status {
    const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: { ...this.listMeta }, status: 'Failure', message: this.message, reason: this.reason, code: this.code };
    if (this.details) s.details = this.details;
    if (this.reason === '') delete s.reason;
    return s;
  }
}

/** One field problem; upstream's field.Error. `type` is the cause reason (FieldValueInvalid, ...). */
export interface FieldError {
  type: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueDuplicate' | 'FieldValueNotSupported' | 'FieldValueNotFound'
    | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTooMany' | 'FieldValueTypeInvalid' | 'InternalError';
  field: string;
  /** Shown in the message as upstream formats it; undefined means "omit the value". */
  badValue?: unknown;
  detail?: string;
}

const typeText: Record<FieldError['type'], string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueNotFound: 'Not found',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueTypeInvalid: 'Invalid value',
  InternalError: 'Internal error',
};

const valueTypes = new Set<FieldError['type']>(['FieldValueInvalid', 'FieldValueDuplicate', 'FieldValueNotSupported', 'FieldValueNotFound', 'FieldValueTypeInvalid']);

function formatValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** field.Error.Error(): `spec.x: Invalid value: "v": detail`. */
export function fieldErrorMessage(e: FieldError, withField = true): string {
  let s = typeText[e.type];
  if (valueTypes.has(e.type) && e.badValue !== undefined) s += `: ${formatValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return withField ? `${e.field}: ${s}` : s;
}

export const fieldRequired = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail });
export const fieldInvalid = (field: string, badValue: unknown, detail = ''): FieldError => ({ type: 'FieldValueInvalid', field, badValue, detail });
export const fieldForbidden = (field: string, detail = ''): FieldError => ({ type: 'FieldValueForbidden', field, detail });
/** field.NotFound: a reference to something that does not exist (`Not found: "vol"`). */
export const fieldNotFound = (field: string, badValue: unknown): FieldError => ({ type: 'FieldValueNotFound', field, badValue });
export const fieldDuplicate = (field: string, badValue: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, badValue });
export const fieldNotSupported = (field: string, badValue: unknown, valid: string[]): FieldError =>
  ({ type: 'FieldValueNotSupported', field, badValue, detail: `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` });
export const fieldTooLong = (field: string, badValue: unknown, max: number): FieldError =>
  ({ type: 'FieldValueTooLong', field, detail: `may not be more than ${max} bytes`, badValue });

// ---- constructors with upstream's texts (k8s.io/apimachinery/pkg/api/errors) ----

export const notFound = (gr: GroupResource, name: string) =>
  new ApiError(404, 'NotFound', `${qualifiedResource(gr)} "${name}" not found`, { name, group: gr.group || undefined, kind: gr.resource });

export const alreadyExists = (gr: GroupResource, name: string) =>
  new ApiError(409, 'AlreadyExists', `${qualifiedResource(gr)} "${name}" already exists`, { name, group: gr.group || undefined, kind: gr.resource });

export const conflict = (gr: GroupResource, name: string, err: string) =>
  new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${err}`, { name, group: gr.group || undefined, kind: gr.resource });

export const optimisticLockMessage = 'the object has been modified; please apply your changes to the latest version and try again';

export const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);

export const methodNotSupported = (gr: GroupResource, verb: string) =>
  new ApiError(405, 'MethodNotAllowed', `${verb} is not supported on resources of kind "${qualifiedResource(gr)}"`, { group: gr.group || undefined, kind: gr.resource });

export const gone = (message: string) => new ApiError(410, 'Expired', message);

export const resourceExpired = (message: string) => new ApiError(410, 'Expired', message);

export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new ApiError(429, 'TooManyRequests', message, { retryAfterSeconds });

export const internalError = (err: unknown) =>
  new ApiError(500, 'InternalError', `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`, { causes: [{ reason: 'UnexpectedServerError', message: err instanceof Error ? err.message : String(err) }] });

/** upstream: NewUnsupportedMediaTypeError; `accepted` lists what this endpoint decodes. */
export const unsupportedMediaType = (accepted: string[]) =>
  new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);

export const forbidden = (gr: GroupResource, name: string, reason: string) =>
  new ApiError(403, 'Forbidden', `${qualifiedResource(gr)}${name ? ` "${name}"` : ''} is forbidden: ${reason}`, { name: name || undefined, group: gr.group || undefined, kind: gr.resource });

/** `Kind.group "name" is invalid: field: Invalid value: ...`, one cause per field error. */
export function invalid(kind: string, group: string, name: string, errs: FieldError[]): ApiError {
  const qualifiedKind = group === '' ? kind : `${kind}.${group}`;
  const causes = errs.map((e) => ({ reason: e.type, message: fieldErrorMessage(e, false), field: e.field }));
  const texts = errs.map((e) => fieldErrorMessage(e));
  const body = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return new ApiError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${body}`, { name, group: group || undefined, kind, causes });
}

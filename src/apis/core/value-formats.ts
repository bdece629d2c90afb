/**
 * Value checks core/v1 validation shares (apimachinery pkg/util/validation and helpers in
 * pkg/apis/core/validation): port numbers and IANA service names, environment variable names,
 * IP addresses, file modes and relative paths. Each returns upstream's message texts; an empty
 * list means valid.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { type FieldError, fieldInvalid } from '../meta/errors.js';

export const inclusiveRangeError = (lo: number, hi: number) => `must be between ${lo} and ${hi}, inclusive`;

/** IsValidPortNum: 1..65535. */
export function isValidPortNum(port: unknown): string[] {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** IsValidPortName: an IANA_SVC_NAME (RFC 6335), as port names and named target ports are. */
export function isValidPortName(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/**
 * IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is on by default in 1.32): any
 * printable ASCII character but '='.
 */
export function isRelaxedEnvVarName(name: string): string[] {
  const errs: string[] = [];
  if (name.length === 0) errs.push('environment variable name must be non-empty');
  if ([...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) > 0x7e || ch === '=')) {
    errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
  }
  return errs;
}

/** IsValidIP (1.32 wording); accepts what Go's net.ParseIP accepts, minus zones. */
export function isValidIP(ip: string): string[] {
  return isIPv4(ip) || isIPv6(ip) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

export const fileModeErrorMsg = 'must be a number between 0 and 0777 (octal), both inclusive';

/** A file mode field (defaultMode, items[*].mode): 0..0777 when set. */
export function validateFileMode(mode: unknown, field: string): FieldError[] {
  if (mode === undefined || mode === null) return [];
  return typeof mode === 'number' && mode >= 0 && mode <= 0o777 ? [] : [fieldInvalid(field, mode, fileModeErrorMsg)];
}

/** validatePathNoBacksteps: no `..` segment. */
export function validateNoBacksteps(path: string, field: string): FieldError[] {
  return path.split('/').includes('..') ? [fieldInvalid(field, path, "must not contain '..'")] : [];
}

/** validateLocalDescendingPath: relative, and never climbing out of its root. */
export function validateLocalDescendingPath(path: string, field: string): FieldError[] {
  const errs = path.startsWith('/') ? [fieldInvalid(field, path, 'must be a relative path')] : [];
  return [...errs, ...validateNoBacksteps(path, field)];
}

/** validateLocalNonReservedPath: as above, and not starting with `..` (the atomic writer's names). */
export function validateLocalNonReservedPath(path: string, field: string): FieldError[] {
  const errs = validateLocalDescendingPath(path, field);
  if (path.startsWith('..')) errs.push(fieldInvalid(field, path, "must not start with '..'"));
  return errs;
}

/** ValidateNonnegativeField. */
export function validateNonnegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [fieldInvalid(field, value, 'must be greater than or equal to 0')] : [];
}

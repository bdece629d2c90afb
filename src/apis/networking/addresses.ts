/**
 * Ports, IPs and CIDRs as apimachinery's util/validation checks them (IsValidPortNum,
 * IsValidPortName, IsValidIP, IsValidCIDR), with upstream's texts. Used by networking and by
 * discovery (EndpointSlice addresses and ports).
 */
import { isIP } from 'node:net';

export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** An IANA service name: at most 15 characters, lower-case letters, digits and single inner hyphens, one letter at least. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(port) > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  else if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** 4 or 6 for an IP address Go's parser accepts, 0 otherwise (ParseIPSloppy also takes leading zeros). */
export function ipFamily(s: string): 0 | 4 | 6 {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return s.split('.').every((o) => Number(o) <= 255) ? 4 : 0;
  return isIP(s) === 6 ? 6 : 0;
}

export const validIPMessage = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
export const validCIDRMessage = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

export interface Cidr { family: 4 | 6; bits: bigint; prefix: number }

/** A parsed CIDR (network bits masked), or null when it is not one. */
export function parseCIDR(s: string): Cidr | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const family = ipFamily(s.slice(0, slash));
  const prefixText = s.slice(slash + 1);
  if (family === 0 || !/^\d+$/.test(prefixText)) return null;
  const width = family === 4 ? 32 : 128;
  const prefix = Number(prefixText);
  if (prefix > width) return null;
  const bits = ipBits(s.slice(0, slash), family);
  const hostBits = BigInt(width - prefix);
  return { family, bits: (bits >> hostBits) << hostBits, prefix };
}

function ipBits(ip: string, family: 4 | 6): bigint {
  if (family === 4) return ip.split('.').reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
  // Expand "::" and an embedded IPv4 tail, then read eight 16-bit groups.
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipBits(v4[1], 4);
    text = `${text.slice(0, -v4[1].length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g || '0', 16)), 0n);
}

/** Is `inner` a strictly smaller network inside `outer`? */
export function isStrictSubset(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix <= outer.prefix) return false;
  const hostBits = BigInt((outer.family === 4 ? 32 : 128) - outer.prefix);
  return (inner.bits >> hostBits) === (outer.bits >> hostBits);
}

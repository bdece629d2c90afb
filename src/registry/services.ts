/**
 * Service ClusterIP and NodePort allocation around the Store's writes (upstream's
 * registry/core/service/storage alloc.go): allocate after validation, release when the write
 * fails or the Service goes. Messages follow upstream so kubectl users see familiar errors.
 */
import { ApiError, type FieldError, fieldInvalid, invalid } from '../apis/meta/errors.js';
import type { KubeObject } from '../apis/meta/types.js';
import { goStrings, goValueError } from '../apis/meta/validation.js';
import type { Storage } from '../storage/storage.js';
import { RangeAllocator } from './allocator.js';
import type { StoreHooks } from './store.js';

interface ServicePort { port?: number; nodePort?: number; name?: string; protocol?: string; targetPort?: number | string }
interface ServiceSpec { type?: string; clusterIP?: string; clusterIPs?: string[]; ports?: ServicePort[]; ipFamilies?: string[]; ipFamilyPolicy?: string }

export interface Cidr { base: number; bits: number; text: string }

export function parseCidr(text: string): Cidr {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`invalid CIDR address: ${text}`);
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 30 || bits < 8) throw new Error(`invalid IPv4 service CIDR (prefix /8 to /30): ${text}`);
  const ip = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return { base: (ip & mask) >>> 0, bits, text };
}

export function ipToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function ipToNumber(s: string): number | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (!m) return null;
  const o = m.slice(1).map(Number);
  if (o.some((x) => x > 255)) return null;
  return ((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3];
}

export function parsePortRange(text: string): { base: number; size: number; text: string } {
  const m = /^(\d+)-(\d+)$/.exec(text.trim());
  if (!m || Number(m[1]) > Number(m[2]) || Number(m[2]) > 65535 || Number(m[1]) < 1) throw new Error(`invalid port range: ${text}`);
  return { base: Number(m[1]), size: Number(m[2]) - Number(m[1]) + 1, text };
}

export class ServiceAllocators {
  readonly ips: RangeAllocator;
  readonly ports: RangeAllocator;
  // IPv4: the network address is never handed out, nor the broadcast address.
  private readonly ipBase: number;

  constructor(storage: Storage, readonly cidr: Cidr, readonly portRange: { base: number; size: number; text: string }) {
    this.ipBase = cidr.base + 1;
    this.ips = new RangeAllocator(storage, '/registry/ranges/serviceips', cidr.text, 2 ** (32 - cidr.bits) - 2);
    this.ports = new RangeAllocator(storage, '/registry/ranges/servicenodeports', portRange.text, portRange.size);
  }

  /** The first service IP: the `kubernetes` Service's address, as upstream. */
  firstIP(): string {
    return ipToString(this.ipBase);
  }

  ipOffset(ip: string): number {
    const n = ipToNumber(ip);
    return n === null ? -1 : n - this.ipBase;
  }

  async allocateIP(requested: string | undefined, errs: FieldError[]): Promise<string | null> {
    const r = await this.ips.allocate(requested === undefined ? undefined : this.ipOffset(requested));
    if (r.ok) return ipToString(this.ipBase + r.offset);
    if (requested !== undefined) errs.push(goValueError('FieldValueInvalid', 'spec.clusterIPs', goStrings([requested]), `failed to allocate IP ${requested}: provided IP is already allocated`));
    else throw new ApiError(500, 'InternalError', 'Internal error occurred: failed to allocate a serviceIP: range is full');
    return null;
  }

  hooks(): StoreHooks {
    const releaseAll = async (svc: KubeObject) => {
      const spec = (svc.spec ?? {}) as ServiceSpec;
      for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) {
        if (ip && ip !== 'None') await this.ips.release(this.ipOffset(ip));
      }
      for (const p of spec.ports ?? []) if (p.nodePort) await this.ports.release(p.nodePort - this.portRange.base);
    };

    return {
      beforeCreate: async (svc) => {
        const spec = (svc.spec ??= {}) as ServiceSpec;
        spec.type ??= 'ClusterIP';
        const errs: FieldError[] = [];
        const undo: Array<() => Promise<void>> = [];
        try {
          if (spec.type !== 'ExternalName') {
            const requested = spec.clusterIP || spec.clusterIPs?.[0];
            if (requested === 'None') {
              spec.clusterIP = 'None';
              spec.clusterIPs = ['None'];
            } else {
              if (requested !== undefined && requested !== '') {
                const off = this.ipOffset(requested);
                if (off < 0 || off >= this.ips.size) {
                  errs.push(goValueError('FieldValueInvalid', 'spec.clusterIPs', goStrings([requested]), `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${this.cidr.text}`));
                }
              }
              if (errs.length === 0) {
                const ip = await this.allocateIP(requested || undefined, errs);
                if (ip) {
                  undo.push(() => this.ips.release(this.ipOffset(ip)));
                  spec.clusterIP = ip;
                  spec.clusterIPs = [ip];
                }
              }
            }
            spec.ipFamilies ??= ['IPv4'];
            // initIPFamilyFields: a headless Service without a selector asks for every family the
            // cluster has (RequireDualStack); on this single-stack cluster that is still IPv4 only.
            const selectorless = !svc.spec || Object.keys((svc.spec as { selector?: object }).selector ?? {}).length === 0;
            spec.ipFamilyPolicy ??= spec.clusterIP === 'None' && selectorless ? 'RequireDualStack' : 'SingleStack';
          }
          if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
            await this.allocatePorts(spec.ports ?? [], new Set(), errs, undo);
          }
          if (errs.length > 0) throw invalid('Service', '', svc.metadata.name ?? '', errs);
        } catch (e) {
          for (const u of undo) await u();
          throw e;
        }
        return async () => { for (const u of undo) await u(); };
      },

      beforeUpdate: async (svc, old) => {
        const spec = (svc.spec ??= {}) as ServiceSpec;
        const oldSpec = (old.spec ?? {}) as ServiceSpec;
        spec.type ??= 'ClusterIP';
        // patchAllocatedValues: a body without the allocated values keeps them.
        if (!spec.clusterIP && oldSpec.clusterIP && spec.type !== 'ExternalName') spec.clusterIP = oldSpec.clusterIP;
        if (!spec.clusterIPs?.length && oldSpec.clusterIPs && spec.type !== 'ExternalName') spec.clusterIPs = oldSpec.clusterIPs;
        if ((spec.clusterIP ?? '') !== (oldSpec.clusterIP ?? '') && oldSpec.clusterIP && spec.type !== 'ExternalName') {
          throw invalid('Service', '', svc.metadata.name ?? '', [goValueError('FieldValueInvalid', 'spec.clusterIPs[0]', goStrings(spec.clusterIPs ?? [spec.clusterIP ?? '']), 'may not change once set')]);
        }
        const oldPorts = new Map((oldSpec.ports ?? []).filter((p) => p.nodePort).map((p) => [`${p.protocol ?? 'TCP'}/${p.port}`, p.nodePort!]));
        const errs: FieldError[] = [];
        const undo: Array<() => Promise<void>> = [];
        const wantsNodePorts = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
        const kept = new Set<number>();
        if (wantsNodePorts) {
          for (const p of spec.ports ?? []) {
            const prev = oldPorts.get(`${p.protocol ?? 'TCP'}/${p.port}`);
            if (!p.nodePort && prev) p.nodePort = prev;
            if (p.nodePort && [...oldPorts.values()].includes(p.nodePort)) kept.add(p.nodePort);
          }
          await this.allocatePorts(spec.ports ?? [], kept, errs, undo);
        } else {
          for (const p of spec.ports ?? []) delete p.nodePort;
        }
        if (errs.length > 0) {
          for (const u of undo) await u();
          throw invalid('Service', '', svc.metadata.name ?? '', errs);
        }
        // Ports no longer used are released once the write succeeds (best effort on failure).
        for (const port of oldPorts.values()) if (!kept.has(port)) await this.ports.release(port - this.portRange.base);
        return async () => { for (const u of undo) await u(); };
      },

      afterDelete: releaseAll,
    };
  }

  private async allocatePorts(ports: ServicePort[], alreadyOwned: Set<number>, errs: FieldError[], undo: Array<() => Promise<void>>) {
    for (const [i, p] of ports.entries()) {
      if (p.nodePort && alreadyOwned.has(p.nodePort)) continue;
      const field = `spec.ports[${i}].nodePort`;
      if (p.nodePort) {
        const off = p.nodePort - this.portRange.base;
        if (off < 0 || off >= this.portRange.size) {
          errs.push(fieldInvalid(field, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${this.portRange.text}`));
          continue;
        }
        const r = await this.ports.allocate(off);
        if (!r.ok) { errs.push(fieldInvalid(field, p.nodePort, 'provided port is already allocated')); continue; }
        undo.push(() => this.ports.release(off));
      } else {
        const r = await this.ports.allocate();
        if (!r.ok) throw new ApiError(500, 'InternalError', 'Internal error occurred: failed to allocate a nodePort: range is full');
        p.nodePort = this.portRange.base + r.offset;
        const off = r.offset;
        undo.push(() => this.ports.release(off));
      }
    }
  }
}

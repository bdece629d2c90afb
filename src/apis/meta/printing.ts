/**
 * What a server-side printer is (the columns of a meta.k8s.io Table and the cells of one row) and
 * the small formatting rules every group's printers share: ages, label maps and selectors,
 * container lists, "<none>" placeholders. Formats follow pkg/printers/internalversion upstream,
 * since kubectl shows these strings to users as they are.
 */
import { formatLabelSelector, type LabelSelectorObject } from './labels.js';
import type { KubeObject } from './types.js';

export interface TableColumn {
  name: string;
  /** OpenAPI type of the cells: string, integer, number, boolean or date. */
  type: string;
  /** '' or a hint such as 'name' (the column kubectl uses for -o name-like output). */
  format: string;
  description: string;
  /** 0: always shown; 1: shown by kubectl only with -o wide. */
  priority: number;
}

/**
 * One resource's printer. columns is resolved once at startup; cells runs per row and must not
 * mutate obj. The server always computes the wide cells too (upstream prints with Wide: true) and
 * kubectl hides priority-1 columns unless asked for -o wide.
 */
export interface Printer {
  columns: TableColumn[];
  cells(obj: KubeObject, now: number): unknown[];
  /** Optional. Row conditions (pods mark Succeeded/Failed rows as Completed). */
  conditions?(obj: KubeObject): unknown[] | undefined;
  /** Optional. Lists print in this order instead of storage order (flowschemas by precedence). */
  compare?(a: KubeObject, b: KubeObject): number;
}

/** Loose access into an object's fields: printers read whatever is there and never throw. */
export type Loose = any;

export const col = (name: string, type: string, description: string, priority = 0, format = ''): TableColumn => ({ name, type, format, description, priority });

export const nameColumn = col('Name', 'string', 'The object\'s name, unique among objects of its kind in its namespace (or in the cluster for cluster-scoped kinds).', 0, 'name');
export const ageColumn = col('Age', 'string', 'How long ago the object was created, from metadata.creationTimestamp.');
export const containersColumn = (priority: number) => col('Containers', 'string', 'The names of the containers in the pod template.', priority);
export const imagesColumn = (priority: number) => col('Images', 'string', 'The images the pod template\'s containers run.', priority);
export const selectorColumn = (priority: number) => col('Selector', 'string', 'The label query that picks the pods this object manages.', priority);

/** duration.HumanDuration: the AGE format kubectl users know (5s, 3m20s, 2d4h, 3y45d). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  // Allow a little clock skew, as upstream: up to a second or so in the future is "0s".
  if (seconds < -1) return '<invalid>';
  if (seconds <= 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(seconds / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** translateTimestampSince: "<unknown>" for a missing (zero) time. */
export function since(ts: unknown, now: number): string {
  if (typeof ts !== 'string' || ts === '') return '<unknown>';
  const t = Date.parse(ts);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
}

export const age = (obj: KubeObject, now: number): string => since(obj.metadata.creationTimestamp, now);

/** labels.FormatLabels: k=v pairs sorted by key, "<none>" for an empty map. */
export function formatLabels(m: Record<string, string> | undefined | null): string {
  if (!m) return '<none>';
  const keys = Object.keys(m).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${m[k]}`).join(',');
}

/** metav1.FormatLabelSelector: "<none>" for an empty or missing selector. */
export const formatSelector: (ls: LabelSelectorObject | null | undefined) => string = formatLabelSelector;

/** layoutContainerCells: names and images, each comma-joined in container order. */
export function containerCells(containers: Loose): [string, string] {
  const list: Loose[] = Array.isArray(containers) ? containers : [];
  return [list.map((c) => c?.name ?? '').join(','), list.map((c) => c?.image ?? '').join(',')];
}

/** A count or number field as the int64 cell upstream prints (0 when absent). */
export const int = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** A quantity or int-or-string as text: numbers in decimal, strings as stored. */
export const text = (v: unknown): string => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

/** printBoolPtr: True/False, "<unset>" when the field is absent. */
export const boolText = (v: unknown): string => (v === true ? 'True' : v === false ? 'False' : '<unset>');

/** Up to max items joined by sep, then " + N more..." (listWithMoreString and friends). */
export function listWithMore(items: string[], max: number, total = items.length, sep = ','): string {
  const shown = items.slice(0, max).join(sep);
  return total > max ? `${shown} + ${total - max} more...` : shown;
}

/** The first condition of a type (conditions lists hold one entry per type). */
export function condition(conditions: Loose, type: string): Loose | undefined {
  return Array.isArray(conditions) ? conditions.find((c) => c?.type === type) : undefined;
}

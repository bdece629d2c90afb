/**
 * Duplicate keys in a JSON body, as sigs.k8s.io/json's strict decoding reports them
 * (`duplicate field "spec.template.spec.containers[0].imagePullPolicy"`): JSON.parse keeps the
 * last value silently, so the text itself is scanned. The body has already parsed, so the scan
 * trusts the syntax and only tracks where it is: object keys seen per level, array indexes.
 */

interface Level {
  /** Keys seen so far; undefined for an array. */
  keys?: Set<string>;
  /** The path of this container ('' at the top). */
  path: string;
  /** For arrays: the index of the next element. */
  index: number;
}

const quote = 0x22;
const backslash = 0x5c;

/** The dotted paths of every repeated key, in document order. */
export function duplicateFields(text: string): string[] {
  const out: string[] = [];
  const stack: Level[] = [];
  /** The key just read in the current object (its value comes next). */
  let pendingKey: string | undefined;
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.keys) return top.path ? `${top.path}.${pendingKey}` : pendingKey ?? '';
    return `${top.path}[${top.index}]`;
  };
  const valueDone = () => {
    const top = stack[stack.length - 1];
    if (top && !top.keys) top.index++;
    pendingKey = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) {
      // A string: a key when we are in an object and no key is pending, else a value.
      let j = i + 1;
      let escaped = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === backslash) { escaped = true; j++; continue; }
        if (d === quote) break;
      }
      const top = stack[stack.length - 1];
      if (top?.keys && pendingKey === undefined) {
        const raw = text.slice(i, j + 1);
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (top.keys.has(key)) out.push(top.path ? `${top.path}.${key}` : key);
        top.keys.add(key);
        pendingKey = key;
      } else {
        valueDone();
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push({ keys: c === 0x7b ? new Set() : undefined, path: childPath(), index: 0 });
      pendingKey = undefined;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      valueDone();
    } else if (c === 0x2c /* , */ || c === 0x3a /* : */ || c <= 0x20) {
      // separators and whitespace
    } else {
      // A number, true, false or null: skip to its end.
      while (i + 1 < text.length && !/[,\]}\s]/.test(text[i + 1])) i++;
      valueDone();
    }
  }
  return out;
}

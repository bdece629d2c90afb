/**
 * Structural checks an OpenAPI document must pass, for v2 and v3 alike: every $ref resolves,
 * operation ids are unique, every parameter is well formed, every {template} in a path has a
 * required path parameter and vice versa, every operation has responses. Returns the problems.
 */
type Json = Record<string, unknown>;

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function checkOpenApi(doc: Json): string[] {
  const problems: string[] = [];
  const v3 = typeof doc.openapi === 'string';
  const prefix = v3 ? '#/components/schemas/' : '#/definitions/';
  const defs = (v3 ? (doc.components as Json | undefined)?.schemas : doc.definitions) as Json | undefined ?? {};
  if (!v3 && doc.swagger !== '2.0') problems.push('neither swagger: 2.0 nor openapi: 3.x');

  const walk = (v: unknown, where: string) => {
    if (Array.isArray(v)) { v.forEach((x, i) => walk(x, `${where}[${i}]`)); return; }
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      if (k === '$ref') {
        if (typeof child !== 'string' || !child.startsWith(prefix)) problems.push(`${where}: $ref ${String(child)} does not start with ${prefix}`);
        else if (!(child.slice(prefix.length) in defs)) problems.push(`${where}: $ref ${child} does not resolve`);
        if (v3 && Object.keys(v).length > 1) problems.push(`${where}: v3 $ref has siblings ${Object.keys(v).join(',')}`);
      } else {
        walk(child, `${where}.${k}`);
      }
    }
  };
  walk(doc, '#');

  const ids = new Map<string, string>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    const templates = new Set([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    const shared = (item.parameters as Json[] | undefined) ?? [];
    for (const m of methods) {
      const op = item[m] as Json | undefined;
      if (!op) continue;
      const where = `${m.toUpperCase()} ${path}`;
      const id = op.operationId;
      if (typeof id !== 'string' || id === '') problems.push(`${where}: no operationId`);
      else if (ids.has(id)) problems.push(`${where}: operationId ${id} also used by ${ids.get(id)}`);
      else ids.set(id, where);
      if (!op.responses || Object.keys(op.responses as Json).length === 0) problems.push(`${where}: no responses`);
      const all = [...shared, ...((op.parameters as Json[] | undefined) ?? [])];
      const seen = new Set<string>();
      for (const p of all) {
        const key = `${String(p.in)}:${String(p.name)}`;
        if (seen.has(key) && !shared.includes(p)) problems.push(`${where}: parameter ${key} twice`);
        seen.add(key);
        if (typeof p.name !== 'string' || !['query', 'path', 'header', 'body'].includes(String(p.in))) problems.push(`${where}: bad parameter ${JSON.stringify(p)}`);
        if (p.in === 'body' && v3) problems.push(`${where}: body parameter in v3`);
        if (p.in === 'path' && (p.required !== true || !templates.has(String(p.name)))) problems.push(`${where}: path parameter ${String(p.name)} not required or not in the path`);
        if (p.in !== 'body' && (v3 ? !(p.schema as Json | undefined)?.type : !p.type)) problems.push(`${where}: parameter ${String(p.name)} has no type`);
      }
      for (const t of templates) if (!seen.has(`path:${t}`)) problems.push(`${where}: {${t}} has no parameter`);
    }
  }
  return problems;
}

/**
 * resource.Quantity fields are parsed while the request body is decoded upstream, so a bad
 * quantity is a 400 before any validation runs (`Pod in version "v1" cannot be handled as a Pod:
 * quantities must match the regular expression ...`). This does the same for the quantity maps a
 * PodSpec holds, for any kind embedding one.
 */
import { badRequest } from '../meta/errors.js';
import { parseQuantity } from '../meta/quantity.js';
import { type Obj, isObj, objAt, objectsAt } from './json-shapes.js';

export const quantityFormatMessage = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** Throws the decoder's 400 when any value of the map is not a quantity. */
export function checkQuantityMap(map: unknown, kind: string, version: string): void {
  if (!isObj(map)) return;
  for (const v of Object.values(map)) {
    if (v === null) continue;
    if (parseQuantity(v) === null) throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${quantityFormatMessage}`);
  }
}

/** Container requests/limits, pod overhead and emptyDir size limits of one PodSpec. */
export function checkPodSpecQuantities(spec: unknown, kind: string, version: string): void {
  if (!isObj(spec)) return;
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const [c] of objectsAt(spec, list)) {
      const resources = objAt(c, 'resources');
      if (resources) { checkQuantityMap(resources.limits, kind, version); checkQuantityMap(resources.requests, kind, version); }
    }
  }
  checkQuantityMap(spec.overhead, kind, version);
  for (const [v] of objectsAt(spec, 'volumes')) {
    const emptyDir = objAt(v, 'emptyDir') as Obj | undefined;
    if (emptyDir && emptyDir.sizeLimit !== undefined) checkQuantityMap({ sizeLimit: emptyDir.sizeLimit }, kind, version);
  }
}

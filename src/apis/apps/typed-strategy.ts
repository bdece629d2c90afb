/**
 * The Strategy half that every typed resource shares: defaults applied on create and on update,
 * then validation. Upstream defaults while decoding the request body, before anything compares
 * old and new; so when defaults fill in a bare PUT, metadata.generation (which the Store bumped
 * on any spec difference before the strategy ran) is recomputed against the defaulted object.
 */
import type { FieldError } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import type { RequestContext, Strategy } from '../../registry/rest.js';
import { specChanged } from '../../registry/before.js';

export interface TypedRules {
  /** Optional. Fills absent fields; may mutate obj only. */
  defaults?: (obj: KubeObject) => void;
  /** Optional. Every problem of obj on its own (create and update). Must not mutate. */
  validate?: (obj: KubeObject, ctx: RequestContext) => FieldError[];
  /** Optional. Rules comparing obj with the stored object (immutable fields). Must not mutate. */
  validateUpdate?: (obj: KubeObject, old: KubeObject) => FieldError[];
}

export function typedStrategy(rules: TypedRules): Strategy {
  const s: Strategy = {};
  const { defaults } = rules;
  if (defaults) {
    s.prepareForCreate = (obj) => defaults(obj);
    s.prepareForUpdate = (obj, old) => {
      defaults(obj);
      // Only undo a bump the Store made for a difference the defaults have since filled in; never
      // add one (resources that do not track generation keep whatever they hold).
      const gen = old.metadata.generation;
      if (gen !== undefined && obj.metadata.generation === gen + 1 && !specChanged(obj, old)) obj.metadata.generation = gen;
    };
  }
  if (rules.validate) s.validate = rules.validate;
  if (rules.validateUpdate) s.validateUpdate = rules.validateUpdate;
  return s;
}

/**
 * Tolerations (pod specs) and taints (node specs), validation.go ValidateTolerations and
 * validateNodeTaints, with their upstream messages.
 */
import { type FieldError, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import { goValueError, isQualifiedName, isValidLabelValue } from '../meta/validation.js';
import { type Obj, objectsAt, str } from './json-shapes.js';

const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect: one of the three effects (empty allowed only where it means "any"). */
export function validateTaintEffect(effect: string, allowEmpty: boolean, field: string): FieldError[] {
  if (!allowEmpty && effect === '') return [fieldRequired(field)];
  return effects.includes(effect) ? [] : [fieldNotSupported(field, effect, effects)];
}

/** %#v of the internal core.Toleration, which upstream prints for an Exists toleration with a value. */
function goToleration(t: Obj): string {
  const seconds = typeof t.tolerationSeconds === 'number' ? '(*int64)(0xc000010000)' : '(*int64)(nil)';
  return `core.Toleration{Key:${JSON.stringify(str(t.key))}, Operator:${JSON.stringify(str(t.operator))}, Value:${JSON.stringify(str(t.value))}, Effect:${JSON.stringify(str(t.effect))}, TolerationSeconds:${seconds}}`;
}

export function validateTolerations(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [t, i] of objectsAt(spec, 'tolerations')) {
    const p = `${path}[${i}]`;
    const key = str(t.key);
    const operator = str(t.operator);
    const effect = str(t.effect);
    if (key) errs.push(...isQualifiedName(key).map((m) => fieldInvalid(`${p}.key`, key, m)));
    if (!key && operator !== 'Exists') {
      errs.push(fieldInvalid(`${p}.operator`, operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute') {
      errs.push(fieldInvalid(`${p}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(str(t.value));
      if (msgs.length > 0) errs.push(fieldInvalid(`${p}.operator`, str(t.value), msgs.join(';')));
    } else if (operator === 'Exists') {
      if (str(t.value)) errs.push(goValueError('FieldValueInvalid', `${p}.operator`, goToleration(t), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(fieldNotSupported(`${p}.operator`, operator, ['Equal', 'Exists']));
    }
    if (effect) errs.push(...validateTaintEffect(effect, true, `${p}.effect`));
  }
  return errs;
}

/** validateNodeTaints: qualified keys, label-like values, a required effect, no key+effect twice. */
export function validateTaints(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const [t, i] of objectsAt(spec, 'taints')) {
    const p = `${path}[${i}]`;
    const key = str(t.key);
    const value = str(t.value);
    const effect = str(t.effect);
    errs.push(...isQualifiedName(key).map((m) => fieldInvalid(`${p}.key`, key, m)));
    errs.push(...isValidLabelValue(value).map((m) => fieldInvalid(`${p}.value`, value, m)));
    errs.push(...validateTaintEffect(effect, false, `${p}.effect`));
    const id = `${key}:${effect}`;
    if (seen.has(id)) {
      // The value is the internal core.Taint, printed with %#v before the detail.
      const goTaint = `core.Taint{Key:${JSON.stringify(key)}, Value:${JSON.stringify(value)}, Effect:${JSON.stringify(effect)}, TimeAdded:(*v1.Time)(nil)}`;
      errs.push({ type: 'FieldValueDuplicate', field: p, detail: `${goTaint}: taints must be unique by key and effect pair` });
      continue;
    }
    seen.add(id);
  }
  return errs;
}

/**
 * flowcontrol.apiserver.k8s.io/v1 validation (pkg/apis/flowcontrol/validation): FlowSchema
 * precedence and its priority level reference; PriorityLevelConfiguration type, shares, limit
 * response and queuing. The subjects and rules of a FlowSchema are not checked here yet.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { goValueError, isDNS1123Subdomain } from '../meta/validation.js';
import { type Obj, asObj } from '../apps/validation-fields.js';

const maxMatchingPrecedence = 10000;
const maxQueues = 10 * 1000 * 1000;
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isSet = (v: unknown) => v !== undefined && v !== null;

export function validateFlowSchema(fs: KubeObject): FieldError[] {
  const spec = asObj(fs.spec);
  const errs: FieldError[] = [];
  const precedence = num(spec.matchingPrecedence);
  if (precedence <= 0) errs.push(fieldInvalid('spec.matchingPrecedence', precedence, 'must be a positive value'));
  if (precedence > maxMatchingPrecedence) errs.push(fieldInvalid('spec.matchingPrecedence', precedence, `must not be greater than ${maxMatchingPrecedence}`));
  if (precedence === 1 && fs.metadata.name !== 'exempt') errs.push(fieldInvalid('spec.matchingPrecedence', precedence, "only the schema named 'exempt' may have matchingPrecedence 1"));
  if (isSet(spec.distinguisherMethod)) {
    const type = str(asObj(spec.distinguisherMethod).type);
    if (type !== 'ByNamespace' && type !== 'ByUser') {
      errs.push(goValueError('FieldValueNotSupported', 'spec.distinguisherMethod.type', `flowcontrol.FlowDistinguisherMethod{Type:${JSON.stringify(type)}}`, 'supported values: "ByNamespace", "ByUser"'));
    }
  }
  const level = str(asObj(spec.priorityLevelConfiguration).name);
  if (level === '') errs.push(fieldRequired('spec.priorityLevelConfiguration.name', 'must reference a priority level'));
  else for (const m of isDNS1123Subdomain(level)) errs.push(fieldInvalid('spec.priorityLevelConfiguration.name', level, m));
  return errs;
}

function validateQueuing(q: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const limit = num(q.queueLengthLimit);
  const queues = num(q.queues);
  const hand = num(q.handSize);
  if (limit <= 0) errs.push(fieldInvalid(`${p}.queueLengthLimit`, limit, 'must be positive'));
  if (queues <= 0) errs.push(fieldInvalid(`${p}.queues`, queues, 'must be positive'));
  else if (queues > maxQueues) errs.push(fieldInvalid(`${p}.queues`, queues, `must not be greater than ${maxQueues}`));
  if (hand <= 0) errs.push(fieldInvalid(`${p}.handSize`, hand, 'must be positive'));
  else if (hand > queues) errs.push(fieldInvalid(`${p}.handSize`, hand, `should not be greater than queues (${queues})`));
  return errs;
}

function validateLimited(limited: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  // v1 allows zero shares (a level that only borrows).
  const shares = num(limited.nominalConcurrencyShares);
  if (shares < 0) errs.push(fieldInvalid(`${p}.nominalConcurrencyShares`, shares, 'must be a non-negative integer'));
  const response = asObj(limited.limitResponse);
  const rp = `${p}.limitResponse`;
  if (response.type === 'Reject') {
    if (isSet(response.queuing)) errs.push(fieldForbidden(`${rp}.queuing`, 'must be nil if limited.limitResponse.type is not Limited'));
  } else if (response.type === 'Queue') {
    if (!isSet(response.queuing)) errs.push(fieldRequired(`${rp}.queuing`, 'must not be empty if limited.limitResponse.type is Limited'));
    else errs.push(...validateQueuing(asObj(response.queuing), `${rp}.queuing`));
  } else {
    errs.push(fieldNotSupported(`${rp}.type`, str(response.type), ['Queue', 'Reject']));
  }
  const lendable = limited.lendablePercent;
  if (typeof lendable === 'number' && (lendable < 0 || lendable > 100)) errs.push(fieldInvalid(`${p}.lendablePercent`, lendable, 'must be between 0 and 100, inclusive'));
  const borrowing = limited.borrowingLimitPercent;
  if (typeof borrowing === 'number' && borrowing < 0) errs.push(fieldInvalid(`${p}.borrowingLimitPercent`, borrowing, 'if specified, must be a non-negative integer'));
  return errs;
}

export function validatePriorityLevelConfiguration(plc: KubeObject): FieldError[] {
  const spec = asObj(plc.spec);
  const type = str(spec.type);
  const errs: FieldError[] = [];
  if ((plc.metadata.name === 'exempt') !== (type === 'Exempt')) errs.push(fieldInvalid('spec.type', type, "type must be 'Exempt' if and only if name is 'exempt'"));
  if (type === 'Exempt') {
    if (isSet(spec.limited)) errs.push(fieldForbidden('spec.limited', 'must be nil if the type is not Limited'));
    if (isSet(spec.exempt)) {
      const exempt = asObj(spec.exempt);
      const shares = exempt.nominalConcurrencyShares;
      if (typeof shares === 'number' && shares < 0) errs.push(fieldInvalid('spec.exempt.nominalConcurrencyShares', shares, 'must be a non-negative integer'));
      const lendable = exempt.lendablePercent;
      if (typeof lendable === 'number' && (lendable < 0 || lendable > 100)) errs.push(fieldInvalid('spec.exempt.lendablePercent', lendable, 'must be between 0 and 100, inclusive'));
    }
  } else if (type === 'Limited') {
    if (isSet(spec.exempt)) errs.push(fieldForbidden('spec.exempt', 'must be nil if the type is Limited'));
    if (!isSet(spec.limited)) errs.push(fieldRequired('spec.limited', 'must not be empty when type is Limited'));
    else errs.push(...validateLimited(asObj(spec.limited), 'spec.limited'));
  } else {
    errs.push(fieldNotSupported('spec.type', type, ['Exempt', 'Limited']));
  }
  return errs;
}

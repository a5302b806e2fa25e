/**
 * Runs a rule's exported CEL on one object with @bufbuild/cel, the way the apiserver runs the
 * policy: the policy's variables first, then the validation. Tests use it to hold each rule's
 * CEL to the verdict of its JavaScript check.
 */
import { celEnv, isCelError, parse, plan, type CelInput } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

import { isRecord, type KubeResource } from '../resource.js';
import {
  CEL_KINDS,
  objectVariables,
  WORKLOAD_FAMILIES,
  workloadVariables,
  type CelKind,
  type PolicyVariable,
  type WorkloadFamily,
} from './kinds.js';
import { ruleAppliesToFamily, ruleAppliesToKinds } from './export.js';
import type { CelContext, CelKindId } from './rule.js';
import { buildValidation, type RuleWithCel } from './validation.js';

export type CelVerdict =
  | { readonly status: 'not-applicable' }
  | { readonly status: 'compliant' }
  | {
      readonly status: 'non-compliant';
      readonly message: string;
      /** The error of a failed messageExpression. The apiserver then uses `message`. */
      readonly messageError?: string;
    }
  /** The expression failed to evaluate; the policy's failurePolicy Fail then rejects. */
  | { readonly status: 'error'; readonly message: string };

const env = celEnv({ funcs: strings });
const plans = new Map<string, ReturnType<typeof plan>>();

function compiled(expression: string): ReturnType<typeof plan> {
  let planned = plans.get(expression);
  if (planned === undefined) {
    planned = plan(env, parse(expression));
    plans.set(expression, planned);
  }
  return planned;
}

/**
 * Converts a JSON value to what the apiserver hands to CEL: objects as maps, whole numbers as
 * `int`, other numbers as `double`, and null fields left out, as they are absent from a decoded
 * object.
 */
export function toCelInput(value: unknown): CelInput {
  if (Array.isArray(value)) return value.map(toCelInput);
  if (isRecord(value)) {
    const map = new Map<string, CelInput>();
    for (const [key, entry] of Object.entries(value)) {
      if (entry !== null && entry !== undefined) map.set(key, toCelInput(entry));
    }
    return map;
  }
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value as CelInput;
}

function servedBy(resource: KubeResource, kind: CelKind): boolean {
  const apiVersion = kind.group === '' ? kind.version : `${kind.group}/${kind.version}`;
  return resource.kind === kind.kind && resource.apiVersion === apiVersion;
}

/** Finds the workload family whose policy matches `resource`, if any. */
export function familyOf(resource: KubeResource): WorkloadFamily | undefined {
  return WORKLOAD_FAMILIES.find((family) => family.kinds.some((kind) => servedBy(resource, kind)));
}

function objectKindOf(resource: KubeResource): CelKindId | undefined {
  return (Object.keys(CEL_KINDS) as CelKindId[]).find((id) => servedBy(resource, CEL_KINDS[id]));
}

function evaluateVariables(
  variables: readonly PolicyVariable[],
  object: CelInput,
): Map<string, CelInput> {
  const bound = new Map<string, CelInput>();
  for (const variable of variables) {
    const value = compiled(variable.expression)({ object, variables: bound });
    // NOTE: the apiserver evaluates a variable only when a validation reads it. A failed one is
    // left unbound here, so a validation that reads it fails too, which is the same verdict.
    if (!isCelError(value)) bound.set(variable.name, value as CelInput);
  }
  return bound;
}

/** Evaluate `rule`'s CEL on `resource`, as its exported policy would at admission. */
export function evaluateCel(
  rule: RuleWithCel,
  resource: KubeResource,
  context: CelContext,
): CelVerdict {
  const family = familyOf(resource);
  const objectKind = family === undefined ? objectKindOf(resource) : undefined;
  let variables: readonly PolicyVariable[];
  if (family !== undefined && ruleAppliesToFamily(rule, family)) {
    variables = workloadVariables(family);
  } else if (objectKind !== undefined && ruleAppliesToKinds(rule, [objectKind])) {
    variables = objectVariables();
  } else {
    return { status: 'not-applicable' };
  }

  const validation = buildValidation(rule, context, family);
  const object = toCelInput(resource.body);
  const bindings = { object, variables: evaluateVariables(variables, object) };
  const result = compiled(validation.expression)(bindings);
  if (isCelError(result)) return { status: 'error', message: result.message };
  if (result === true) return { status: 'compliant' };

  const message = compiled(validation.messageExpression)(bindings);
  if (typeof message === 'string') return { status: 'non-compliant', message };
  return {
    status: 'non-compliant',
    message: validation.message,
    messageError: isCelError(message) ? message.message : `not a string: ${String(message)}`,
  };
}

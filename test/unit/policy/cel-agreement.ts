/**
 * The verdict of a rule's JavaScript check and of its CEL on one object, as at admission: denied
 * or admitted, after the object's suppression annotations.
 */
import { evaluateCel, familyOf } from '../../../src/policy/cel/evaluate.js';
import { CEL_KINDS } from '../../../src/policy/cel/kinds.js';
import { celMessageIsTitle, type RuleWithCel } from '../../../src/policy/cel/validation.js';
import { t } from '../../../src/i18n/catalog.js';
import { ruleMessageIds } from '../../../src/policy/registry.js';
import { isRecord, recordAt, type KubeResource } from '../../../src/policy/resource.js';
import type { RuleContext, RuleUnit } from '../../../src/policy/rule.js';
import { suppressionsOf } from '../../../src/policy/suppression.js';
import { containersOf, podTemplateOf } from '../../../src/policy/workload.js';

const SUPPRESSION_RULE = 'suppression-reason';

/** Whether an exported policy matches the object's kind and API version at all. */
export function reachesPolicies(resource: KubeResource): boolean {
  if (familyOf(resource) !== undefined) return true;
  return Object.values(CEL_KINDS).some(
    (kind) =>
      kind.kind === resource.kind &&
      resource.apiVersion === (kind.group === '' ? kind.version : `${kind.group}/${kind.version}`),
  );
}

function isListOfObjects(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.every(isRecord));
}

/** Tells whether a securityContext is an object whose runAsUser, if any, is an integer. */
function contextDecodes(context: unknown): boolean {
  if (context === undefined || context === null) return true;
  if (!isRecord(context)) return false;
  const user = context['runAsUser'];
  return user === undefined || user === null || Number.isInteger(user);
}

/**
 * Tells whether the apiserver can decode the object: a name, and lists of objects where its schema has
 * them. A JSON shape the schema does not allow (containers as a map, env as a string) is rejected
 * with 400 or 422 before any admission plugin runs, so neither the webhook nor a policy receives
 * it. `kinko check` still reads what it can. This approximates the schema in the fields the
 * rules read.
 */
export function decodable(resource: KubeResource): boolean {
  const metadata = recordAt(resource.body, 'metadata');
  if (typeof metadata?.['name'] !== 'string' && typeof metadata?.['generateName'] !== 'string') {
    return false;
  }
  if (!['subjects', 'rules'].every((field) => isListOfObjects(resource.body[field]))) return false;

  const pod = podTemplateOf(resource);
  // Every workload kind but an Argo Rollout with spec.workloadRef requires a pod template.
  if (pod === undefined) return familyOf(resource) === undefined || resource.kind === 'Rollout';
  const podLists = ['containers', 'initContainers', 'ephemeralContainers', 'volumes'];
  if (!podLists.every((field) => isListOfObjects(pod.spec[field]))) return false;
  if (!contextDecodes(pod.spec['securityContext'])) return false;
  return containersOf(pod).every(
    (container) =>
      typeof container.body['name'] === 'string' &&
      contextDecodes(container.body['securityContext']) &&
      ['env', 'envFrom', 'ports'].every((field) => isListOfObjects(container.body[field])),
  );
}

/** Tells whether the engine reports `rule`: a violation that no reasoned suppression hides. */
export function checkDenies(rule: RuleUnit, resource: KubeResource, context: RuleContext): boolean {
  let status: string;
  try {
    status = rule.check(resource, context).status;
  } catch {
    // The engine reports a rule that throws as a finding of that rule.
    return true;
  }
  if (status !== 'non-compliant') return false;
  if (rule.id === SUPPRESSION_RULE) return true;
  return !suppressionsOf(resource).some(
    (suppression) => suppression.ruleId === rule.id && suppression.reason !== '',
  );
}

export interface Disagreement {
  readonly rule: string;
  readonly check: 'denied' | 'admitted';
  readonly cel: string;
}

/**
 * Compare the check and the CEL of `rule` on `resource`. Undefined when they agree, when the rule
 * has no CEL, or when no exported policy matches the object's kind.
 */
export function disagreement(
  rule: RuleUnit,
  resource: KubeResource,
  context: RuleContext,
): Disagreement | undefined {
  if (rule.cel === undefined || !reachesPolicies(resource)) return undefined;
  const byCheck = checkDenies(rule, resource, context);
  // A CEL error rejects the object, since the policies' failurePolicy is Fail.
  const verdict = evaluateCel(rule as RuleWithCel, resource, context);
  const byCel = verdict.status === 'non-compliant' || verdict.status === 'error';
  if (verdict.status === 'non-compliant' && verdict.messageError !== undefined) {
    return {
      rule: rule.id,
      check: byCheck ? 'denied' : 'admitted',
      cel: `message error: ${verdict.messageError}`,
    };
  }
  if (byCheck && verdict.status === 'non-compliant') {
    const falseMessage = messageFalsehood(rule, resource, context, verdict.message);
    if (falseMessage !== undefined) {
      return { rule: rule.id, check: 'denied', cel: `false message: ${falseMessage}` };
    }
  }
  if (byCheck === byCel) return undefined;
  return {
    rule: rule.id,
    check: byCheck ? 'denied' : 'admitted',
    cel: verdict.status === 'error' ? `error: ${verdict.message}` : verdict.status,
  };
}

/**
 * Returns the CEL denial message when it states something the check does not: the rule's main
 * message where the check reports a variant, or, for a rule without containers, a main message
 * that differs from the check's only message. A title message holds for every variant.
 */
export function messageFalsehood(
  rule: RuleUnit,
  resource: KubeResource,
  context: RuleContext,
  message: string,
): string | undefined {
  if (celMessageIsTitle(message, rule.id)) return undefined;
  let outcome;
  try {
    outcome = rule.check(resource, context);
  } catch {
    return undefined;
  }
  if (outcome.status !== 'non-compliant') return undefined;
  if (outcome.violations.some((violation) => violation.variant !== undefined)) return message;
  // A container rule, or one violation per volume or subject, is listed in one CEL message.
  if (rule.cel?.container !== undefined || outcome.violations.length > 1) return undefined;
  const rendered = outcome.violations.map(
    (violation) => `[${rule.id}] ${t(ruleMessageIds(rule.id).message(), violation.params, 'en')}`,
  );
  return rendered.includes(message) ? undefined : message;
}

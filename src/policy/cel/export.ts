/**
 * Export of the rules that have a CEL form as ValidatingAdmissionPolicies
 * (admissionregistration.k8s.io/v1) with their bindings, so the apiserver enforces them without
 * the webhook. One policy per workload family or object kind group and per severity: error
 * rules deny, warning rules warn, info rules only audit.
 */
import { createKinkoRegistry } from '../pack.js';
import type { RuleRegistry } from '../registry.js';
import type { RegisteredRule, Severity } from '../rule.js';
import type { PolicySettings } from '../settings.js';
import {
  CEL_KINDS,
  objectVariables,
  WORKLOAD_FAMILIES,
  workloadVariables,
  type CelKind,
  type PolicyVariable,
  type WorkloadFamily,
} from './kinds.js';
import type { CelContext, CelKindId } from './rule.js';
import {
  buildValidation,
  SUPPRESSION_RULE_ID,
  type RuleWithCel,
  type Validation,
} from './validation.js';

export const VAP_API_VERSION = 'admissionregistration.k8s.io/v1';

/** Prefix of every exported policy and binding name. */
export const VAP_NAME_PREFIX = 'kinko-';

/** Namespaces the bindings leave out: the control plane's own. */
export const EXCLUDED_NAMESPACES: readonly string[] = ['kube-system'];

export type ValidationAction = 'Deny' | 'Warn' | 'Audit';

const ACTIONS: Readonly<Record<Severity, readonly ValidationAction[]>> = {
  error: ['Deny'],
  warning: ['Warn'],
  info: ['Audit'],
};

const ACTION_SUFFIX: Readonly<Record<Severity, string>> = {
  error: 'deny',
  warning: 'warn',
  info: 'audit',
};

/** Label every object Kinko generates carries. */
const MANAGED_BY_KINKO = { 'app.kubernetes.io/managed-by': 'kinko' };

/**
 * Object kind groups, each exported as its own policies. A binding's namespaceSelector does not
 * scope a cluster-scoped object, so ClusterRoles are judged only where Kinko made them: the
 * control plane's own ClusterRoles (cluster-admin, system:controller:*) carry wildcards and must
 * stay updatable. A ClusterRoleBinding is judged everywhere, because its rule only rejects
 * binding a system's group cluster-wide, which nothing legitimate does.
 */
const OBJECT_GROUPS: readonly {
  readonly id: string;
  readonly kinds: readonly CelKindId[];
  readonly objectSelector?: Record<string, unknown>;
}[] = [
  { id: 'secrets', kinds: ['Secret'] },
  { id: 'rolebindings', kinds: ['RoleBinding'] },
  { id: 'clusterrolebindings', kinds: ['ClusterRoleBinding'] },
  { id: 'roles', kinds: ['Role'] },
  { id: 'clusterroles', kinds: ['ClusterRole'], objectSelector: { matchLabels: MANAGED_BY_KINKO } },
];

export interface AdmissionPolicyObject {
  apiVersion: string;
  kind: 'ValidatingAdmissionPolicy' | 'ValidatingAdmissionPolicyBinding';
  metadata: { name: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
}

/** Returns the rules of `registry` that have a CEL form, in registration order. */
export function celRulesOf(registry: RuleRegistry): (RegisteredRule & RuleWithCel)[] {
  return registry
    .all()
    .filter((rule): rule is RegisteredRule & RuleWithCel => rule.cel !== undefined);
}

/** Tells whether `rule` runs in a policy over `family`. */
export function ruleAppliesToFamily(rule: RuleWithCel, family: WorkloadFamily): boolean {
  if (rule.id === SUPPRESSION_RULE_ID) return true;
  const target = rule.cel.target;
  return target.scope !== 'object' && (target.replicatedOnly !== true || family.replicated);
}

/** Tells whether `rule` runs in a policy over the object kinds `kinds`. */
export function ruleAppliesToKinds(rule: RuleWithCel, kinds: readonly CelKindId[]): boolean {
  if (rule.id === SUPPRESSION_RULE_ID) return true;
  const target = rule.cel.target;
  return target.scope === 'object' && target.kinds.some((kind) => kinds.includes(kind));
}

function resourceRules(kinds: readonly CelKind[]): Record<string, unknown>[] {
  return kinds.map((kind) => ({
    apiGroups: [kind.group],
    apiVersions: [kind.version],
    resources: [kind.resource],
    operations: ['CREATE', 'UPDATE'],
  }));
}

export interface ExportOptions {
  /** Labels of every exported object. Default: none. */
  readonly labels?: Record<string, string>;
  /**
   * Further namespace selector requirements of every binding, ANDed with leaving out
   * EXCLUDED_NAMESPACES. Default: none, so the bindings cover every other namespace.
   */
  readonly namespaceRequirements?: readonly Record<string, unknown>[];
}

function policyPair(
  name: string,
  kinds: readonly CelKind[],
  variables: readonly PolicyVariable[],
  validations: readonly Validation[],
  severity: Severity,
  options: ExportOptions,
  objectSelector?: Record<string, unknown>,
): AdmissionPolicyObject[] {
  const metadata = {
    name,
    ...(options.labels !== undefined && Object.keys(options.labels).length > 0
      ? { labels: options.labels }
      : {}),
  };
  const policy: AdmissionPolicyObject = {
    apiVersion: VAP_API_VERSION,
    kind: 'ValidatingAdmissionPolicy',
    metadata,
    spec: {
      // A rule whose expression fails to evaluate rejects the object, as a failing rule of the
      // engine reports a finding instead of passing it.
      failurePolicy: 'Fail',
      matchConstraints: { resourceRules: resourceRules(kinds) },
      variables,
      validations,
    },
  };
  const binding: AdmissionPolicyObject = {
    apiVersion: VAP_API_VERSION,
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata,
    spec: {
      policyName: name,
      validationActions: ACTIONS[severity],
      matchResources: {
        namespaceSelector: {
          matchExpressions: [
            {
              key: 'kubernetes.io/metadata.name',
              operator: 'NotIn',
              values: EXCLUDED_NAMESPACES,
            },
            ...(options.namespaceRequirements ?? []),
          ],
        },
        ...(objectSelector === undefined ? {} : { objectSelector }),
      },
    },
  };
  return [policy, binding];
}

/**
 * Builds the ValidatingAdmissionPolicies and their bindings for the CEL rules of `registry`, with
 * `settings` written into the expressions (allowed registries, ClusterRoles, system groups).
 * Each policy precedes its binding. Severities with no rule for a family produce no policy.
 */
export function buildValidatingAdmissionPolicies(
  settings: PolicySettings,
  registry: RuleRegistry = createKinkoRegistry(),
  options: ExportOptions = {},
): AdmissionPolicyObject[] {
  const context: CelContext = { settings, ruleIds: registry.ids() };
  const rules = celRulesOf(registry);
  const objects: AdmissionPolicyObject[] = [];

  for (const family of WORKLOAD_FAMILIES) {
    for (const severity of ['error', 'warning', 'info'] as const) {
      const selected = rules.filter(
        (rule) => rule.severity === severity && ruleAppliesToFamily(rule, family),
      );
      if (selected.length === 0) continue;
      objects.push(
        ...policyPair(
          `${VAP_NAME_PREFIX}${family.id}-${ACTION_SUFFIX[severity]}`,
          family.kinds,
          workloadVariables(family),
          selected.map((rule) => buildValidation(rule, context, family)),
          severity,
          options,
        ),
      );
    }
  }

  for (const group of OBJECT_GROUPS) {
    for (const severity of ['error', 'warning', 'info'] as const) {
      const selected = rules.filter(
        (rule) => rule.severity === severity && ruleAppliesToKinds(rule, group.kinds),
      );
      // The suppression rule alone is no reason for a policy over these kinds.
      if (selected.every((rule) => rule.id === SUPPRESSION_RULE_ID)) continue;
      objects.push(
        ...policyPair(
          `${VAP_NAME_PREFIX}${group.id}-${ACTION_SUFFIX[severity]}`,
          group.kinds.map((kind) => CEL_KINDS[kind]),
          objectVariables(),
          selected.map((rule) => buildValidation(rule, context, undefined)),
          severity,
          options,
          group.objectSelector,
        ),
      );
    }
  }
  return objects;
}

/** Builders for policy tests: objects from YAML, and a rule run with settings and a set. */
import { parseManifests } from '../../../src/policy/input/parse.js';
import { disagreement } from './cel-agreement.js';
import { buildObjectIndex } from '../../../src/policy/object-index.js';
import { createKinkoRegistry } from '../../../src/policy/pack.js';
import type { KubeResource } from '../../../src/policy/resource.js';
import type { RuleOutcome, RuleUnit } from '../../../src/policy/rule.js';
import { DEFAULT_SETTINGS, type PolicySettings } from '../../../src/policy/settings.js';

export const ECR = '111122223333.dkr.ecr.ap-northeast-1.amazonaws.com';
export const IMAGE = `${ECR}/kinko-demo/a/web:1.4.2`;

export const TEST_SETTINGS: PolicySettings = {
  ...DEFAULT_SETTINGS,
  allowedRegistries: [ECR],
  systemGroups: [
    { group: 'a:admins', namespace: 'a' },
    { group: 'b:admins', namespace: 'b' },
  ],
};

/** Parse every object of a multi-document YAML text, throwing on any input problem. */
export function objects(yaml: string): KubeResource[] {
  const parsed = parseManifests(yaml, 'test.yaml');
  if (parsed.problems.length > 0) throw new Error(JSON.stringify(parsed.problems));
  return parsed.resources;
}

/** Run `rule` on the first object of `yaml`, with the whole text as the set. */
export function run(
  rule: RuleUnit,
  yaml: string,
  settings: PolicySettings = TEST_SETTINGS,
): RuleOutcome {
  const set = objects(yaml);
  const first = set[0];
  if (first === undefined) throw new Error('no object in the test YAML');
  const context = { settings, index: buildObjectIndex(set), ruleIds: createKinkoRegistry().ids() };
  // Every fixture also holds the rule's CEL form to the check's verdict, so the two cannot drift.
  const disagrees = disagreement(rule, first, context);
  if (disagrees !== undefined) {
    throw new Error(`the CEL of ${rule.id} disagrees with its check: ${JSON.stringify(disagrees)}`);
  }
  return rule.check(first, context);
}

/** Reduce an outcome to its status and each violation's parameters and variant. */
export function summary(outcome: RuleOutcome): {
  status: string;
  violations?: { variant?: string; params: unknown }[];
} {
  if (outcome.status !== 'non-compliant') return { status: outcome.status };
  return {
    status: outcome.status,
    violations: outcome.violations.map((violation) => ({
      ...(violation.variant !== undefined ? { variant: violation.variant } : {}),
      params: violation.params,
    })),
  };
}

/** Render a hardened container as YAML list lines under `containers:`, with `extra` appended. */
export function hardenedContainer(name = 'web', extra = ''): string {
  return `
        - name: ${name}
          image: ${IMAGE}
          ports: [{ containerPort: 8080 }]
          lifecycle: { preStop: { sleep: { seconds: 30 } } }
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001
            allowPrivilegeEscalation: false
            privileged: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
            seccompProfile: { type: RuntimeDefault }${extra}`;
}

/**
 * Render a Deployment that passes every rule, with its ServiceAccount and PodDisruptionBudget.
 * `podSpec` replaces the pod spec's body when given.
 */
export function compliantDeployment(podSpec?: string, kind = 'Deployment'): string {
  const spec =
    podSpec ??
    `
      serviceAccountName: web
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 60
      topologySpreadConstraints:
        - { maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } } }
        - { maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: { matchLabels: { app: web } } }
      containers:${hardenedContainer()}`;
  return `
apiVersion: ${kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1'}
kind: ${kind}
metadata: { name: web, namespace: a }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web, tier: front } }
    spec:${spec}
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: web, namespace: a }
automountServiceAccountToken: false
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web, namespace: a }
spec:
  maxUnavailable: 1
  selector: { matchLabels: { app: web } }
`;
}

/**
 * The kinds the exported policies match, and how each workload family reaches its pod. Workload
 * kinds are split into families because the apiserver type-checks every expression against
 * each kind a policy matches: `object.spec.replicas` is a type error on a DaemonSet, and
 * `object.spec.template` on a Pod.
 */
import { hasPath } from './rule.js';
import type { CelKindId } from './rule.js';

/** A kind as an admission rule names it. */
export interface CelKind {
  readonly group: string;
  readonly version: string;
  /** The plural resource name. */
  readonly resource: string;
  readonly kind: string;
}

export type WorkloadFamilyId = 'pod' | 'replicated' | 'template' | 'cronjob';

export interface WorkloadFamily {
  readonly id: WorkloadFamilyId;
  readonly kinds: readonly CelKind[];
  /** Fields from `object` to the pod template (its metadata and spec); empty for a Pod. */
  readonly templatePath: readonly string[];
  /** Whether the family's kinds run replicated pods behind endpoints (REPLICATED_KINDS). */
  readonly replicated: boolean;
}

const core = (resource: string, kind: string): CelKind => ({
  group: '',
  version: 'v1',
  resource,
  kind,
});
const apps = (resource: string, kind: string): CelKind => ({
  group: 'apps',
  version: 'v1',
  resource,
  kind,
});
const batch = (resource: string, kind: string): CelKind => ({
  group: 'batch',
  version: 'v1',
  resource,
  kind,
});
const rbac = (resource: string, kind: string): CelKind => ({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  resource,
  kind,
});

export const WORKLOAD_FAMILIES: readonly WorkloadFamily[] = [
  { id: 'pod', kinds: [core('pods', 'Pod')], templatePath: [], replicated: false },
  {
    id: 'replicated',
    kinds: [
      apps('deployments', 'Deployment'),
      apps('statefulsets', 'StatefulSet'),
      apps('replicasets', 'ReplicaSet'),
      core('replicationcontrollers', 'ReplicationController'),
      { group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts', kind: 'Rollout' },
    ],
    templatePath: ['spec', 'template'],
    replicated: true,
  },
  {
    id: 'template',
    kinds: [apps('daemonsets', 'DaemonSet'), batch('jobs', 'Job')],
    templatePath: ['spec', 'template'],
    replicated: false,
  },
  {
    id: 'cronjob',
    kinds: [batch('cronjobs', 'CronJob')],
    templatePath: ['spec', 'jobTemplate', 'spec', 'template'],
    replicated: false,
  },
];

export const CEL_KINDS: Readonly<Record<CelKindId, CelKind>> = {
  Secret: core('secrets', 'Secret'),
  RoleBinding: rbac('rolebindings', 'RoleBinding'),
  ClusterRoleBinding: rbac('clusterrolebindings', 'ClusterRoleBinding'),
  Role: rbac('roles', 'Role'),
  ClusterRole: rbac('clusterroles', 'ClusterRole'),
};

export interface PolicyVariable {
  readonly name: string;
  readonly expression: string;
}

const OBJECT_ANNOTATIONS = 'has(object.metadata.annotations) ? object.metadata.annotations : {}';

/** Variables of a policy over a workload family: its pod spec, labels and annotations. */
export function workloadVariables(family: WorkloadFamily): PolicyVariable[] {
  if (family.templatePath.length === 0) {
    return [
      { name: 'hasPod', expression: 'has(object.spec)' },
      { name: 'podSpec', expression: 'object.spec' },
      { name: 'objectAnnotations', expression: OBJECT_ANNOTATIONS },
      { name: 'podAnnotations', expression: 'variables.objectAnnotations' },
      {
        name: 'podLabels',
        expression: 'has(object.metadata.labels) ? object.metadata.labels : {}',
      },
    ];
  }
  const template = ['object', ...family.templatePath].join('.');
  const metadataField = (field: string): string =>
    `variables.hasPod && ${hasPath(template, ['metadata', field])} ? ${template}.metadata.${field} : {}`;
  return [
    { name: 'hasPod', expression: hasPath('object', [...family.templatePath, 'spec']) },
    { name: 'podSpec', expression: `${template}.spec` },
    { name: 'objectAnnotations', expression: OBJECT_ANNOTATIONS },
    { name: 'podAnnotations', expression: metadataField('annotations') },
    { name: 'podLabels', expression: metadataField('labels') },
  ];
}

/** Variables of a policy over other kinds. */
export function objectVariables(): PolicyVariable[] {
  return [
    { name: 'objectAnnotations', expression: OBJECT_ANNOTATIONS },
    // Only workloads have a pod template; the suppression rule reads both maps on every kind.
    { name: 'podAnnotations', expression: '{}' },
    {
      name: 'objectNamespace',
      expression: "has(object.metadata.namespace) ? object.metadata.namespace : 'default'",
    },
  ];
}

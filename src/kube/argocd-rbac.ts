/**
 * Kubernetes RBAC of the EKS Argo CD capability. EKS gives the capability role an access entry
 * with no access policy, so the role's only Kubernetes identity is the group
 * `eks-access-entry:<role ARN>`, and these objects bind that group:
 * - a ClusterRole to read cluster-wide for discovery and health, without Secrets;
 * - per namespace that an Application deploys to, a Role with the kinds it deploys there;
 * - a ClusterRole with the cluster-scoped kinds the Applications deploy, limited to the objects'
 *   names where the objects are in the output.
 * The operator applies them with `kinko apply` before Argo CD syncs, and Argo CD does not sync
 * them, so a change in git cannot widen Argo CD's own rights.
 */
import type {
  V1ClusterRole,
  V1ClusterRoleBinding,
  V1ConfigMap,
  V1PolicyRule,
  V1Role,
  V1RoleBinding,
  RbacV1Subject,
} from '@kubernetes/client-node';

import { accessEntryGroup, argoCdCapabilityRoleName } from '../model/names.js';
import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import {
  type ArgoCdGrants,
  type GroupResource,
  type NamespaceGrant,
} from './argocd-rbac-grants.js';
import { BUILT_IN_READ_GROUPS, CORE_READ_RESOURCES } from './argocd-rbac-resources.js';
import type { Manifest } from './kube-object.js';

/** ClusterRole and ClusterRoleBinding of the cluster-wide read. */
export const ARGOCD_READ_ROLE = 'kinko-argocd-read';
/** ClusterRole and ClusterRoleBinding of the cluster-scoped writes. */
export const ARGOCD_CLUSTER_WRITE_ROLE = 'kinko-argocd-cluster-write';
/** Role and RoleBinding of the writes in each namespace. */
export const ARGOCD_DEPLOY_ROLE = 'kinko-argocd-deploy';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const READ = ['get', 'list', 'watch'];
const MANAGE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
/**
 * Verbs on named cluster-scoped objects. `list` and `watch` cannot be limited by name and come
 * from the read ClusterRole. A `create` limited by name is allowed only for a server-side apply,
 * whose request carries the name; every Kinko Application syncs with `ServerSideApply=true`.
 */
const MANAGE_NAMED = ['get', 'create', 'update', 'patch', 'delete'];

const WILDCARD_SUPPRESSION = 'suppress.kinko.dev/no-rbac-wildcards';

/** ARN of the capability role, as EKS puts it into the access entry's group name. */
export function argoCdCapabilityRoleArn(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
): string {
  const name = argoCdCapabilityRoleName(cluster.name, platform.primary.region);
  return `arn:aws:iam::${platform.account}:role/${name}`;
}

/** Kubernetes group of the capability's access entry. */
export function argoCdCapabilityGroup(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
): string {
  return accessEntryGroup(argoCdCapabilityRoleArn(platform, cluster));
}

function splitKey(key: GroupResource): { group: string; resource: string } {
  const slash = key.lastIndexOf('/');
  return { group: key.slice(0, slash), resource: key.slice(slash + 1) };
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

/** One rule per API group, with its resources sorted. */
function rulesByGroup(keys: Iterable<GroupResource>, verbs: readonly string[]): V1PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const key of keys) {
    const { group, resource } = splitKey(key);
    byGroup.set(group, [...(byGroup.get(group) ?? []), resource]);
  }
  return sorted(byGroup.keys()).map((group) => ({
    apiGroups: [group],
    resources: sorted(new Set(byGroup.get(group))),
    verbs: [...verbs],
  }));
}

/**
 * API groups that the read ClusterRole covers with every resource: the built-in groups and every
 * group that the cluster's output or AppProjects name. The core group is listed by resource
 * instead, which is what keeps Secrets out.
 */
export function readGroups(extraGroups: Iterable<string>): string[] {
  const groups = new Set([...BUILT_IN_READ_GROUPS, ...extraGroups]);
  groups.delete('');
  groups.delete('*');
  return sorted(groups);
}

export function buildReadClusterRole(
  groups: readonly string[],
  labels: Readonly<Record<string, string>>,
): Manifest<V1ClusterRole> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: {
      name: ARGOCD_READ_ROLE,
      labels: { ...labels },
      annotations: {
        [WILDCARD_SUPPRESSION]:
          'Read only: Argo CD reads every resource of the listed API groups for discovery and health, and the resources of a CRD are not known when Kinko synthesizes. The core group is listed by resource, without secrets.',
      },
    },
    rules: [
      { apiGroups: [''], resources: [...CORE_READ_RESOURCES], verbs: [...READ] },
      { apiGroups: [...groups], resources: ['*'], verbs: [...READ] },
    ],
  };
}

function namedRule(
  resource: string,
  verbs: readonly string[],
  names: Set<string> | 'any',
): V1PolicyRule | undefined {
  if (names !== 'any' && names.size === 0) return undefined;
  return {
    apiGroups: [RBAC_GROUP],
    resources: [resource],
    verbs: [...verbs],
    ...(names === 'any' ? {} : { resourceNames: sorted(names) }),
  };
}

/** Rules of the cluster-scoped writes: by kind where a chart needs it, else by name. */
export function clusterWriteRules(grants: ArgoCdGrants): V1PolicyRule[] {
  const anyName: GroupResource[] = [];
  const named: V1PolicyRule[] = [];
  for (const key of sorted(grants.cluster.keys()) as GroupResource[]) {
    const names = grants.cluster.get(key);
    if (names === 'any') {
      anyName.push(key);
    } else if (names !== undefined) {
      const { group, resource } = splitKey(key);
      named.push({
        apiGroups: [group],
        resources: [resource],
        resourceNames: sorted(names),
        verbs: [...MANAGE_NAMED],
      });
    }
  }

  return [
    ...rulesByGroup(anyName, MANAGE),
    ...named,
    namedRule('clusterroles', ['escalate'], grants.clusterEscalate),
    namedRule('clusterroles', ['bind'], grants.clusterBind),
  ].filter((rule): rule is V1PolicyRule => rule !== undefined);
}

/** Rules of the writes in one namespace. */
export function namespaceWriteRules(grant: NamespaceGrant): V1PolicyRule[] {
  if (grant.anyResource) {
    return [
      { apiGroups: ['*'], resources: ['*'], verbs: [...MANAGE] },
      { apiGroups: [RBAC_GROUP], resources: ['roles'], verbs: ['escalate', 'bind'] },
      { apiGroups: [RBAC_GROUP], resources: ['clusterroles'], verbs: ['bind'] },
    ];
  }

  const bindRoles = new Set<string>();
  const bindClusterRoles = new Set<string>();
  for (const reference of grant.bindRoles) {
    const [kind, name] = reference.split('/');
    if (name === undefined) continue;
    if (kind === 'ClusterRole') bindClusterRoles.add(name);
    else bindRoles.add(name);
  }
  return [
    ...rulesByGroup(grant.resources, MANAGE),
    namedRule('roles', ['escalate'], grant.escalateRoles),
    namedRule('roles', ['bind'], bindRoles),
    namedRule('clusterroles', ['bind'], bindClusterRoles),
  ].filter((rule): rule is V1PolicyRule => rule !== undefined);
}

function subjects(group: string): RbacV1Subject[] {
  return [{ apiGroup: RBAC_GROUP, kind: 'Group', name: group }];
}

function clusterRoleBinding(
  name: string,
  group: string,
  labels: Readonly<Record<string, string>>,
): Manifest<V1ClusterRoleBinding> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name, labels: { ...labels } },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name },
    subjects: subjects(group),
  };
}

export interface ArgoCdRbacInputs {
  readonly grants: ArgoCdGrants;
  /** API groups of the objects and AppProject whitelists of the cluster's output. */
  readonly groups: Iterable<string>;
}

/**
 * Builds the RBAC objects: the read ClusterRole and binding, the cluster-scoped write ClusterRole
 * and binding, then a Role and RoleBinding per namespace, sorted by namespace.
 */
export function buildArgoCdRbac(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  inputs: ArgoCdRbacInputs,
  labels: Readonly<Record<string, string>>,
): Manifest<V1ClusterRole | V1ClusterRoleBinding | V1Role | V1RoleBinding>[] {
  const group = argoCdCapabilityGroup(platform, cluster);
  const objects: Manifest<V1ClusterRole | V1ClusterRoleBinding | V1Role | V1RoleBinding>[] = [
    buildReadClusterRole(readGroups(inputs.groups), labels),
    clusterRoleBinding(ARGOCD_READ_ROLE, group, labels),
  ];

  const clusterRules = clusterWriteRules(inputs.grants);
  if (clusterRules.length > 0) {
    objects.push(
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: ARGOCD_CLUSTER_WRITE_ROLE, labels: { ...labels } },
        rules: clusterRules,
      },
      clusterRoleBinding(ARGOCD_CLUSTER_WRITE_ROLE, group, labels),
    );
  }

  for (const namespace of sorted(inputs.grants.namespaces.keys())) {
    const grant = inputs.grants.namespaces.get(namespace);
    if (grant === undefined) continue;
    const annotations = grant.anyResource
      ? {
          [WILDCARD_SUPPRESSION]: `A Helm chart that Argo CD renders deploys into ${namespace}, so its kinds are not known when Kinko synthesizes; the chart's AppProject allows every namespaced kind here, and this Role matches it in this namespace only.`,
        }
      : undefined;
    objects.push(
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: {
          name: ARGOCD_DEPLOY_ROLE,
          namespace,
          labels: { ...labels },
          ...(annotations === undefined ? {} : { annotations }),
        },
        rules: namespaceWriteRules(grant),
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: ARGOCD_DEPLOY_ROLE, namespace, labels: { ...labels } },
        roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: ARGOCD_DEPLOY_ROLE },
        subjects: subjects(group),
      },
    );
  }
  return objects;
}

/**
 * Builds `argocd-cm` with the one setting Kinko needs: `resource.respectRBAC: normal`, so the
 * controller watches only the resource types it may read, and skips Secrets. The capability
 * reads this ConfigMap only with the label `app.kubernetes.io/part-of: argocd` (EKS User Guide,
 * "Configure Argo CD settings").
 */
export function buildArgoCdSettings(
  platform: ResolvedPlatform,
  labels: Readonly<Record<string, string>>,
): Manifest<V1ConfigMap> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'argocd-cm',
      namespace: platform.gitops.argocdNamespace,
      labels: { ...labels, 'app.kubernetes.io/part-of': 'argocd' },
    },
    data: { 'resource.respectRBAC': 'normal' },
  };
}

/**
 * The write rights of the Argo CD capability, derived from the synthesized Argo CD
 * Applications and AppProjects of one cluster. An Application that syncs a folder of the output
 * needs the kinds (and, cluster-wide, the names) of the objects in that folder. An Application
 * that installs a Helm chart needs what its AppProject allows, because Argo CD renders the chart
 * and its objects are not in the output.
 */
import type { AppProject, Application, ArgoGroupKind } from './argocd-types.js';
import { ManifestBuildError } from './errors.js';
import type { KubeObject } from './kube-object.js';
import { groupOfApiVersion, resourceOfKind } from './argocd-rbac-resources.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** `group/resource`, the key of a grant. */
export type GroupResource = `${string}/${string}`;

/** Write rights inside one namespace. */
export interface NamespaceGrant {
  /** Resources by `group/resource`; empty when `anyResource` covers them. */
  readonly resources: Set<GroupResource>;
  /** Every resource, because a chart's AppProject allows every namespaced kind here. */
  anyResource: boolean;
  /** Roles that Argo CD may create with rights it does not hold itself (RBAC `escalate`). */
  readonly escalateRoles: Set<string>;
  /** Roles and ClusterRoles that RoleBindings here may reference (RBAC `bind`), by `Kind/name`. */
  readonly bindRoles: Set<string>;
}

/** Write rights on cluster-scoped resources, by `group/resource`: object names, or any name. */
export type ClusterGrants = Map<GroupResource, Set<string> | 'any'>;

export interface ArgoCdGrants {
  readonly namespaces: Map<string, NamespaceGrant>;
  readonly cluster: ClusterGrants;
  /** ClusterRoles that Argo CD may create with rights it does not hold: names, or any name. */
  clusterEscalate: Set<string> | 'any';
  /** ClusterRoles that ClusterRoleBindings may reference: names, or any name. */
  clusterBind: Set<string> | 'any';
}

function groupResource(group: string, kind: string): GroupResource {
  return `${group}/${resourceOfKind(kind)}`;
}

function namespaceGrant(grants: ArgoCdGrants, namespace: string): NamespaceGrant {
  let grant = grants.namespaces.get(namespace);
  if (grant === undefined) {
    grant = {
      resources: new Set(),
      anyResource: false,
      escalateRoles: new Set(),
      bindRoles: new Set(),
    };
    grants.namespaces.set(namespace, grant);
  }
  return grant;
}

function addClusterName(grants: ArgoCdGrants, key: GroupResource, name: string | 'any'): void {
  const current = grants.cluster.get(key);
  if (current === 'any') return;
  if (name === 'any') {
    grants.cluster.set(key, 'any');
    return;
  }
  grants.cluster.set(key, new Set([...(current ?? []), name]));
}

function addNamed(target: Set<string> | 'any', name: string): Set<string> | 'any' {
  if (target === 'any') return target;
  target.add(name);
  return target;
}

function roleRefOf(object: KubeObject): { kind: string; name: string } | undefined {
  const roleRef = (object as KubeObject & { roleRef?: { kind?: string; name?: string } }).roleRef;
  if (roleRef?.kind === undefined || roleRef.name === undefined) return undefined;
  return { kind: roleRef.kind, name: roleRef.name };
}

/** Adds the rights to sync the objects of one folder: kinds per namespace, names cluster-wide. */
function addFolderObjects(
  grants: ArgoCdGrants,
  objects: readonly KubeObject[],
  destinationNamespace: string,
): void {
  for (const object of objects) {
    const group = groupOfApiVersion(object.apiVersion);
    const key = groupResource(group, object.kind);
    const namespace = object.metadata.namespace;

    if (namespace === undefined) {
      addClusterName(grants, key, object.metadata.name);
      if (group === RBAC_GROUP && object.kind === 'ClusterRole') {
        grants.clusterEscalate = addNamed(grants.clusterEscalate, object.metadata.name);
      }
      const roleRef = roleRefOf(object);
      if (group === RBAC_GROUP && object.kind === 'ClusterRoleBinding' && roleRef !== undefined) {
        grants.clusterBind = addNamed(grants.clusterBind, roleRef.name);
      }
      continue;
    }

    const grant = namespaceGrant(grants, namespace === '' ? destinationNamespace : namespace);
    grant.resources.add(key);
    if (group === RBAC_GROUP && object.kind === 'Role') {
      grant.escalateRoles.add(object.metadata.name);
    }
    const roleRef = roleRefOf(object);
    if (group === RBAC_GROUP && object.kind === 'RoleBinding' && roleRef !== undefined) {
      grant.bindRoles.add(`${roleRef.kind}/${roleRef.name}`);
    }
  }
}

/** Adds the rights a chart Application needs: what its AppProject allows, by kind only. */
function addProjectKinds(
  grants: ArgoCdGrants,
  project: AppProject,
  destinationNamespace: string,
): void {
  const grant = namespaceGrant(grants, destinationNamespace);
  for (const { group, kind } of project.spec.namespaceResourceWhitelist) {
    if (group === '*' || kind === '*') grant.anyResource = true;
    else grant.resources.add(groupResource(group, kind));
  }

  for (const { group, kind } of project.spec.clusterResourceWhitelist) {
    // A chart project allows Namespaces for `CreateNamespace=true`, which creates only the
    // destination, so the right stays limited to that name.
    if (group === '' && kind === 'Namespace')
      addClusterName(grants, '/namespaces', destinationNamespace);
    else addClusterKind(grants, { group, kind });
  }
}

function addClusterKind(grants: ArgoCdGrants, { group, kind }: ArgoGroupKind): void {
  addClusterName(grants, groupResource(group, kind), 'any');
  // NOTE: Kinko does not render the charts, so it cannot name their ClusterRoles, and the rights
  // below let the capability bind itself to any ClusterRole, cluster-admin included.
  if (group === RBAC_GROUP && kind === 'ClusterRole') grants.clusterEscalate = 'any';
  if (group === RBAC_GROUP && kind === 'ClusterRoleBinding') grants.clusterBind = 'any';
}

/** Namespace that `CreateNamespace=true` makes Argo CD create and label, if the option is set. */
function managedNamespace(application: Application): string | undefined {
  const creates = application.spec.syncPolicy.syncOptions.includes('CreateNamespace=true');
  return creates ? application.spec.destination.namespace : undefined;
}

export interface GrantInputs {
  readonly applications: readonly Application[];
  readonly projects: readonly AppProject[];
  /** Objects of each output folder, by the repository path an Application syncs it from. */
  readonly foldersByPath: ReadonlyMap<string, readonly KubeObject[]>;
}

/**
 * Derives the write rights of every Application. Throws when an Application names a project
 * that is not in the output, since its rights could then not be bounded.
 */
export function deriveArgoCdGrants(inputs: GrantInputs): ArgoCdGrants {
  const grants: ArgoCdGrants = {
    namespaces: new Map(),
    cluster: new Map(),
    clusterEscalate: new Set(),
    clusterBind: new Set(),
  };
  const projects = new Map(inputs.projects.map((project) => [project.metadata.name, project]));

  for (const application of inputs.applications) {
    const project = projects.get(application.spec.project);
    if (project === undefined) {
      throw new ManifestBuildError(
        'KUBE_ARGO_PROJECT_NOT_FOUND',
        `Argo CD Application ${application.metadata.name} names AppProject ${application.spec.project}, which is not in the synthesized output.`,
      );
    }
    const destination = application.spec.destination.namespace;
    const path = application.spec.source.path;
    const folder = path === undefined ? undefined : inputs.foldersByPath.get(path);

    if (folder === undefined) addProjectKinds(grants, project, destination);
    else addFolderObjects(grants, folder, destination);

    const created = managedNamespace(application);
    if (created !== undefined) addClusterName(grants, '/namespaces', created);
  }
  return grants;
}

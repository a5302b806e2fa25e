/**
 * Argo CD objects for one system: an AppProject that confines the system to its namespace, and
 * an Application that keeps the namespace in sync with the synthesized manifests in git.
 */
import { posix } from 'node:path';

import type { ResolvedCluster, ResolvedPlatform, ResolvedSystem } from '../model/platform.js';
import type { AppProject, Application, ArgoGroupKind } from './argocd-types.js';
import type { KubeObject, Manifest } from './kube-object.js';
import { clusterArn, systemArgoName } from './names.js';

/** Git path of one namespace folder of one cluster, inside the synthesized output. */
export function manifestFolderPath(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  namespace: string,
): string {
  const joined = posix.join(platform.gitops.path, 'k8s', cluster.name, namespace);
  // Argo CD takes paths relative to the repository root, without a leading `./` or `/`.
  return joined.replace(/^(\.\/|\/)+/, '');
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** Distinct group/kind pairs of `objects`, sorted, for an AppProject whitelist. */
function groupKinds(objects: readonly KubeObject[]): ArgoGroupKind[] {
  const unique = new Map<string, ArgoGroupKind>();
  for (const object of objects) {
    const group = groupOf(object.apiVersion);
    unique.set(`${group}/${object.kind}`, { group, kind: object.kind });
  }
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, value]) => value);
}

/**
 * Builds the system's AppProject. Its whitelists name exactly the kinds Kinko generates for the
 * system, so Argo CD rejects anything else in the folder, a Secret included. Its one
 * destination is the system's namespace. The cluster-scoped kinds (the Namespace itself and the
 * shared-files PersistentVolume) are not limited by name here, but the capability's RBAC
 * (argocd-rbac.ts) lets Argo CD write only the names in the synthesized folder, so another
 * Namespace or PersistentVolume added in git fails to sync.
 */
export function buildSystemProject(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  system: ResolvedSystem,
  systemObjects: readonly KubeObject[],
  labels: Readonly<Record<string, string>>,
): Manifest<AppProject> {
  const clusterScoped = systemObjects.filter((object) => object.metadata.namespace === undefined);
  const namespaced = systemObjects.filter((object) => object.metadata.namespace !== undefined);

  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: systemArgoName(system),
      namespace: platform.gitops.argocdNamespace,
      labels: { ...labels },
    },
    spec: {
      description: `${system.displayName}: namespace ${system.namespace} only`,
      sourceNamespaces: [platform.gitops.argocdNamespace],
      sourceRepos: [platform.gitops.repoURL],
      destinations: [{ server: clusterArn(platform, cluster), namespace: system.namespace }],
      clusterResourceWhitelist: groupKinds(clusterScoped),
      namespaceResourceWhitelist: groupKinds(namespaced),
    },
  };
}

/**
 * Builds the system's Application. Automated sync with `selfHeal` reverts changes made to the
 * cluster outside git, and `prune` removes what was deleted from git. `ServerSideApply` matches
 * how `kinko apply` applies the same files; `PruneLast` deletes only after everything else is
 * synced and healthy.
 */
export function buildSystemApplication(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  system: ResolvedSystem,
  labels: Readonly<Record<string, string>>,
): Manifest<Application> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: systemArgoName(system),
      namespace: platform.gitops.argocdNamespace,
      labels: { ...labels },
    },
    spec: {
      project: systemArgoName(system),
      source: {
        repoURL: platform.gitops.repoURL,
        targetRevision: platform.gitops.targetRevision,
        path: manifestFolderPath(platform, cluster, system.namespace),
      },
      destination: { server: clusterArn(platform, cluster), namespace: system.namespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['ServerSideApply=true', 'PruneLast=true'],
      },
    },
  };
}

/**
 * Argo CD objects for one system: an AppProject that confines the system to its namespace, and
 * an Application that keeps the namespace in sync with the synthesized manifests in git.
 */
import { posix } from 'node:path';

import type { ResolvedCluster, ResolvedPlatform, ResolvedSystem } from '../model/platform.js';
import { LABEL_COLOUR } from '../model/platform.js';
import { previewServiceName } from './app-colour.js';
import type {
  AppProject,
  Application,
  ArgoGroupKind,
  ArgoIgnoredDifference,
} from './argocd-types.js';
import type { KubeObject, Manifest } from './kube-object.js';
import { clusterArn, systemArgoName, virtualServerName } from './names.js';

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
  const ignored = switchedFields(system);
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
        syncOptions: [
          'ServerSideApply=true',
          'PruneLast=true',
          ...(ignored.length === 0 ? [] : ['RespectIgnoreDifferences=true']),
        ],
      },
      ...(ignored.length === 0 ? {} : { ignoreDifferences: ignored }),
    },
  };
}

/**
 * Lists the fields `kinko switch app` writes in the cluster. Without this, self-heal would put the
 * colour from git back at its next reconciliation. With `RespectIgnoreDifferences=true`, a sync
 * keeps the field as the cluster has it, so git's `blueGreen.live` sets the colour only when the
 * object is first created. After that, `kinko switch app` moves it. Each entry names
 * one object and one field: the rest of the object still syncs from git. A Rollout needs no
 * entry, because promote and abort write its status, which Argo CD does not diff.
 */
function switchedFields(system: ResolvedSystem): ArgoIgnoredDifference[] {
  const colourSelector = `.spec.selector["${LABEL_COLOUR}"]`;
  const fields = system.apps.flatMap((app): ArgoIgnoredDifference[] => {
    if (app.blueGreen?.method === 'service') {
      return [app.name, previewServiceName(app)].map((name) => ({
        group: '',
        kind: 'Service',
        name,
        namespace: system.namespace,
        jqPathExpressions: [colourSelector],
      }));
    }
    if (app.blueGreen?.method === 'upstream') {
      return [
        {
          group: 'k8s.nginx.org',
          kind: 'VirtualServer',
          name: virtualServerName(system),
          namespace: system.namespace,
          jqPathExpressions: [
            `.spec.routes[] | select(.path == ${JSON.stringify(app.routePath)}) | .action.pass`,
          ],
        },
      ];
    }
    return [];
  });
  return fields;
}

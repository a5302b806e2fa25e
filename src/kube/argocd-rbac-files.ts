/**
 * The bootstrap files of the Argo CD capability in a cluster's `argocd/` folder: its settings
 * and its RBAC. Both derive from every other file of the cluster, so a platform part that adds
 * an Application or a folder is covered without a change here.
 */
import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import { deriveArgoCdGrants } from './argocd-rbac-grants.js';
import { groupOfApiVersion } from './argocd-rbac-resources.js';
import {
  ARGOCD_CLUSTER_WRITE_ROLE,
  ARGOCD_READ_ROLE,
  buildArgoCdRbac,
  buildArgoCdSettings,
} from './argocd-rbac.js';
import { manifestFolderPath } from './argocd-system.js';
import type { AppProject, Application } from './argocd-types.js';
import type { KubeObject } from './kube-object.js';
import { ledgerEntry, type ManifestLedgerEntry } from './ledger.js';
import { manifestFilePath, type ManifestFile } from './manifest-file.js';

/** File of the capability's RBAC; it sorts after the cluster registration. */
export const ARGOCD_RBAC_FILE = '05-capability-rbac.yaml';
/** File of `argocd-cm`. */
export const ARGOCD_SETTINGS_FILE = '01-settings.yaml';

export interface ArgoCdBootstrapFiles {
  files: ManifestFile[];
  ledger: ManifestLedgerEntry[];
}

function isApplication(object: KubeObject): object is KubeObject & Application {
  return object.apiVersion === 'argoproj.io/v1alpha1' && object.kind === 'Application';
}

function isAppProject(object: KubeObject): object is KubeObject & AppProject {
  return object.apiVersion === 'argoproj.io/v1alpha1' && object.kind === 'AppProject';
}

/**
 * Builds the settings and RBAC files from `files`, the cluster's other manifest files, and
 * `systemObjects`, the objects of each system folder by namespace.
 */
export function buildArgoCdBootstrapFiles(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  files: readonly ManifestFile[],
  systemObjects: ReadonlyMap<string, readonly KubeObject[]>,
  labels: Readonly<Record<string, string>>,
): ArgoCdBootstrapFiles {
  const folders = new Map<string, KubeObject[]>();
  for (const [namespace, objects] of systemObjects) folders.set(namespace, [...objects]);
  for (const file of files) {
    folders.set(file.namespace, [...(folders.get(file.namespace) ?? []), ...file.objects]);
  }

  const foldersByPath = new Map<string, readonly KubeObject[]>();
  const groups = new Set<string>();
  const applications: Application[] = [];
  const projects: AppProject[] = [];
  for (const [folder, objects] of folders) {
    foldersByPath.set(manifestFolderPath(platform, cluster, folder), objects);
    for (const object of objects) {
      groups.add(groupOfApiVersion(object.apiVersion));
      if (isApplication(object)) applications.push(object);
      if (isAppProject(object)) {
        projects.push(object);
        for (const entry of [
          ...object.spec.clusterResourceWhitelist,
          ...object.spec.namespaceResourceWhitelist,
        ]) {
          groups.add(entry.group);
        }
      }
    }
  }

  const grants = deriveArgoCdGrants({ applications, projects, foldersByPath });
  const rbac = buildArgoCdRbac(platform, cluster, { grants, groups }, labels);
  const settings = buildArgoCdSettings(platform, labels);
  const argocd = platform.gitops.argocdNamespace;
  const rbacFile = { cluster: cluster.name, namespace: argocd, fileName: ARGOCD_RBAC_FILE };
  const settingsFile = { cluster: cluster.name, namespace: argocd, fileName: ARGOCD_SETTINGS_FILE };

  const ledger = rbac
    .filter(
      (object) =>
        object.kind === 'ClusterRole' &&
        (object.metadata.name === ARGOCD_READ_ROLE ||
          object.metadata.name === ARGOCD_CLUSTER_WRITE_ROLE),
    )
    .map((object) =>
      ledgerEntry(
        'S6',
        cluster.name,
        manifestFilePath(rbacFile),
        object,
        object.metadata.name === ARGOCD_READ_ROLE
          ? {
              en: 'The Argo CD capability reads cluster-wide for discovery and health, but not Secrets.',
              ja: 'Argo CD ケーパビリティは検出とヘルスチェックのためにクラスター全体を読み取るが、Secret は読み取らない。',
            }
          : {
              en: 'The Argo CD capability writes cluster-scoped objects only of the kinds its Applications deploy, and by name where the objects are in the output.',
              ja: 'Argo CD ケーパビリティがクラスタースコープで書き込めるのは、Application が配置する種類のオブジェクトだけで、出力にあるオブジェクトは名前でも限定する。',
            },
      ),
    );

  return {
    files: [
      { ...settingsFile, objects: [settings] },
      { ...rbacFile, objects: rbac },
    ],
    ledger,
  };
}

/**
 * The mesh's platform-level manifest files of one cluster: the mesh namespace folder (the
 * Namespace and the mesh-wide STRICT PeerAuthentication) and the Argo CD Applications that
 * install Istio. The per-system parts (enrolment label, STRICT PeerAuthentication, HBONE and
 * probe policies) are built with each system's manifests.
 */
import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import type { AppProject } from './argocd-types.js';
import type { KubeObject, Manifest } from './kube-object.js';
import { ledgerEntry, type ManifestLedgerEntry } from './ledger.js';
import { manifestFilePath, type ManifestFile } from './manifest-file.js';
import { MESH_CONFIG_APP_NAME, buildMeshApplications, buildMeshProject } from './mesh-argocd.js';
import { MESH_SUMMARIES } from './mesh-summaries.js';
import { MESH_NAMESPACE, buildMeshNamespace, buildStrictPeerAuthentication } from './mesh.js';

export interface MeshManifests {
  files: ManifestFile[];
  ledger: ManifestLedgerEntry[];
  /** The mesh AppProject, which the caller writes with the other AppProjects. */
  project: Manifest<AppProject>;
}

/** Builds the mesh files; `argocdFileName` names the file of the mesh Applications. */
export function buildMeshManifests(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  labels: Readonly<Record<string, string>>,
  argocdFileName: string,
): MeshManifests {
  const files: ManifestFile[] = [];
  const ledger: ManifestLedgerEntry[] = [];
  const addFile = (namespace: string, fileName: string, objects: KubeObject[]): string => {
    const file = { cluster: cluster.name, namespace, fileName, objects };
    files.push(file);
    return manifestFilePath(file);
  };

  addFile(MESH_NAMESPACE, '00-namespace.yaml', [buildMeshNamespace(labels)]);

  const meshWide = buildStrictPeerAuthentication(MESH_NAMESPACE, labels);
  const meshWidePath = addFile(MESH_NAMESPACE, '10-peer-authentication.yaml', [meshWide]);
  ledger.push(
    ledgerEntry(
      'S5',
      cluster.name,
      meshWidePath,
      meshWide,
      MESH_SUMMARIES.meshWidePeerAuthentication(),
    ),
  );

  const applications = buildMeshApplications(platform, cluster, labels);
  const applicationsPath = addFile(platform.gitops.argocdNamespace, argocdFileName, applications);
  for (const application of applications) {
    const name = application.metadata.name;
    const summary =
      name === MESH_CONFIG_APP_NAME
        ? MESH_SUMMARIES.configApplication()
        : MESH_SUMMARIES.chartApplication(application.spec.source.chart ?? name, name);
    ledger.push(ledgerEntry('S5', cluster.name, applicationsPath, application, summary));
  }

  return { files, ledger, project: buildMeshProject(platform, cluster, labels) };
}

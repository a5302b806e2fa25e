/**
 * The platform-level manifest files of one cluster: the Argo CD folder (cluster registration,
 * projects, Applications) and the ingress controller's namespace.
 */
import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import { buildClusterRegistration } from './argocd-cluster.js';
import { buildSystemApplication, buildSystemProject } from './argocd-system.js';
import { buildIngressControllerApplication, buildPlatformProject } from './ingress-controller.js';
import { buildIngressNetworkPolicies } from './ingress-network-policies.js';
import type { KubeObject } from './kube-object.js';
import { platformLabels, systemLabels } from './labels.js';
import { ledgerEntry, SUMMARIES, type ManifestLedgerEntry } from './ledger.js';
import { manifestFilePath, type ManifestFile } from './manifest-file.js';
import { buildNamespace } from './namespace.js';

export interface PlatformManifests {
  files: ManifestFile[];
  ledger: ManifestLedgerEntry[];
}

/**
 * Builds the platform files. `systemObjects` maps each system's namespace to the objects
 * generated for it, from which its AppProject whitelists are derived.
 */
export function buildPlatformManifests(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  systemObjects: ReadonlyMap<string, readonly KubeObject[]>,
): PlatformManifests {
  const files: ManifestFile[] = [];
  const ledger: ManifestLedgerEntry[] = [];
  const labels = platformLabels(platform);
  const argocd = platform.gitops.argocdNamespace;

  const addFile = (namespace: string, fileName: string, objects: KubeObject[]): string => {
    const file = { cluster: cluster.name, namespace, fileName, objects };
    files.push(file);
    return manifestFilePath(file);
  };

  const ingressNamespace = buildNamespace(platform.ingress.namespace, labels);
  const ingressNamespacePath = addFile(platform.ingress.namespace, '00-namespace.yaml', [
    ingressNamespace,
  ]);
  ledger.push(
    ledgerEntry(
      'S2',
      cluster.name,
      ingressNamespacePath,
      ingressNamespace,
      SUMMARIES.podSecurityAdmission(platform.ingress.namespace),
    ),
  );
  addFile(
    platform.ingress.namespace,
    '20-network-policies.yaml',
    buildIngressNetworkPolicies(platform, labels),
  );

  addFile(argocd, '00-cluster.yaml', [buildClusterRegistration(platform, cluster, labels)]);

  const systemProjects = platform.systems.map((system) =>
    buildSystemProject(
      platform,
      cluster,
      system,
      systemObjects.get(system.namespace) ?? [],
      systemLabels(platform, system),
    ),
  );
  const projectsPath = addFile(argocd, '10-projects.yaml', [
    buildPlatformProject(platform, cluster, labels),
    ...systemProjects,
  ]);
  platform.systems.forEach((system, index) => {
    const project = systemProjects[index];
    if (project === undefined) return;
    ledger.push(
      ledgerEntry('S6', cluster.name, projectsPath, project, SUMMARIES.argoProject(system)),
    );
  });

  const controller = buildIngressControllerApplication(platform, cluster, labels);
  const controllerPath = addFile(argocd, '20-ingress-controller.yaml', [controller]);
  ledger.push(
    ledgerEntry(
      'S1',
      cluster.name,
      controllerPath,
      controller,
      SUMMARIES.ingressControllerSecurity(platform),
    ),
  );

  addFile(
    argocd,
    '30-systems.yaml',
    platform.systems.map((system) =>
      buildSystemApplication(platform, cluster, system, systemLabels(platform, system)),
    ),
  );

  return { files, ledger };
}

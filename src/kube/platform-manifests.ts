/**
 * The platform-level manifest files of one cluster: the Argo CD folder (cluster registration,
 * projects, Applications), the ingress controller's namespace and the service mesh's namespace.
 */
import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import { buildClusterRegistration } from './argocd-cluster.js';
import { buildArgoCdBootstrapFiles } from './argocd-rbac-files.js';
import { buildAdmissionPolicyFile } from './admission-policies.js';
import { buildGuardManifests } from './guard/manifests.js';
import { buildSystemApplication, buildSystemProject } from './argocd-system.js';
import { buildIngressControllerApplication, buildPlatformProject } from './ingress-controller.js';
import { buildIngressNetworkPolicies } from './ingress-network-policies.js';
import type { KubeObject } from './kube-object.js';
import { platformLabels, systemLabels } from './labels.js';
import { ledgerEntry, SUMMARIES, type ManifestLedgerEntry } from './ledger.js';
import { manifestFilePath, type ManifestFile } from './manifest-file.js';
import { buildMeshManifests } from './mesh-manifests.js';
import { buildIngressMeshNetworkPolicies } from './mesh-network-policies.js';
import { MESH_SUMMARIES } from './mesh-summaries.js';
import { meshEnrolmentLabels } from './mesh.js';
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

  // The controller's namespace joins the mesh, so its connections to the system pods are HBONE
  // and meet their STRICT mTLS.
  const ingressNamespace = buildNamespace(platform.ingress.namespace, {
    ...labels,
    ...meshEnrolmentLabels(),
  });
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
  ledger.push(
    ledgerEntry(
      'S5',
      cluster.name,
      ingressNamespacePath,
      ingressNamespace,
      MESH_SUMMARIES.namespaceEnrolment(platform.ingress.namespace),
    ),
  );
  addFile(
    platform.ingress.namespace,
    '20-network-policies.yaml',
    buildIngressNetworkPolicies(platform, labels),
  );
  const ingressMeshPolicies = buildIngressMeshNetworkPolicies(platform, labels);
  const ingressMeshPoliciesPath = addFile(
    platform.ingress.namespace,
    '25-mesh-network-policies.yaml',
    ingressMeshPolicies,
  );
  for (const policy of ingressMeshPolicies) {
    ledger.push(
      ledgerEntry(
        'S5',
        cluster.name,
        ingressMeshPoliciesPath,
        policy,
        MESH_SUMMARIES.networkPolicy(policy.metadata.name, platform.ingress.namespace),
      ),
    );
  }

  // The mesh Applications sort before the ingress controller's, since the controller's
  // namespace is enrolled in the mesh.
  const mesh = buildMeshManifests(platform, cluster, labels, '15-mesh.yaml');
  files.push(...mesh.files);
  ledger.push(...mesh.ledger);

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
    mesh.project,
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

  const guard = buildGuardManifests(platform, cluster);
  files.push(...guard.files);
  ledger.push(...guard.ledger);

  const admissionPolicies = buildAdmissionPolicyFile(platform, cluster, labels);
  files.push(admissionPolicies.file);
  ledger.push(...admissionPolicies.ledger);

  // Last, so that the capability's RBAC covers every Application and folder built above.
  const bootstrap = buildArgoCdBootstrapFiles(platform, cluster, files, systemObjects, labels);
  files.push(...bootstrap.files);
  ledger.push(...bootstrap.ledger);

  return { files, ledger };
}

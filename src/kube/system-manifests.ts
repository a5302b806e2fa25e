/**
 * The manifest files of one system in one cluster, and their ledger entries.
 *
 * File names sort in dependency order, so `kubectl apply -f` on the folder creates each object
 * after the ones it refers to. The namespace comes first, then identities and rights, policies,
 * the secret mapping and the shared-files claim. The workloads follow, and the route that points
 * at their Services comes last.
 */
import type { ResolvedCluster, ResolvedPlatform, ResolvedSystem } from '../model/platform.js';
import { buildAppObjects } from './app-workloads.js';
import type { KubeObject } from './kube-object.js';
import { ledgerEntry, SUMMARIES, type ManifestLedgerEntry } from './ledger.js';
import { manifestFilePath, type ManifestFile } from './manifest-file.js';
import { buildSystemMeshNetworkPolicies } from './mesh-network-policies.js';
import { MESH_SUMMARIES } from './mesh-summaries.js';
import { buildStrictPeerAuthentication, meshEnrolmentLabels } from './mesh.js';
import { buildNamespace } from './namespace.js';
import { buildNetworkPolicies } from './network-policies.js';
import { buildAdminRole, buildAdminRoleBinding } from './rbac.js';
import { buildSecretProviderClass } from './secret-provider-class.js';
import { buildServiceAccount } from './service-account.js';
import { buildSharedFilesClaim, buildSharedFilesVolume } from './shared-files.js';
import { buildEfsClaim, buildEfsVolume, EFS_SUMMARIES } from './efs.js';
import { appLabels, systemLabels } from './labels.js';
import { buildVirtualServer } from './virtual-server.js';

export interface SystemManifests {
  files: ManifestFile[];
  ledger: ManifestLedgerEntry[];
}

export function buildSystemManifests(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  system: ResolvedSystem,
): SystemManifests {
  const files: ManifestFile[] = [];
  const ledger: ManifestLedgerEntry[] = [];
  const labels = systemLabels(platform, system);

  const addFile = (fileName: string, objects: KubeObject[]): string => {
    const file = { cluster: cluster.name, namespace: system.namespace, fileName, objects };
    files.push(file);
    return manifestFilePath(file);
  };
  const record = (
    practice: ManifestLedgerEntry['practice'],
    path: string,
    object: KubeObject,
    summary: ManifestLedgerEntry['summary'],
  ): void => {
    ledger.push(ledgerEntry(practice, cluster.name, path, object, summary));
  };

  const namespace = buildNamespace(system.namespace, { ...labels, ...meshEnrolmentLabels() });
  const namespacePath = addFile('00-namespace.yaml', [namespace]);
  record('S6', namespacePath, namespace, SUMMARIES.namespaceIsolation(system));
  record('S2', namespacePath, namespace, SUMMARIES.podSecurityAdmission(system.namespace));
  record('S5', namespacePath, namespace, MESH_SUMMARIES.namespaceEnrolment(system.namespace));

  const serviceAccount = buildServiceAccount(system, labels);
  const role = buildAdminRole(system, labels);
  const roleBinding = buildAdminRoleBinding(system, labels);
  const rbacPath = addFile('10-rbac.yaml', [serviceAccount, role, roleBinding]);
  record('S7', rbacPath, serviceAccount, SUMMARIES.serviceAccount(system));
  record('S6', rbacPath, role, SUMMARIES.adminRole(system));
  record('S6', rbacPath, roleBinding, SUMMARIES.adminRoleBinding(system));

  const policies = buildNetworkPolicies(platform, system, labels);
  const policiesPath = addFile('20-network-policies.yaml', policies);
  for (const policy of policies) {
    record(
      'S8',
      policiesPath,
      policy,
      SUMMARIES.networkPolicy(policy.metadata.name, system.namespace),
    );
  }

  // STRICT mTLS, and the HBONE and probe paths that the default deny would otherwise close.
  const peerAuthentication = buildStrictPeerAuthentication(system.namespace, labels);
  const meshPolicies = buildSystemMeshNetworkPolicies(platform, system, labels);
  const meshPath = addFile('25-mesh.yaml', [peerAuthentication, ...meshPolicies]);
  record('S5', meshPath, peerAuthentication, MESH_SUMMARIES.systemPeerAuthentication(system));
  for (const policy of meshPolicies) {
    record(
      'S5',
      meshPath,
      policy,
      MESH_SUMMARIES.networkPolicy(policy.metadata.name, system.namespace),
    );
  }

  const secretProviderClass = buildSecretProviderClass(platform, system, labels);
  const secretsPath = addFile('30-secrets.yaml', [secretProviderClass]);
  record('S4', secretsPath, secretProviderClass, SUMMARIES.secretProviderClass(system));

  // The claim's file sorts before the app files, so the claim exists before any pod mounts it.
  const sharedFiles = system.sharedFiles;
  if (sharedFiles !== undefined) {
    const volume = buildSharedFilesVolume(platform, system, sharedFiles, labels);
    const claim = buildSharedFilesClaim(system, sharedFiles, labels);
    const sharedPath = addFile('35-shared-files.yaml', [volume, claim]);
    record('R5', sharedPath, volume, SUMMARIES.sharedFilesVolume(system, sharedFiles.prefix));
    record('R5', sharedPath, claim, SUMMARIES.sharedFilesClaim(system, sharedFiles.mountPath));
  }
  const efs = system.efs;
  if (efs?.volumeHandle !== undefined) {
    const efsVolume = buildEfsVolume(system, efs, efs.volumeHandle, labels);
    const efsClaim = buildEfsClaim(system, efs, labels);
    const efsPath = addFile('36-efs.yaml', [efsVolume, efsClaim]);
    record('R5', efsPath, efsVolume, EFS_SUMMARIES.volume(system, efs));
    record('R5', efsPath, efsClaim, EFS_SUMMARIES.claim(system, efs));
  }

  for (const app of system.apps) {
    const labelsOfApp = appLabels(platform, system, app);
    const { workloads, services, budgets } = buildAppObjects(system, app, labelsOfApp);
    const appPath = addFile(`40-${app.name}.yaml`, [...workloads, ...services, ...budgets]);
    for (const workload of workloads) {
      record('S1', appPath, workload, SUMMARIES.securityContext(app));
      record('R2', appPath, workload, SUMMARIES.topologySpread(app));
      record('R6', appPath, workload, SUMMARIES.preStop(app));
    }
    for (const budget of budgets) {
      record('R6', appPath, budget, SUMMARIES.disruptionBudget(app));
    }
    // The object a switch patches carries the blue/green entry; upstream apps get theirs on
    // the VirtualServer below.
    const switched =
      app.blueGreen?.method === 'service'
        ? services.find((service) => service.metadata.name === app.name)
        : app.blueGreen?.method === 'rollout'
          ? workloads[0]
          : undefined;
    if (switched !== undefined) record('R3', appPath, switched, SUMMARIES.appBlueGreen(app));
  }

  const virtualServer = buildVirtualServer(platform, system, labels);
  const routePath = addFile('50-route.yaml', [virtualServer]);
  for (const app of system.apps) {
    if (app.blueGreen?.method === 'upstream') {
      record('R3', routePath, virtualServer, SUMMARIES.appBlueGreen(app));
    }
  }

  return { files, ledger };
}

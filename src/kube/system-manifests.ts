/**
 * The manifest files of one system in one cluster, and their ledger entries.
 *
 * File names sort in dependency order, so `kubectl apply -f` on the folder creates each object
 * after the ones it refers to. The namespace comes first, then identities and rights, policies,
 * the secret mapping and the shared-files claim. The workloads follow, and the route that points
 * at their Services comes last.
 */
import type { ResolvedCluster, ResolvedPlatform, ResolvedSystem } from '../model/platform.js';
import { buildDeployment } from './deployment.js';
import type { KubeObject } from './kube-object.js';
import { ledgerEntry, SUMMARIES, type ManifestLedgerEntry } from './ledger.js';
import { manifestFilePath, type ManifestFile } from './manifest-file.js';
import { buildNamespace } from './namespace.js';
import { buildNetworkPolicies } from './network-policies.js';
import { buildPodDisruptionBudget } from './pod-disruption-budget.js';
import { buildAdminRole, buildAdminRoleBinding } from './rbac.js';
import { buildSecretProviderClass } from './secret-provider-class.js';
import { buildService } from './service.js';
import { buildServiceAccount } from './service-account.js';
import { buildSharedFilesClaim, buildSharedFilesVolume } from './shared-files.js';
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

  const namespace = buildNamespace(system.namespace, labels);
  const namespacePath = addFile('00-namespace.yaml', [namespace]);
  record('S6', namespacePath, namespace, SUMMARIES.namespaceIsolation(system));
  record('S2', namespacePath, namespace, SUMMARIES.podSecurityAdmission(system.namespace));

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

  for (const app of system.apps) {
    const labelsOfApp = appLabels(platform, system, app);
    const deployment = buildDeployment(system, app, labelsOfApp);
    const service = buildService(system, app, labelsOfApp);
    const budget = buildPodDisruptionBudget(system, app, labelsOfApp);
    const appPath = addFile(`40-${app.name}.yaml`, [deployment, service, budget]);
    record('S1', appPath, deployment, SUMMARIES.securityContext(app));
    record('R2', appPath, deployment, SUMMARIES.topologySpread(app));
    record('R6', appPath, deployment, SUMMARIES.preStop(app));
    record('R6', appPath, budget, SUMMARIES.disruptionBudget(app));
  }

  addFile('50-route.yaml', [buildVirtualServer(platform, system, labels)]);

  return { files, ledger };
}

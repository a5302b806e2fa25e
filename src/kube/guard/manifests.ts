/**
 * The manifest files of the guard in one cluster, in the folder of its namespace. File names sort
 * in dependency order: the namespace, the identity, the policies, the certificates, the workload,
 * and last the webhook configuration, which must not send reviews before the guard can respond.
 */
import type { ResolvedCluster, ResolvedPlatform } from '../../model/platform.js';
import type { KubeObject } from '../kube-object.js';
import { platformLabels } from '../labels.js';
import { ledgerEntry, type ManifestLedgerEntry } from '../ledger.js';
import { manifestFilePath, type ManifestFile } from '../manifest-file.js';
import { buildGuardCertificates } from './certificates.js';
import { buildGuardNamespace, buildGuardNetworkPolicies } from './namespace.js';
import { buildGuardWebhookConfiguration } from './webhook.js';
import {
  buildGuardDeployment,
  buildGuardPodDisruptionBudget,
  buildGuardService,
  buildGuardServiceAccount,
} from './workload.js';

export interface GuardManifests {
  files: ManifestFile[];
  ledger: ManifestLedgerEntry[];
}

/** Builds the guard's files, or none when platform.yaml declares no guard. */
export function buildGuardManifests(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
): GuardManifests {
  const guard = platform.guard;
  if (guard === undefined) return { files: [], ledger: [] };

  const labels = platformLabels(platform);
  const files: ManifestFile[] = [];
  const addFile = (fileName: string, objects: KubeObject[]): string => {
    const file = { cluster: cluster.name, namespace: guard.namespace, fileName, objects };
    files.push(file);
    return manifestFilePath(file);
  };

  addFile('00-namespace.yaml', [buildGuardNamespace(guard, labels)]);
  addFile('10-service-account.yaml', [buildGuardServiceAccount(guard, labels)]);
  addFile('20-network-policies.yaml', buildGuardNetworkPolicies(platform, guard, labels));
  addFile('30-certificates.yaml', buildGuardCertificates(guard, labels));
  const deployment = buildGuardDeployment(guard, labels);
  const workloadPath = addFile('40-guard.yaml', [
    buildGuardService(guard, labels),
    buildGuardPodDisruptionBudget(guard, labels),
    deployment,
  ]);
  const webhook = buildGuardWebhookConfiguration(guard, labels);
  const webhookPath = addFile('90-webhook.yaml', [webhook]);

  const ledger = [
    ledgerEntry('S2', cluster.name, webhookPath, webhook, {
      en: `kinko guard reviews every workload created or updated in a system namespace and rejects one that breaks a rule; when no replica responds within ${guard.timeoutSeconds} s, the request is rejected (failurePolicy Fail).`,
      ja: `kinko guard がシステムの Namespace で作成・更新されるワークロードをすべて審査し、ルール違反を拒否する。${guard.timeoutSeconds} 秒以内にどのレプリカも応答しなければ、リクエストを拒否する（failurePolicy Fail）。`,
    }),
    ledgerEntry('S1', cluster.name, workloadPath, deployment, {
      en: `The guard runs as UID ${guard.runAsUser} with a read-only root filesystem, no privilege escalation, all capabilities dropped and the RuntimeDefault seccomp profile.`,
      ja: `ガードは UID ${guard.runAsUser} で動き、ルートファイルシステムは読み取り専用、権限昇格なし、ケーパビリティはすべて削除、seccomp は RuntimeDefault。`,
    }),
  ];
  return { files, ledger };
}

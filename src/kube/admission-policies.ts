/**
 * The exported ValidatingAdmissionPolicies of one cluster, in the guard's namespace folder: the
 * apiserver enforces the rules that fit in CEL even when no guard webhook is deployed. Like the
 * webhook, the bindings cover only the business systems' namespaces.
 */
import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import { GUARD_NAMESPACE } from '../model/guard.js';
import { buildValidatingAdmissionPolicies } from '../policy/cel/export.js';
import { createKinkoRegistry } from '../policy/pack.js';
import { DEFAULT_SETTINGS, settingsFromPlatform } from '../policy/settings.js';
import { ledgerEntry, type ManifestLedgerEntry } from './ledger.js';
import { manifestFilePath, type ManifestFile } from './manifest-file.js';

/** File name; it sorts before the guard's webhook configuration (`90-webhook.yaml`). */
export const ADMISSION_POLICIES_FILE = '80-admission-policies.yaml';

export function buildAdmissionPolicyFile(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  labels: Record<string, string>,
): { file: ManifestFile; ledger: ManifestLedgerEntry[] } {
  const settings = { ...DEFAULT_SETTINGS, ...settingsFromPlatform(platform) };
  const registry = createKinkoRegistry();
  const objects = buildValidatingAdmissionPolicies(settings, registry, {
    labels,
    // By name, which the apiserver sets and keeps on every namespace: a label a user can remove
    // would let one update take a namespace out of the policies' reach.
    namespaceRequirements: [
      {
        key: 'kubernetes.io/metadata.name',
        operator: 'In',
        values: platform.systems.map((system) => system.namespace),
      },
    ],
  });
  const file: ManifestFile = {
    cluster: cluster.name,
    namespace: platform.guard?.namespace ?? GUARD_NAMESPACE,
    fileName: ADMISSION_POLICIES_FILE,
    objects,
  };
  const path = manifestFilePath(file);
  // The controls report lists the policies that deny; the warning policies only add warnings.
  const denying = objects.filter(
    (object) =>
      object.kind === 'ValidatingAdmissionPolicy' && object.metadata.name.endsWith('-deny'),
  );
  const ledger = denying.map((policy) => {
    const rules = (policy.spec['validations'] as unknown[]).length;
    return ledgerEntry('S2', cluster.name, path, policy, {
      en: `The apiserver itself rejects an object in a system namespace that breaks one of ${rules} Kinko rules, checked in CEL without the webhook (policy ${policy.metadata.name}).`,
      ja: `Kinko のルール ${rules} 件のいずれかに違反するオブジェクトを、Webhook を介さず API サーバー自身が CEL で検査して拒否する（システムの Namespace が対象、ポリシー ${policy.metadata.name}）。`,
    });
  });
  return { file, ledger };
}

/**
 * Controls ledger sentences of the mesh objects (practice S5), in English and Japanese.
 */
import type { ResolvedSystem } from '../model/platform.js';
import type { LedgerSummary } from './ledger.js';
import { MESH_NETWORK_POLICY_NAMES } from './mesh-network-policies.js';
import { HBONE_PORT, ISTIO_VERSION, KUBELET_PROBE_SOURCE_CIDR, MESH_NAMESPACE } from './mesh.js';

export const MESH_SUMMARIES = {
  chartApplication: (chart: string, release: string): LedgerSummary => ({
    en: `Argo CD installs Istio's chart ${chart} (release ${release}) into ${MESH_NAMESPACE}, pinned to Istio ${ISTIO_VERSION}, for ambient mode.`,
    ja: `Argo CD が Istio の Chart ${chart}（リリース ${release}）を Istio ${ISTIO_VERSION} に固定して ${MESH_NAMESPACE} にインストールし、アンビエントモードで動かす。`,
  }),
  configApplication: (): LedgerSummary => ({
    en: `Argo CD keeps the ${MESH_NAMESPACE} folder (the namespace and the mesh-wide PeerAuthentication) in sync with git and reverts changes made outside it.`,
    ja: `Argo CD が ${MESH_NAMESPACE} フォルダー（Namespace とメッシュ全体の PeerAuthentication）を git と同期し、git 以外からの変更を元に戻す。`,
  }),
  meshWidePeerAuthentication: (): LedgerSummary => ({
    en: `PeerAuthentication default in the root namespace ${MESH_NAMESPACE} sets mTLS to STRICT for the whole mesh.`,
    ja: `ルート Namespace ${MESH_NAMESPACE} の PeerAuthentication default がメッシュ全体の mTLS を STRICT にする。`,
  }),
  namespaceEnrolment: (namespace: string): LedgerSummary => ({
    en: `Namespace ${namespace} is labelled istio.io/dataplane-mode: ambient, so ztunnel carries its pods' traffic over HBONE (mTLS, TCP ${HBONE_PORT}) without sidecars.`,
    ja: `Namespace ${namespace} に istio.io/dataplane-mode: ambient のラベルを付け、ztunnel がサイドカーなしで Pod の通信を HBONE（mTLS、TCP ${HBONE_PORT}）で運ぶ。`,
  }),
  systemPeerAuthentication: (system: ResolvedSystem): LedgerSummary => ({
    en: `PeerAuthentication default in ${system.namespace} sets mTLS to STRICT, so ztunnel rejects plaintext connections to the pods of ${system.displayName}.`,
    ja: `${system.namespace} の PeerAuthentication default が mTLS を STRICT にし、ztunnel は ${system.displayName} の Pod への平文の接続を拒否する。`,
  }),
  networkPolicy: (name: string, namespace: string): LedgerSummary => {
    const purposes: Record<string, LedgerSummary> = {
      [MESH_NETWORK_POLICY_NAMES.hboneFromIngressController]: {
        en: `allows HBONE (TCP ${HBONE_PORT}) from the ingress controller's namespace`,
        ja: `イングレスコントローラーの Namespace からの HBONE（TCP ${HBONE_PORT}）を許可する`,
      },
      [MESH_NETWORK_POLICY_NAMES.hboneToSystems]: {
        en: `allows HBONE (TCP ${HBONE_PORT}) to the system namespaces`,
        ja: `システムの Namespace への HBONE（TCP ${HBONE_PORT}）を許可する`,
      },
      [MESH_NETWORK_POLICY_NAMES.kubeletProbes]: {
        en: `allows kubelet probes, which the mesh sends from ${KUBELET_PROBE_SOURCE_CIDR}`,
        ja: `メッシュが ${KUBELET_PROBE_SOURCE_CIDR} から送る kubelet のプローブを許可する`,
      },
    };
    const purpose = purposes[name] ?? {
      en: 'lets mesh traffic through',
      ja: 'メッシュの通信を通す',
    };
    return {
      en: `NetworkPolicy ${name} in ${namespace} ${purpose.en}.`,
      ja: `${namespace} の NetworkPolicy ${name} は${purpose.ja}。`,
    };
  },
} as const;

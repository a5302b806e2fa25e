/**
 * The controls ledger: for each generated object that implements a practice, which practice,
 * where the object is, and one sentence in English and Japanese that the controls report and
 * the evidence pack print.
 */
import type { ResolvedApp, ResolvedPlatform, ResolvedSystem } from '../model/platform.js';
import type { PracticeId } from '../model/practices.js';
import type { KubeObject } from './kube-object.js';
import { NETWORK_POLICY_NAMES } from './network-policies.js';

export interface LedgerSummary {
  en: string;
  ja: string;
}

export interface ManifestLedgerEntry {
  practice: PracticeId;
  cluster: string;
  /** Namespace of the object; undefined for cluster-scoped objects. */
  namespace?: string;
  kind: string;
  name: string;
  /** Path of the manifest file, relative to the output folder. */
  file: string;
  summary: LedgerSummary;
}

/** Builds one entry for `object` written to `file` in `cluster`. */
export function ledgerEntry(
  practice: PracticeId,
  cluster: string,
  file: string,
  object: KubeObject,
  summary: LedgerSummary,
): ManifestLedgerEntry {
  const entry: ManifestLedgerEntry = {
    practice,
    cluster,
    kind: object.kind,
    name: object.metadata.name,
    file,
    summary,
  };
  if (object.metadata.namespace !== undefined) entry.namespace = object.metadata.namespace;
  return entry;
}

export const SUMMARIES = {
  namespaceIsolation: (system: ResolvedSystem): LedgerSummary => ({
    en: `${system.displayName} has its own namespace ${system.namespace}.`,
    ja: `${system.displayName} は専用の Namespace ${system.namespace} を持つ。`,
  }),
  podSecurityAdmission: (namespace: string): LedgerSummary => ({
    en: `Pod Security Admission enforces, audits and warns at the restricted level in ${namespace}, so the API server rejects a non-compliant pod.`,
    ja: `${namespace} では Pod Security Admission が restricted レベルで enforce・audit・warn し、基準を満たさない Pod を API サーバーが拒否する。`,
  }),
  adminRole: (system: ResolvedSystem): LedgerSummary => ({
    en: `Role for ${system.adminGroup} in ${system.namespace}: named verbs and resources only, no wildcard, no access to Secrets or pods/exec.`,
    ja: `${system.namespace} における ${system.adminGroup} 用の Role。動詞とリソースを個別に列挙し、ワイルドカード、Secret、pods/exec の権限は持たない。`,
  }),
  adminRoleBinding: (system: ResolvedSystem): LedgerSummary => ({
    en: `Binds group ${system.adminGroup} to its Role in ${system.namespace} only.`,
    ja: `グループ ${system.adminGroup} を ${system.namespace} 内の Role にだけ結び付ける。`,
  }),
  argoProject: (system: ResolvedSystem): LedgerSummary => ({
    en: `Argo CD syncs ${system.displayName} into namespace ${system.namespace} only, and only the kinds Kinko generates for it.`,
    ja: `Argo CD は ${system.displayName} を Namespace ${system.namespace} にだけ、Kinko が生成する種類のリソースだけ同期する。`,
  }),
  serviceAccount: (system: ResolvedSystem): LedgerSummary => ({
    en: `Pods of ${system.displayName} run as ServiceAccount ${system.serviceAccountName}, associated by EKS Pod Identity with IAM role ${system.podRoleName}; no Kubernetes API token is mounted.`,
    ja: `${system.displayName} の Pod は ServiceAccount ${system.serviceAccountName} で動き、EKS Pod Identity で IAM ロール ${system.podRoleName} に関連付けられる。Kubernetes API トークンはマウントしない。`,
  }),
  networkPolicy: (name: string, namespace: string): LedgerSummary => {
    const purposes: Record<string, LedgerSummary> = {
      [NETWORK_POLICY_NAMES.defaultDeny]: {
        en: 'denies all ingress and egress unless another policy allows it',
        ja: '他のポリシーが許可しない限り、すべての受信と送信を拒否する',
      },
      [NETWORK_POLICY_NAMES.sameNamespace]: {
        en: 'allows traffic between pods of the same namespace',
        ja: '同じ Namespace の Pod 間の通信を許可する',
      },
      [NETWORK_POLICY_NAMES.dns]: {
        en: 'allows DNS (UDP and TCP 53) to CoreDNS in kube-system',
        ja: 'kube-system の CoreDNS への DNS（UDP・TCP 53）を許可する',
      },
      [NETWORK_POLICY_NAMES.ingressController]: {
        en: "allows the ingress controller's namespace to reach the apps' ports",
        ja: 'イングレスコントローラーの Namespace からアプリのポートへの通信を許可する',
      },
      [NETWORK_POLICY_NAMES.awsEndpoints]: {
        en: 'allows HTTPS to the VPC interface endpoints of AWS services',
        ja: 'AWS サービスの VPC インターフェイスエンドポイントへの HTTPS を許可する',
      },
      [NETWORK_POLICY_NAMES.podIdentityAgent]: {
        en: 'allows the EKS Pod Identity Agent (169.254.170.23, TCP 80) for credentials',
        ja: '認証情報取得のため EKS Pod Identity Agent（169.254.170.23、TCP 80）を許可する',
      },
    };
    const purpose = purposes[name] ?? { en: 'limits traffic', ja: '通信を制限する' };
    return {
      en: `NetworkPolicy ${name} in ${namespace} ${purpose.en}.`,
      ja: `${namespace} の NetworkPolicy ${name} は${purpose.ja}。`,
    };
  },
  secretProviderClass: (system: ResolvedSystem): LedgerSummary => ({
    en: `Secret ${system.secretName} stays in AWS Secrets Manager and reaches the pods through the Secrets Store CSI Driver (AWS provider, Pod Identity); no Secret manifest is generated.`,
    ja: `シークレット ${system.secretName} は AWS Secrets Manager に置き、Secrets Store CSI Driver（AWS プロバイダー、Pod Identity）で Pod に渡す。Secret マニフェストは生成しない。`,
  }),
  securityContext: (app: ResolvedApp): LedgerSummary => ({
    en: `${app.name} runs as UID ${app.runAsUser} (non-root), unprivileged, without privilege escalation, with all capabilities dropped, a read-only root filesystem and the RuntimeDefault seccomp profile.`,
    ja: `${app.name} は UID ${app.runAsUser}（非 root）・非特権で動き、権限昇格を禁止し、全ケーパビリティを削除し、ルートファイルシステムを読み取り専用とし、seccomp プロファイル RuntimeDefault を使う。`,
  }),
  appBlueGreen: (app: ResolvedApp): LedgerSummary => {
    switch (app.blueGreen?.method) {
      case 'upstream':
        return {
          en: `${app.name} runs a blue and a green Deployment; kinko switch app moves users by patching the app's route in this VirtualServer to the other colour's upstream, after a readiness check and an optional smoke check.`,
          ja: `${app.name} は blue と green の Deployment を動かす。kinko switch app は、Ready の確認と任意のスモークチェックの後、この VirtualServer のアプリのルートをもう一方の色の upstream に書き換えて利用者を移す。`,
        };
      case 'rollout':
        return {
          en: `${app.name} is an Argo Rollout with the blue/green strategy and manual promotion; kinko switch app promotes the preview revision after a readiness check, and kinko rollback app aborts it.`,
          ja: `${app.name} は Blue/Green 戦略で手動プロモートの Argo Rollout。kinko switch app は Ready の確認後にプレビューのリビジョンをプロモートし、kinko rollback app はアボートする。`,
        };
      default:
        return {
          en: `${app.name} runs a blue and a green Deployment; kinko switch app moves users by patching this Service's colour selector, after a readiness check and an optional smoke check on ${app.name}-preview.`,
          ja: `${app.name} は blue と green の Deployment を動かす。kinko switch app は、Ready の確認と ${app.name}-preview への任意のスモークチェックの後、この Service の色のセレクターを書き換えて利用者を移す。`,
        };
    }
  },
  topologySpread: (app: ResolvedApp): LedgerSummary =>
    app.replicas < 2
      ? {
          en: `${app.name} runs one replica under a declared single-replica exception: nothing to spread, and a zone failure or a drain stops it.`,
          ja: `${app.name} は single-replica の例外によりレプリカ 1 つで動く。分散できず、ゾーン障害やドレインで停止する。`,
        }
      : {
          en: `${app.replicas} replicas of ${app.name} are spread over zones (hard, maxSkew 1) and hosts (soft, maxSkew 1).`,
          ja: `${app.name} の ${app.replicas} レプリカをゾーン（必須、maxSkew 1）とホスト（優先、maxSkew 1）に分散する。`,
        },
  preStop: (app: ResolvedApp): LedgerSummary => ({
    en: `${app.name} sleeps ${app.preStopSleepSeconds} s in preStop under a termination grace period of ${app.terminationGracePeriodSeconds} s, so endpoint removal and in-flight requests finish before shutdown.`,
    ja: `${app.name} は preStop で ${app.preStopSleepSeconds} 秒スリープし、猶予期間は ${app.terminationGracePeriodSeconds} 秒。エンドポイントの除外と処理中のリクエストが終わってから停止する。`,
  }),
  disruptionBudget: (app: ResolvedApp): LedgerSummary =>
    app.replicas < 2
      ? {
          en: `A drain may evict the single replica of ${app.name} (maxUnavailable 1): the declared single-replica exception accepts that outage.`,
          ja: `ドレインは ${app.name} の唯一のレプリカを退避しうる（maxUnavailable 1）。single-replica の例外でこの停止を受け入れている。`,
        }
      : {
          en: `A drain evicts at most one replica of ${app.name} at a time (maxUnavailable 1).`,
          ja: `ドレインは ${app.name} のレプリカを一度に最大 1 つだけ退避する（maxUnavailable 1）。`,
        },
  sharedFilesVolume: (system: ResolvedSystem, prefix: string): LedgerSummary => ({
    en: `Shared files of ${system.displayName} live in s3://${system.bucketName}/${prefix}, outside the cluster, mounted by the Mountpoint for Amazon S3 CSI driver with the pod's own role.`,
    ja: `${system.displayName} の共有ファイルはクラスター外の s3://${system.bucketName}/${prefix} に置き、Mountpoint for Amazon S3 CSI ドライバーが Pod 自身のロールでマウントする。`,
  }),
  sharedFilesClaim: (system: ResolvedSystem, mountPath: string): LedgerSummary => ({
    en: `The apps of ${system.displayName} mount the shared files at ${mountPath} through this claim.`,
    ja: `${system.displayName} のアプリはこのクレームを通じて共有ファイルを ${mountPath} にマウントする。`,
  }),
  ingressControllerSecurity: (platform: ResolvedPlatform): LedgerSummary => ({
    en: `F5 NGINX Ingress Controller ${platform.ingress.chart.version} runs non-root with all capabilities dropped except NET_BIND_SERVICE, a read-only root filesystem and RuntimeDefault seccomp.`,
    ja: `F5 NGINX Ingress Controller ${platform.ingress.chart.version} は非 root で動き、NET_BIND_SERVICE 以外の全ケーパビリティを削除し、ルートファイルシステムを読み取り専用とし、seccomp RuntimeDefault を使う。`,
  }),
} as const;

/**
 * Text of `kinko audit`'s detections: for each id, a one-sentence description ("Detect …") for
 * the docs and `--list`, and the title an alert line starts with.
 */
import type { MessageTable } from '../catalog.js';

type Text = readonly [en: string, ja: string];

const DETECTION_TEXT: Readonly<Record<string, { description: Text; title: Text }>> = {
  'pod-exec': {
    description: [
      'Detect a shell or an attached terminal in a running container (pods/exec, pods/attach), including WebSocket exec, which the apiserver records as get.',
      '稼働中のコンテナでのシェル起動や端末の接続（pods/exec、pods/attach）を検知します。API サーバーが get として記録する WebSocket 経由の exec も含みます。',
    ],
    title: ['Exec or attach into a pod', 'Pod への exec または attach'],
  },
  'pod-port-forward': {
    description: [
      'Detect a port-forward into a pod, which tunnels past NetworkPolicies and the service mesh.',
      'Pod へのポートフォワードを検知します。NetworkPolicy とサービスメッシュを迂回する経路になります。',
    ],
    title: ['Port-forward into a pod', 'Pod へのポートフォワード'],
  },
  'pod-ephemeral-container': {
    description: [
      'Detect an ephemeral (debug) container added to a running pod.',
      '稼働中の Pod へのエフェメラル（デバッグ用）コンテナの追加を検知します。',
    ],
    title: ['Ephemeral container added to a pod', 'Pod にエフェメラルコンテナを追加'],
  },
  'pod-privileged': {
    description: [
      'Detect a pod created or changed with a privileged container.',
      '特権コンテナを含む Pod の作成や変更を検知します。',
    ],
    title: ['Privileged pod', '特権 Pod'],
  },
  'pod-host-path': {
    description: [
      'Detect a pod that mounts a hostPath volume from its node.',
      'ノードのディレクトリを hostPath ボリュームとしてマウントする Pod を検知します。',
    ],
    title: ['Pod with a hostPath volume', 'hostPath ボリュームを持つ Pod'],
  },
  'pod-host-namespace': {
    description: [
      "Detect a pod that shares its node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC).",
      'ノードのネットワーク、プロセス、IPC の名前空間を共有する Pod（hostNetwork、hostPID、hostIPC）を検知します。',
    ],
    title: ["Pod sharing its node's namespaces", 'ノードの名前空間を共有する Pod'],
  },
  'kube-system-workload': {
    description: [
      'Detect a workload created in kube-system or kube-public by a user who is not a control-plane component.',
      'コントロールプレーンのコンポーネント以外のユーザーが kube-system や kube-public にワークロードを作成したことを検知します。',
    ],
    title: [
      'Workload created in a control-plane namespace',
      'コントロールプレーンの名前空間にワークロードを作成',
    ],
  },
  'anonymous-allowed': {
    description: [
      'Detect a request by an unauthenticated (anonymous) user that the authorizer allowed, other than health and version probes.',
      '認証されていない（匿名）ユーザーのリクエストが認可されたことを検知します。ヘルスチェックとバージョン確認は除きます。',
    ],
    title: ['Anonymous request allowed', '匿名リクエストを許可'],
  },
  'binding-cluster-admin': {
    description: [
      'Detect a RoleBinding or ClusterRoleBinding that grants the ClusterRole cluster-admin.',
      'ClusterRole cluster-admin を付与する RoleBinding や ClusterRoleBinding を検知します。',
    ],
    title: ['Binding to cluster-admin', 'cluster-admin へのバインディング'],
  },
  'binding-default-service-account': {
    description: [
      "Detect a binding that grants rights to a namespace's default ServiceAccount.",
      '名前空間の default ServiceAccount に権限を付与するバインディングを検知します。',
    ],
    title: ['Binding to a default ServiceAccount', 'default ServiceAccount へのバインディング'],
  },
  'role-risky-rules': {
    description: [
      'Detect a Role or ClusterRole with wildcards or the right to exec into pods, escalate, bind or impersonate, written by someone other than the control plane.',
      'ワイルドカードや、Pod への exec、escalate、bind、impersonate の権限を持つ Role や ClusterRole を、コントロールプレーン以外が書き込んだことを検知します。',
    ],
    title: ['Role with risky rules', '危険なルールを持つロール'],
  },
  'cross-system-secret': {
    description: [
      "Detect a principal of one system (its administrators' group or a ServiceAccount of its namespace) reading or changing another system's Secrets, allowed or not.",
      'あるシステムのプリンシパル（管理者グループ、またはその名前空間の ServiceAccount）が他のシステムの Secret を読み書きしようとしたことを、許可の有無を問わず検知します。',
    ],
    title: ["Access to another system's Secrets", '他システムの Secret へのアクセス'],
  },
  'cross-system-access': {
    description: [
      "Detect a principal of one system reaching a resource in another system's namespace, allowed or not.",
      'あるシステムのプリンシパルが他のシステムの名前空間のリソースにアクセスしようとしたことを、許可の有無を問わず検知します。',
    ],
    title: ["Access to another system's resources", '他システムのリソースへのアクセス'],
  },
  'denied-burst': {
    description: [
      'Detect a burst of denied requests by one user within a sliding window (audit.deniedBurst), and name the namespaces and systems they targeted.',
      '1 人のユーザーのリクエストがスライディングウィンドウ内で続けて拒否されたこと（audit.deniedBurst）を検知し、対象の名前空間とシステムを示します。',
    ],
    title: ['Burst of denied requests', '拒否されたリクエストの集中'],
  },
  'service-account-token': {
    description: [
      'Detect a ServiceAccount token requested by a user or workload rather than the control plane.',
      'コントロールプレーン以外のユーザーやワークロードによる ServiceAccount トークンの発行要求を検知します。',
    ],
    title: ['ServiceAccount token requested', 'ServiceAccount トークンの発行要求'],
  },
  'admission-change': {
    description: [
      "Detect a change to an admission webhook configuration or admission policy other than Kinko's guard.",
      'Kinko のガード以外のアドミッション Webhook 設定やアドミッションポリシーの変更を検知します。',
    ],
    title: ['Admission control changed', 'アドミッション制御の変更'],
  },
  'guard-change': {
    description: [
      "Detect a change to, or the removal of, Kinko's guard (its webhook configuration or admission policies).",
      'Kinko のガード（Webhook 設定やアドミッションポリシー）の変更や削除を検知します。',
    ],
    title: ["Kinko's guard changed", 'Kinko のガードの変更'],
  },
  'network-policy-deleted': {
    description: [
      'Detect a NetworkPolicy deleted by someone other than the control plane.',
      'コントロールプレーン以外による NetworkPolicy の削除を検知します。',
    ],
    title: ['NetworkPolicy deleted', 'NetworkPolicy の削除'],
  },
  'watched-source': {
    description: [
      'Detect a request from an address in a range listed in audit.watchedSourceRanges.',
      'audit.watchedSourceRanges に挙げたアドレス範囲からのリクエストを検知します。',
    ],
    title: ['Request from a watched address range', '監視対象のアドレス範囲からのリクエスト'],
  },
};

function detectionEntries(): MessageTable {
  const table: Record<string, MessageTable[string]> = {};
  for (const [id, text] of Object.entries(DETECTION_TEXT)) {
    table[`audit.detection.${id}.description`] = {
      en: () => text.description[0],
      ja: () => text.description[1],
    };
    table[`audit.detection.${id}.title`] = { en: () => text.title[0], ja: () => text.title[1] };
  }
  return table;
}

export const AUDIT_DETECTION_MESSAGES: MessageTable = detectionEntries();

/**
 * The security (S1–S12) and reliability (R1–R6) practices Kinko implements, with the titles
 * the controls report and the evidence pack print.
 */

export const PRACTICE_IDS = [
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'S9',
  'S10',
  'S11',
  'S12',
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
] as const;

export type PracticeId = (typeof PRACTICE_IDS)[number];

export interface Practice {
  readonly id: PracticeId;
  readonly title: { readonly en: string; readonly ja: string };
}

export const PRACTICES: readonly Practice[] = [
  {
    id: 'S1',
    title: {
      en: 'Containers run as non-root and unprivileged',
      ja: 'コンテナを非 root・非特権で実行する',
    },
  },
  {
    id: 'S2',
    title: {
      en: 'Pod security settings are checked in CI and at apply time',
      ja: 'Pod のセキュリティ設定を CI と適用時に検査する',
    },
  },
  {
    id: 'S3',
    title: {
      en: 'Container images are scanned for vulnerabilities (ECR enhanced scanning)',
      ja: 'コンテナイメージの脆弱性をスキャンする（ECR 拡張スキャン）',
    },
  },
  {
    id: 'S4',
    title: {
      en: 'Secrets live in AWS Secrets Manager and reach pods through the Secrets Store CSI Driver',
      ja: 'シークレットは AWS Secrets Manager に置き、Secrets Store CSI Driver で Pod に渡す',
    },
  },
  {
    id: 'S5',
    title: {
      en: 'Pod-to-pod traffic is encrypted with mTLS by a service mesh',
      ja: 'Pod 間通信をサービスメッシュの mTLS で暗号化する',
    },
  },
  {
    id: 'S6',
    title: {
      en: "Each system's administrators reach only their own namespace (access entries and RBAC)",
      ja: '各システムの管理者は自システムの Namespace だけを操作できる（アクセスエントリと RBAC）',
    },
  },
  {
    id: 'S7',
    title: {
      en: "Pods reach only their own system's AWS resources (EKS Pod Identity)",
      ja: 'Pod は自システムの AWS リソースだけにアクセスできる（EKS Pod Identity）',
    },
  },
  {
    id: 'S8',
    title: {
      en: 'NetworkPolicies limit traffic between namespaces',
      ja: 'NetworkPolicy で Namespace 間の通信を制限する',
    },
  },
  {
    id: 'S9',
    title: {
      en: 'Nodes run the latest EKS-optimized AMI; the kubelet drops no events',
      ja: 'ノードは最新の EKS 最適化 AMI で動かし、kubelet はイベントを間引かない',
    },
  },
  {
    id: 'S10',
    title: {
      en: 'Nodes are scanned for malware (GuardDuty Malware Protection for EC2)',
      ja: 'ノードのマルウェアを検出する（GuardDuty Malware Protection for EC2）',
    },
  },
  {
    id: 'S11',
    title: {
      en: 'Runtime behaviour is monitored on nodes and containers (GuardDuty Runtime Monitoring)',
      ja: 'ノードとコンテナの実行時の挙動を監視する（GuardDuty Runtime Monitoring）',
    },
  },
  {
    id: 'S12',
    title: {
      en: 'Kubernetes and AWS API audit logs are watched in real time',
      ja: 'Kubernetes と AWS の API 監査ログをリアルタイムで監視する',
    },
  },
  {
    id: 'R1',
    title: {
      en: 'Multi-region: a DR region with replicated data, switched by Route 53',
      ja: 'マルチリージョン：データを複製した DR リージョンへ Route 53 で切り替える',
    },
  },
  {
    id: 'R2',
    title: {
      en: 'Multi-AZ: nodes over three Availability Zones, replicas spread over zones and hosts',
      ja: 'マルチ AZ：ノードを 3 つのアベイラビリティーゾーンに置き、レプリカをゾーンとホストに分散する',
    },
  },
  {
    id: 'R3',
    title: {
      en: 'Application blue/green per system',
      ja: 'システムごとのアプリケーション Blue/Green',
    },
  },
  {
    id: 'R4',
    title: {
      en: 'Cluster blue/green behind a standalone ALB, per system',
      ja: '独立した ALB によるシステムごとのクラスター Blue/Green',
    },
  },
  {
    id: 'R5',
    title: {
      en: 'Persistent data lives outside the cluster (S3, EFS, Aurora)',
      ja: '永続データはクラスターの外（S3、EFS、Aurora）に置く',
    },
  },
  {
    id: 'R6',
    title: {
      en: 'Node maintenance without application errors (preStop sleep, grace period, PDB)',
      ja: 'アプリケーションエラーを出さないノードメンテナンス（preStop sleep、猶予期間、PDB）',
    },
  },
];

export function isPracticeId(value: string): value is PracticeId {
  return (PRACTICE_IDS as readonly string[]).includes(value);
}

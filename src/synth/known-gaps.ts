/**
 * Known gaps between a practice and what Kinko builds today, printed under the practice in the
 * controls report so an auditor sees them beside the resources. Remove an entry when the gap
 * closes; a unit test ties each entry to a practice id.
 */
import type { PracticeId } from '../model/practices.js';
import type { LocalizedText } from './controls-report.js';

export interface KnownGap {
  readonly practice: PracticeId;
  readonly text: LocalizedText;
}

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    practice: 'S2',
    text: {
      en: "Only Pod Security Admission checks pods at apply time; Kinko's own rules in CI and as an admission webhook are not built yet.",
      ja: '適用時に Pod を検査するのは Pod Security Admission だけです。Kinko 独自のルールによる CI での検査とアドミッション Webhook はまだありません。',
    },
  },
  {
    practice: 'S4',
    text: {
      en: 'argocd/00-cluster.yaml is a Secret, the cluster registration Argo CD requires; it holds the cluster name and ARN only, no credential.',
      ja: 'argocd/00-cluster.yaml は Argo CD が必要とするクラスター登録用の Secret です。クラスター名と ARN だけを持ち、認証情報は含みません。',
    },
  },
  {
    practice: 'S9',
    text: {
      en: 'Node groups take the latest EKS-optimized AMI release when they are created; the release is not pinned yet, so nodes lag as new releases appear.',
      ja: 'ノードグループは作成時点の最新の EKS 最適化 AMI を使いますが、リリースはまだ固定していないため、新しいリリースが出るとノードは遅れていきます。',
    },
  },
  {
    practice: 'R1',
    text: {
      en: 'The DR region has its own secret of the same name with its own generated value: secret values are not replicated yet, and the DR failover command has not yet run against the AWS emulator.',
      ja: 'DR リージョンには同じ名前で値を別に生成したシークレットがあります。シークレットの値はまだ複製しておらず、DR フェイルオーバーのコマンドも AWS エミュレーターではまだ検証していません。',
    },
  },
];

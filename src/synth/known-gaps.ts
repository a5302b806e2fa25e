/**
 * Known gaps between a practice and what Kinko builds today. The controls report prints each one
 * under its practice, beside the resources, so an auditor reads both. Remove an entry when its
 * gap closes.
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
      en: "kinko check runs Kinko's rules in CI and kinko guard runs the single-object rules as an admission webhook, but kinko synth does not yet deploy the guard into the cluster and the ValidatingAdmissionPolicy export is not built, so in the cluster only Pod Security Admission checks pods today.",
      ja: 'CI では kinko check が Kinko のルールで検査し、kinko guard は単一オブジェクトのルールをアドミッション Webhook として実行しますが、kinko synth はまだ guard をクラスターに配置せず、ValidatingAdmissionPolicy の出力もありません。現時点でクラスター内で Pod を検査するのは Pod Security Admission だけです。',
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

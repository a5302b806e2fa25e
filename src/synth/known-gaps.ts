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
      en: "kinko check runs Kinko's rules in CI. kinko synth deploys kinko guard, which runs every single-object rule at admission in system namespaces, only when platform.yaml declares guard.image. Without it, the cluster checks objects with Pod Security Admission and the exported ValidatingAdmissionPolicies only, which hold the rules that fit in CEL.",
      ja: 'CI では kinko check が Kinko のルールで検査します。kinko synth が kinko guard（システムの Namespace で単一オブジェクトのルールをすべてアドミッション時に実行する Webhook）を配置するのは、platform.yaml に guard.image を書いた場合だけです。書かない場合、クラスター内で検査するのは Pod Security Admission と、CEL で書けるルールを出力した ValidatingAdmissionPolicy だけです。',
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
    practice: 'S5',
    text: {
      en: 'istio-system, where the mesh runs, has no NetworkPolicies yet (its default-deny rule is suppressed with the reason), and the test bed installs only the Istio CRDs: no ztunnel runs there, so mTLS on the wire is verified only on a real cluster (docs/mesh.md).',
      ja: 'メッシュが動く istio-system にはまだ NetworkPolicy がありません（default-deny のルールは理由を付けて抑制しています）。テストベッドは Istio の CRD だけを入れ、ztunnel は動かないため、通信路上の mTLS は実クラスターでだけ確認できます（docs/ja/mesh.md）。',
    },
  },
  {
    practice: 'S6',
    text: {
      en: 'The Argo CD capability may escalate and bind any ClusterRole, because the ingress controller and Istio charts create cluster roles whose names Kinko does not render; with these rights its role could bind itself to cluster-admin. Its RBAC is also synthesized only for the primary region clusters.',
      ja: 'Ingress コントローラーと Istio のチャートが作る ClusterRole の名前を Kinko は展開しないため、Argo CD 機能はどの ClusterRole にも escalate と bind ができ、そのロールは自分を cluster-admin にバインドできます。また、その RBAC はプライマリリージョンのクラスターの分しか生成しません。',
    },
  },
  {
    practice: 'S9',
    text: {
      en: 'Node groups are pinned to the AMI release that kinko nodes pin recorded in node-releases.json. Synth sends no request, so a pinned release ages until kinko nodes pin and kinko synth run again; kinko nodes status, run on a schedule, reports the node groups and nodes that lag.',
      ja: 'ノードグループは、kinko nodes pin が node-releases.json に記録した AMI リリースに固定します。synth は AWS に問い合わせないため、固定したリリースは kinko nodes pin と kinko synth を再実行するまで古くなっていきます。遅れているノードグループとノードは、定期的に実行する kinko nodes status が報告します。',
    },
  },
  {
    practice: 'R1',
    text: {
      en: 'EFS and Aurora fail over by the runbook in docs/dr.md, not by kinko dr failover. The EFS replica has no mount targets until that runbook creates them, and the apps mount EFS only once platform.yaml names the file system and access point ids.',
      ja: 'EFS と Aurora のフェイルオーバーは kinko dr failover ではなく docs/ja/dr.md の手順で行います。EFS のレプリカには、その手順で作るまでマウントターゲットがありません。また、アプリが EFS をマウントするのは、platform.yaml にファイルシステムとアクセスポイントの ID を書いてからです。',
    },
  },
  {
    practice: 'R3',
    text: {
      en: 'Application blue/green applies only to apps that declare blueGreen. For Rollouts, the verify step reads back the promote or abort fields but does not wait for the Argo Rollouts controller to move the active Service.',
      ja: 'アプリケーションの Blue/Green は、blueGreen を宣言したアプリだけが対象です。Rollout の検証では、プロモートやアボートのフィールドを読み直すだけで、Argo Rollouts のコントローラーがアクティブ Service を切り替えるまでは待ちません。',
    },
  },
];

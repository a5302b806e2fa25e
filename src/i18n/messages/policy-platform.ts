/** Texts of the S2–S8 policy rules: images, secrets, RBAC, ServiceAccounts and namespaces. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const POLICY_PLATFORM_MESSAGES: MessageTable = {
  'policy.namespace-pod-security.title': {
    en: () => 'Namespaces enforce the Pod Security restricted profile',
    ja: () => 'Namespace で Pod Security の restricted プロファイルを強制する',
  },
  'policy.namespace-pod-security.message': {
    en: (p) =>
      `label ${s(p.label)} is ${s(p.value)}; the API server enforces restricted only when it is restricted.`,
    ja: (p) =>
      `ラベル ${s(p.label)} が ${s(p.value)} です。restricted でなければ API サーバーは restricted を強制しません。`,
  },
  'policy.namespace-pod-security.fix': {
    en: () =>
      'label the Namespace pod-security.kubernetes.io/enforce: restricted (and audit and warn the same).',
    ja: () =>
      'Namespace にラベル pod-security.kubernetes.io/enforce: restricted を付けてください（audit と warn も同じ値に）。',
  },
  'policy.suppression-reason.title': {
    en: () => 'Suppressions name a rule and give a reason',
    ja: () => '抑制には対象のルールと理由を書く',
  },
  'policy.suppression-reason.message': {
    en: (p) =>
      `annotation ${s(p.annotation)} suppresses rule ${s(p.rule)} without a reason, so it is not applied.`,
    ja: (p) =>
      `アノテーション ${s(p.annotation)} がルール ${s(p.rule)} を理由なしで抑制しているため、抑制を適用していません。`,
  },
  'policy.suppression-reason.message.unknownRule': {
    en: (p) => `annotation ${s(p.annotation)} names no Kinko rule: ${s(p.rule)}.`,
    ja: (p) => `アノテーション ${s(p.annotation)} のルール ${s(p.rule)} は Kinko にありません。`,
  },
  'policy.suppression-reason.message.unknownRule.fix': {
    en: (p) =>
      `correct the rule id after suppress.kinko.dev/ to one that kinko check --list-rules shows, or remove the annotation if rule ${s(p.rule)} no longer exists.`,
    ja: (p) =>
      `suppress.kinko.dev/ に続くルール ID を kinko check --list-rules が示すものに直すか、ルール ${s(p.rule)} がもう存在しないならアノテーションを削除してください。`,
  },
  'policy.suppression-reason.fix': {
    en: () =>
      'write the reason as the annotation value, for example suppress.kinko.dev/no-host-path: "node log collector, reviewed by the platform team", and check the rule id against kinko check --list-rules.',
    ja: () =>
      'アノテーションの値に理由を書いてください（例: suppress.kinko.dev/no-host-path: "ノードのログ収集。基盤チームがレビュー済み"）。ルール ID は kinko check --list-rules で確認できます。',
  },
  'policy.image-allowed-registry.title': {
    en: () => "Images come from the platform's registries",
    ja: () => 'イメージはプラットフォームのレジストリから取得する',
  },
  'policy.image-allowed-registry.message': {
    en: (p) =>
      `${s(p.container)} uses ${s(p.image)} from registry ${s(p.registry)}, which is not allowed (allowed: ${s(p.allowed)}).`,
    ja: (p) =>
      `${s(p.container)} のイメージ ${s(p.image)} はレジストリ ${s(p.registry)} のもので、許可されていません（許可: ${s(p.allowed)}）。`,
  },
  'policy.image-allowed-registry.message.noneAllowed': {
    en: (p) =>
      `${s(p.container)} uses ${s(p.image)}, and no registry is allowed: the rule cannot tell a trusted registry from another.`,
    ja: (p) =>
      `${s(p.container)} のイメージは ${s(p.image)} ですが、許可するレジストリが指定されていないため、信頼できるか判断できません。`,
  },
  'policy.image-allowed-registry.message.missing': {
    en: (p) => `${s(p.container)} names no image.`,
    ja: (p) => `${s(p.container)} にイメージの指定がありません。`,
  },
  'policy.image-allowed-registry.fix': {
    en: () =>
      "push the image to the platform's ECR repository and use that reference; pass --config platform.yaml or --allowed-registry HOST to kinko check.",
    ja: () =>
      'イメージをプラットフォームの ECR リポジトリに push し、その参照を使ってください。kinko check には --config platform.yaml か --allowed-registry HOST を指定します。',
  },
  'policy.image-pinned.title': {
    en: () => 'Images are pinned by digest or an immutable tag',
    ja: () => 'イメージをダイジェストか変更不可のタグで固定する',
  },
  'policy.image-pinned.message': {
    en: (p) =>
      `${s(p.container)} uses ${s(p.image)}, which has no tag or the tag latest: the image that runs may not be the one scanned.`,
    ja: (p) =>
      `${s(p.container)} のイメージ ${s(p.image)} にはタグがないか latest です。スキャンしたイメージと実行するイメージが一致する保証がありません。`,
  },
  'policy.image-pinned.message.badDigest': {
    en: (p) =>
      `${s(p.container)} uses ${s(p.image)}, whose digest is not sha256: followed by 64 hexadecimal digits.`,
    ja: (p) =>
      `${s(p.container)} のイメージ ${s(p.image)} のダイジェストが「sha256: と 16 進数 64 桁」の形式ではありません。`,
  },
  'policy.image-pinned.fix': {
    en: () =>
      'reference the image by digest (@sha256:...) or by a version tag in a repository with immutable tags.',
    ja: () =>
      'イメージをダイジェスト（@sha256:...）か、タグを変更不可にしたリポジトリのバージョンタグで指定してください。',
  },
  'policy.no-secret-data.title': {
    en: () => 'No Secret values in manifests',
    ja: () => 'マニフェストに Secret の値を書かない',
  },
  'policy.no-secret-data.message': {
    en: (p) =>
      `the Secret has values in ${s(p.field)} (${s(p.keys)}); base64 is an encoding, not encryption, so they end up in git.`,
    ja: (p) =>
      `Secret の ${s(p.field)} に値があります（${s(p.keys)}）。base64 は暗号化ではなく符号化なので、値がそのまま git に残ります。`,
  },
  'policy.no-secret-data.fix': {
    en: () =>
      'store the value in AWS Secrets Manager and mount it through a SecretProviderClass and the Secrets Store CSI Driver.',
    ja: () =>
      '値は AWS Secrets Manager に保存し、SecretProviderClass と Secrets Store CSI Driver でマウントしてください。',
  },
  'policy.secrets-via-csi.title': {
    en: () => 'Pods read secrets through the Secrets Store CSI Driver',
    ja: () => 'Pod はシークレットを Secrets Store CSI Driver 経由で読む',
  },
  'policy.secrets-via-csi.message': {
    en: (p) => `${s(p.where)} reads Kubernetes Secret ${s(p.secret)}.`,
    ja: (p) => `${s(p.where)} が Kubernetes の Secret ${s(p.secret)} を読んでいます。`,
  },
  'policy.secrets-via-csi.fix': {
    en: () =>
      'mount the secret from AWS Secrets Manager with a csi volume (driver secrets-store.csi.k8s.io) and a SecretProviderClass.',
    ja: () =>
      'AWS Secrets Manager のシークレットを、csi ボリューム（ドライバー secrets-store.csi.k8s.io）と SecretProviderClass でマウントしてください。',
  },
  'policy.rolebinding-allowed-role.title': {
    en: () => 'RoleBindings grant namespaced Roles or allowed ClusterRoles',
    ja: () => 'RoleBinding で付与するのは Namespace の Role か許可された ClusterRole だけにする',
  },
  'policy.rolebinding-allowed-role.message': {
    en: (p) =>
      `the RoleBinding grants ${s(p.role)}; allowed are Roles and the ClusterRoles ${s(p.allowed)}.`,
    ja: (p) =>
      `RoleBinding が ${s(p.role)} を付与しています。許可されているのは Role と ClusterRole ${s(p.allowed)} です。`,
  },
  'policy.rolebinding-allowed-role.fix': {
    en: () =>
      'write a Role in the namespace with the verbs and resources the subjects need, and bind that Role.',
    ja: () =>
      '必要な verbs と resources だけを持つ Role を Namespace に作り、その Role を割り当ててください。',
  },
  'policy.rolebinding-own-subjects.title': {
    en: () => "RoleBindings name only their own system's subjects",
    ja: () => 'RoleBinding の subjects は自システムのものだけにする',
  },
  'policy.rolebinding-own-subjects.message': {
    en: (p) =>
      `subject ${s(p.subject)} belongs to namespace ${s(p.owner)}, yet gets rights in ${s(p.namespace)}.`,
    ja: (p) =>
      `subject ${s(p.subject)} は Namespace ${s(p.owner)} のものですが、${s(p.namespace)} の権限を得ています。`,
  },
  'policy.rolebinding-own-subjects.fix': {
    en: () =>
      "remove the subject; a system that needs another system's data calls its API instead.",
    ja: () =>
      'この subject を削除してください。他システムのデータが必要なら、そのシステムの API を呼び出します。',
  },
  'policy.no-cluster-binding-to-system-group.title': {
    en: () => 'No ClusterRoleBinding to a system group',
    ja: () => 'システムのグループに ClusterRoleBinding を使わない',
  },
  'policy.no-cluster-binding-to-system-group.message': {
    en: (p) =>
      `the ClusterRoleBinding gives ${s(p.subject)}, a business system's group, rights in every namespace.`,
    ja: (p) =>
      `ClusterRoleBinding が業務システムのグループ ${s(p.subject)} に全 Namespace の権限を与えています。`,
  },
  'policy.no-cluster-binding-to-system-group.message.everyone': {
    en: (p) =>
      `the ClusterRoleBinding gives ${s(p.subject)}, which includes every user or every ServiceAccount, rights in every namespace.`,
    ja: (p) =>
      `ClusterRoleBinding が ${s(p.subject)}（全ユーザーまたは全 ServiceAccount を含みます）に全 Namespace の権限を与えています。`,
  },
  'policy.no-cluster-binding-to-system-group.fix': {
    en: () => "bind the group with a RoleBinding in the system's own namespace.",
    ja: () => 'そのシステムの Namespace で RoleBinding を使って割り当ててください。',
  },
  'policy.no-rbac-wildcards.title': {
    en: () => 'Roles name their verbs and resources',
    ja: () => 'Role の verbs と resources にワイルドカードを使わない',
  },
  'policy.no-rbac-wildcards.message': {
    en: (p) =>
      `rules[${s(p.rule)}].${s(p.field)} contains a wildcard, which also grants what later versions and CRDs add.`,
    ja: (p) =>
      `rules[${s(p.rule)}].${s(p.field)} にワイルドカードがあります。今後のバージョンや CRD で増えるものまで許可されます。`,
  },
  'policy.no-rbac-wildcards.fix': {
    en: () => 'list each verb and resource the subjects need.',
    ja: () => '必要な verb と resource を 1 つずつ列挙してください。',
  },
  'policy.dedicated-service-account.title': {
    en: () => 'Pods run as a ServiceAccount of their own',
    ja: () => 'Pod は専用の ServiceAccount で実行する',
  },
  'policy.dedicated-service-account.message': {
    en: () =>
      "the pod runs as the namespace's default ServiceAccount, so no IAM role can be given to it alone.",
    ja: () =>
      'Pod が Namespace の default ServiceAccount で動いているため、この Pod だけに IAM ロールを割り当てられません。',
  },
  'policy.dedicated-service-account.fix': {
    en: () =>
      "set serviceAccountName to the system's ServiceAccount, which EKS Pod Identity associates with its IAM role.",
    ja: () =>
      'serviceAccountName にシステムの ServiceAccount（EKS Pod Identity で IAM ロールと関連付けたもの）を指定してください。',
  },
  'policy.service-account-exists.title': {
    en: () => "The pod's ServiceAccount exists",
    ja: () => 'Pod の ServiceAccount が存在する',
  },
  'policy.service-account-exists.message': {
    en: (p) => `ServiceAccount ${s(p.namespace)}/${s(p.name)} is not among the objects checked.`,
    ja: (p) =>
      `ServiceAccount ${s(p.namespace)}/${s(p.name)} が検査対象のオブジェクトにありません。`,
  },
  'policy.service-account-exists.fix': {
    en: () =>
      'add the ServiceAccount to the manifests, or check its files together with the workload.',
    ja: () =>
      'ServiceAccount をマニフェストに追加するか、そのファイルもワークロードと一緒に検査してください。',
  },
  'policy.no-token-automount.title': {
    en: () => 'No API token is mounted unless needed',
    ja: () => '必要なとき以外 API トークンをマウントしない',
  },
  'policy.no-token-automount.message': {
    en: (p) =>
      `the pod gets a Kubernetes API token: neither the pod nor ServiceAccount ${s(p.serviceAccount)} sets automountServiceAccountToken: false.`,
    ja: (p) =>
      `Pod に Kubernetes API のトークンがマウントされます。Pod にも ServiceAccount ${s(p.serviceAccount)} にも automountServiceAccountToken: false がありません。`,
  },
  'policy.no-token-automount.message.pod': {
    en: () => 'the pod sets automountServiceAccountToken: true and gets a Kubernetes API token.',
    ja: () =>
      'Pod が automountServiceAccountToken: true を設定しており、Kubernetes API のトークンがマウントされます。',
  },
  'policy.no-token-automount.fix': {
    en: () =>
      'set automountServiceAccountToken: false on the ServiceAccount or the pod; a pod that calls the API server suppresses this rule with its reason.',
    ja: () =>
      'ServiceAccount か Pod に automountServiceAccountToken: false を設定してください。API サーバーを呼び出す Pod は、理由を書いてこのルールを抑制します。',
  },
  'policy.namespace-default-deny.title': {
    en: () => 'Every namespace has a default-deny NetworkPolicy',
    ja: () => 'すべての Namespace に既定で拒否する NetworkPolicy を置く',
  },
  'policy.namespace-default-deny.message': {
    en: (p) =>
      `namespace ${s(p.namespace)} has no NetworkPolicy that denies ${s(p.directions)} for every pod.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} に、全 Pod の ${s(p.directions)} を拒否する NetworkPolicy がありません。`,
  },
  'policy.namespace-default-deny.fix': {
    en: () =>
      'add a NetworkPolicy with podSelector: {}, policyTypes: [Ingress, Egress] and no rules, then allow only the traffic the system needs.',
    ja: () =>
      'podSelector: {}、policyTypes: [Ingress, Egress] でルールを持たない NetworkPolicy を追加し、必要な通信だけを個別に許可してください。',
  },
};

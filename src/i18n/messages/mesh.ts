/** Texts of the S5 service mesh rules: enrolment in the ambient mesh and STRICT mTLS. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const MESH_MESSAGES: MessageTable = {
  'policy.mesh-enrolled.title': {
    en: () => "Business systems' namespaces are enrolled in the ambient mesh",
    ja: () => '業務システムの Namespace をアンビエントメッシュに参加させる',
  },
  'policy.mesh-enrolled.message': {
    en: (p) =>
      `namespace ${s(p.namespace)} has label ${s(p.label)} ${s(p.value)}, not ambient, so ztunnel does not encrypt its pods' traffic.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} のラベル ${s(p.label)} が ambient ではなく ${s(p.value)} のため、ztunnel はこの Namespace の Pod の通信を暗号化しません。`,
  },
  'policy.mesh-enrolled.message.sidecar': {
    en: (p) =>
      `namespace ${s(p.namespace)} sets ${s(p.label)}: ${s(p.value)}, which requests sidecar injection; the platform runs the mesh in ambient mode only.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} に ${s(p.label)}: ${s(p.value)} があり、サイドカーの注入を求めています。このプラットフォームはメッシュをアンビエントモードだけで動かします。`,
  },
  'policy.mesh-enrolled.fix': {
    en: () =>
      'label the Namespace istio.io/dataplane-mode: ambient and remove istio-injection: enabled and istio.io/rev; kinko synth generates it that way.',
    ja: () =>
      'Namespace にラベル istio.io/dataplane-mode: ambient を付け、istio-injection: enabled と istio.io/rev を外してください。kinko synth はこの形で生成します。',
  },
  'policy.mesh-pod-capture.title': {
    en: () => 'Pods of business systems stay captured by the mesh',
    ja: () => '業務システムの Pod をメッシュの捕捉から外さない',
  },
  'policy.mesh-pod-capture.message': {
    en: (p) =>
      `the pod template sets label ${s(p.label)}: ${s(p.value)} in namespace ${s(p.namespace)}, which takes the pods out of the mesh and its mTLS.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} の Pod テンプレートにラベル ${s(p.label)}: ${s(p.value)} があり、Pod がメッシュとその mTLS から外れます。`,
  },
  'policy.mesh-pod-capture.message.bypass': {
    en: (p) =>
      `the pod template sets ${s(p.annotation)}: "true" in namespace ${s(p.namespace)}, so plaintext reaches the pods without ztunnel and STRICT mTLS does not apply.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} の Pod テンプレートに ${s(p.annotation)}: "true" があり、平文が ztunnel を経ずに Pod に届くため STRICT の mTLS が効きません。`,
  },
  'policy.mesh-pod-capture.fix': {
    en: () =>
      'remove the istio.io/dataplane-mode label and the ambient.istio.io/bypass-inbound-capture annotation from the pod template, so the namespace enrolment applies.',
    ja: () =>
      'Pod テンプレートから istio.io/dataplane-mode ラベルと ambient.istio.io/bypass-inbound-capture アノテーションを削除し、Namespace の参加設定が効くようにしてください。',
  },
  'policy.mtls-strict.title': {
    en: () => "PeerAuthentications in business systems' namespaces keep mTLS STRICT",
    ja: () => '業務システムの Namespace の PeerAuthentication は mTLS を STRICT のままにする',
  },
  'policy.mtls-strict.message': {
    en: (p) =>
      `mtls.mode is ${s(p.mode)} in namespace ${s(p.namespace)}, so the mesh accepts plaintext connections to its pods.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} で mtls.mode が ${s(p.mode)} のため、メッシュはこの Namespace の Pod への平文の接続を受け入れます。`,
  },
  'policy.mtls-strict.message.port': {
    en: (p) =>
      `portLevelMtls sets port ${s(p.port)} to ${s(p.mode)} in namespace ${s(p.namespace)}, so that port accepts plaintext.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} で portLevelMtls がポート ${s(p.port)} を ${s(p.mode)} にしているため、このポートは平文を受け入れます。`,
  },
  'policy.mtls-strict.fix': {
    en: () =>
      'set mtls.mode to STRICT and remove the PERMISSIVE and DISABLE entries of portLevelMtls; a client outside the mesh must join it instead.',
    ja: () =>
      'mtls.mode を STRICT にし、portLevelMtls の PERMISSIVE と DISABLE を削除してください。メッシュ外のクライアントは、例外を作らずメッシュに参加させてください。',
  },
  'policy.namespace-mtls-strict.title': {
    en: () => "STRICT mTLS covers every business system's namespace",
    ja: () => 'すべての業務システムの Namespace に STRICT の mTLS を適用する',
  },
  'policy.namespace-mtls-strict.message': {
    en: (p) =>
      `namespace ${s(p.namespace)} has no PeerAuthentication without a selector in mode STRICT, and none in ${s(p.root)} covers it, so Istio's default PERMISSIVE applies.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} にセレクターなしで STRICT の PeerAuthentication がなく、${s(p.root)} のメッシュ全体の設定も適用されないため、Istio の既定値 PERMISSIVE になります。`,
  },
  'policy.namespace-mtls-strict.message.ambiguous': {
    en: (p) =>
      `namespace ${s(p.namespace)} has several PeerAuthentications without a selector: ${s(p.policies)}. Istio applies only one of them, so STRICT is not assured.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} にセレクターのない PeerAuthentication が複数あります（${s(p.policies)}）。Istio が適用するのはそのうち 1 つだけなので、STRICT になるとは限りません。`,
  },
  'policy.namespace-mtls-strict.message.meshAmbiguous': {
    en: (p) =>
      `namespace ${s(p.namespace)} has no PeerAuthentication without a selector, and ${s(p.root)} has several for the whole mesh: ${s(p.policies)}. Istio applies only one of them, so STRICT is not assured.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} にはセレクターのない PeerAuthentication がなく、メッシュ全体に効く ${s(p.root)} の PeerAuthentication は複数あります（${s(p.policies)}）。Istio が適用するのはそのうち 1 つだけなので、STRICT になるとは限りません。`,
  },
  'policy.namespace-mtls-strict.message.notStrict': {
    en: (p) =>
      `namespace ${s(p.namespace)} has a PeerAuthentication without a selector in a mode other than STRICT: ${s(p.policies)}.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} のセレクターのない PeerAuthentication のモードが STRICT ではありません: ${s(p.policies)}。`,
  },
  'policy.namespace-mtls-strict.message.meshNotStrict': {
    en: (p) =>
      `namespace ${s(p.namespace)} has no PeerAuthentication without a selector, and the one in ${s(p.root)} for the whole mesh is not STRICT: ${s(p.policies)}.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} にはセレクターのない PeerAuthentication がなく、メッシュ全体に効く ${s(p.root)} の PeerAuthentication のモードが STRICT ではありません: ${s(p.policies)}。`,
  },
  'policy.namespace-mtls-strict.fix': {
    en: () =>
      'keep one PeerAuthentication without a selector in the namespace, named default and with mtls.mode STRICT (kinko synth writes it to 25-mesh.yaml).',
    ja: () =>
      'Namespace のセレクターのない PeerAuthentication は、mtls.mode が STRICT の 1 つ（名前は default）だけにしてください（kinko synth は 25-mesh.yaml に出力します）。',
  },
};

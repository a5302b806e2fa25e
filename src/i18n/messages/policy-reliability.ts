/** Texts of the R2 and R6 policy rules: spreading replicas and draining nodes without errors. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const POLICY_RELIABILITY_MESSAGES: MessageTable = {
  'policy.replicas-at-least-two.title': {
    en: () => 'Workloads run at least two replicas',
    ja: () => 'ワークロードのレプリカを 2 つ以上にする',
  },
  'policy.replicas-at-least-two.message': {
    en: (p) => `replicas is ${s(p.replicas)}; losing one node or zone stops the workload.`,
    ja: (p) =>
      `replicas が ${s(p.replicas)} です。ノードやゾーンを 1 つ失うとワークロードが止まります。`,
  },
  'policy.replicas-at-least-two.fix': {
    en: () => 'set spec.replicas to 2 or more (3 spreads one per zone over three zones).',
    ja: () =>
      'spec.replicas を 2 以上にしてください（3 にすると 3 つのゾーンに 1 つずつ配置できます）。',
  },
  'policy.spread-zones-and-hosts.title': {
    en: () => 'Replicas spread over zones and nodes',
    ja: () => 'レプリカをゾーンとノードに分散する',
  },
  'policy.spread-zones-and-hosts.message': {
    en: (p) =>
      `no topology spread constraint or pod anti-affinity (required, or preferred with weight 100) that selects these pods spreads them over ${s(p.keys)}.`,
    ja: (p) =>
      `${s(p.keys)} でこの Pod を分散する、この Pod を選択するトポロジー分散制約も Pod 反アフィニティ（required、または weight 100 の preferred）もありません。`,
  },
  'policy.spread-zones-and-hosts.fix': {
    en: () =>
      "add topologySpreadConstraints on topology.kubernetes.io/zone and kubernetes.io/hostname whose labelSelector matches the pod template's labels.",
    ja: () =>
      'topology.kubernetes.io/zone と kubernetes.io/hostname に対する topologySpreadConstraints を追加し、その labelSelector を Pod テンプレートのラベルに一致させてください。',
  },
  'policy.no-deprecated-topology-labels.title': {
    en: () => 'No deprecated failure-domain labels',
    ja: () => '非推奨の failure-domain ラベルを使わない',
  },
  'policy.no-deprecated-topology-labels.message': {
    en: (p) =>
      `${s(p.label)} is deprecated since Kubernetes 1.17; nodes without it make this setting do nothing.`,
    ja: (p) =>
      `${s(p.label)} は Kubernetes 1.17 で非推奨になりました。このラベルがないノードでは設定が効きません。`,
  },
  'policy.no-deprecated-topology-labels.fix': {
    en: () => 'use topology.kubernetes.io/zone or topology.kubernetes.io/region instead.',
    ja: () =>
      '代わりに topology.kubernetes.io/zone か topology.kubernetes.io/region を使ってください。',
  },
  'policy.pdb-selects-workload.title': {
    en: () => 'A PodDisruptionBudget covers each workload',
    ja: () => '各ワークロードを PodDisruptionBudget の対象にする',
  },
  'policy.pdb-selects-workload.message': {
    en: (p) =>
      `no PodDisruptionBudget in namespace ${s(p.namespace)} selects the pod template's labels, so a drain may evict every replica at once.`,
    ja: (p) =>
      `Namespace ${s(p.namespace)} に Pod テンプレートのラベルを選択する PodDisruptionBudget がないため、ドレインで全レプリカが同時に退避される可能性があります。`,
  },
  'policy.pdb-selects-workload.fix': {
    en: () =>
      "add a policy/v1 PodDisruptionBudget with maxUnavailable: 1 whose selector matches the pod template's labels.",
    ja: () =>
      'Pod テンプレートのラベルに一致する selector と maxUnavailable: 1 を持つ policy/v1 の PodDisruptionBudget を追加してください。',
  },
  'policy.prestop-sleep.title': {
    en: () => 'Serving containers sleep in preStop',
    ja: () => 'リクエストを受けるコンテナは preStop で待機する',
  },
  'policy.prestop-sleep.message': {
    en: (p) =>
      `${s(p.container)} has no preStop sleep, so it may receive requests after it starts shutting down.`,
    ja: (p) =>
      `${s(p.container)} に preStop の sleep がないため、終了処理を始めた後にもリクエストを受ける可能性があります。`,
  },
  'policy.prestop-sleep.message.tooShort': {
    en: (p) =>
      `${s(p.container)} sleeps ${s(p.seconds)} s in preStop, shorter than the ${s(p.minimum)} s the endpoint removal and the load balancer take, so it may still receive requests while it shuts down.`,
    ja: (p) =>
      `${s(p.container)} の preStop の sleep は ${s(p.seconds)} 秒で、エンドポイントの削除とロードバランサーにかかる ${s(p.minimum)} 秒より短いため、終了処理中にもリクエストを受ける可能性があります。`,
  },
  'policy.prestop-sleep.fix': {
    en: () =>
      'add lifecycle.preStop.sleep.seconds, long enough for endpoint removal and in-flight requests.',
    ja: () =>
      'エンドポイントからの削除と処理中のリクエストの完了に足りる長さで lifecycle.preStop.sleep.seconds を追加してください。',
  },
  'policy.grace-period-exceeds-prestop.title': {
    en: () => 'The grace period is an integer above the preStop sleep plus a margin',
    ja: () => '猶予期間は preStop の sleep に余裕を加えた値より大きい整数にする',
  },
  'policy.grace-period-exceeds-prestop.message': {
    en: (p) =>
      `terminationGracePeriodSeconds is ${s(p.value)}; with a preStop sleep of ${s(p.sleep)} s and a margin of ${s(p.margin)} s it must be at least ${s(p.minimum)}.`,
    ja: (p) =>
      `terminationGracePeriodSeconds が ${s(p.value)} です。preStop の sleep ${s(p.sleep)} 秒と余裕 ${s(p.margin)} 秒に対し、${s(p.minimum)} 以上が必要です。`,
  },
  'policy.grace-period-exceeds-prestop.message.unset': {
    en: (p) =>
      `terminationGracePeriodSeconds is not set (the default is 30 s); with a preStop sleep of ${s(p.sleep)} s and a margin of ${s(p.margin)} s, set at least ${s(p.minimum)}.`,
    ja: (p) =>
      `terminationGracePeriodSeconds が未設定です（既定値は 30 秒）。preStop の sleep ${s(p.sleep)} 秒と余裕 ${s(p.margin)} 秒に対し、${s(p.minimum)} 以上を設定してください。`,
  },
  'policy.grace-period-exceeds-prestop.message.notInteger': {
    en: (p) =>
      `terminationGracePeriodSeconds is ${s(p.value)}, not an integer number of seconds; the API server rejects it.`,
    ja: (p) =>
      `terminationGracePeriodSeconds が ${s(p.value)} で、秒数の整数ではありません。API サーバーはこのマニフェストを拒否します。`,
  },
  'policy.grace-period-exceeds-prestop.fix': {
    en: () =>
      'write terminationGracePeriodSeconds as an integer number of seconds greater than the preStop sleep plus the margin (for example sleep 160 under 180).',
    ja: () =>
      'terminationGracePeriodSeconds を、preStop の sleep と余裕の合計より大きい秒数の整数で書いてください（例: sleep 160 に対して 180）。',
  },
};

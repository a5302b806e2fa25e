/**
 * Messages of the shutdown timing checks of platform.yaml (R6), each with its `.fix`. All times
 * are in seconds; `{path}` is the YAML path of the setting to change.
 */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const CONFIG_TIMING_MESSAGES: MessageTable = {
  'config.timing.preStopPropagation': {
    en: (p) =>
      `${s(p.path)}: preStop sleep ${s(p.sleep)} s is shorter than the ${s(p.bound)} s the routers may keep sending requests (endpoint removal ${s(p.endpoint)} s${p.alb === undefined ? '' : ` + ALB deregistration ${s(p.alb)} s`}), so requests would reach a pod that has stopped serving.`,
    ja: (p) =>
      `${s(p.path)}: preStop の sleep ${s(p.sleep)} 秒が、ルーターがリクエストを送り続けうる ${s(p.bound)} 秒（エンドポイント削除 ${s(p.endpoint)} 秒${p.alb === undefined ? '' : ` + ALB の登録解除 ${s(p.alb)} 秒`}）より短いため、停止済みの Pod にリクエストが届きます。`,
  },
  'config.timing.preStopPropagation.fix': {
    en: (p) =>
      `set preStopSleepSeconds to ${s(p.bound)} or more and terminationGracePeriodSeconds above the sleep plus longestRequestSeconds (above ${s(p.graceBound)} for a sleep of ${s(p.bound)}); lower timing.endpointPropagationSeconds or timing.albDeregistrationSeconds only after measuring them.`,
    ja: (p) =>
      `preStopSleepSeconds を ${s(p.bound)} 以上にし、terminationGracePeriodSeconds を sleep と longestRequestSeconds の合計より大きくしてください（sleep ${s(p.bound)} なら ${s(p.graceBound)} より大きく）。timing.endpointPropagationSeconds や timing.albDeregistrationSeconds を下げるのは、実測してからにしてください。`,
  },
  'config.timing.graceRequest': {
    en: (p) =>
      `${s(p.path)}: terminationGracePeriodSeconds ${s(p.grace)} s is not longer than the preStop sleep ${s(p.sleep)} s plus the longest request ${s(p.longest)} s (${s(p.bound)} s), so the kubelet could kill a request in flight.`,
    ja: (p) =>
      `${s(p.path)}: terminationGracePeriodSeconds の ${s(p.grace)} 秒が、preStop の sleep ${s(p.sleep)} 秒と最長のリクエスト ${s(p.longest)} 秒の合計 ${s(p.bound)} 秒以下です。処理中のリクエストを kubelet が強制終了するおそれがあります。`,
  },
  'config.timing.graceRequest.fix': {
    en: (p) =>
      `set terminationGracePeriodSeconds above ${s(p.bound)}, for example ${s(p.suggestion)}.`,
    ja: (p) =>
      `terminationGracePeriodSeconds を ${s(p.bound)} より大きくしてください（例: ${s(p.suggestion)}）。`,
  },
  'config.timing.delayRequest': {
    en: (p) =>
      `${s(p.path)}: the longest request ${s(p.longest)} s exceeds the ALB target groups' deregistration delay of ${s(p.delay)} s (the longest preStop sleep of all apps), so the ALB could cut a request in flight.`,
    ja: (p) =>
      `${s(p.path)}: 最長のリクエスト ${s(p.longest)} 秒が、ALB のターゲットグループの登録解除の遅延 ${s(p.delay)} 秒（全アプリで最長の preStop の sleep）を超えています。処理中のリクエストを ALB が切断するおそれがあります。`,
  },
  'config.timing.delayRequest.fix': {
    en: (p) =>
      `raise the longest preStopSleepSeconds to ${s(p.longest)} or more (the delay follows it), or shorten the app's requests.`,
    ja: (p) =>
      `最長の preStopSleepSeconds を ${s(p.longest)} 以上にするか（遅延はこれに合わせて決まります）、アプリのリクエストを短くしてください。`,
  },
  'config.timing.delayPreStop': {
    en: (p) =>
      `${s(p.path)}: preStop sleep ${s(p.sleep)} s is shorter than the ALB target groups' deregistration delay of ${s(p.delay)} s (the longest preStop sleep of all apps), so the pod could stop while the ALB still drains it.`,
    ja: (p) =>
      `${s(p.path)}: preStop の sleep ${s(p.sleep)} 秒が、ALB のターゲットグループの登録解除の遅延 ${s(p.delay)} 秒（全アプリで最長の preStop の sleep）より短いため、ALB の登録解除が終わる前に Pod が停止するおそれがあります。`,
  },
  'config.timing.delayPreStop.fix': {
    en: (p) =>
      `give every app the same preStopSleepSeconds, here ${s(p.delay)}, with terminationGracePeriodSeconds above ${s(p.graceBound)}.`,
    ja: (p) =>
      `すべてのアプリの preStopSleepSeconds をそろえてください。ここでは ${s(p.delay)} にし、terminationGracePeriodSeconds を ${s(p.graceBound)} より大きくします。`,
  },
};

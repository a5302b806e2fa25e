/** Messages of `kinko drain` and `kinko uncordon`. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const DRAIN_MESSAGES: MessageTable = {
  'cli.drain.description': {
    en: () =>
      'take nodes out of the load balancers, cordon them and evict their pods within their disruption budgets',
    ja: () =>
      'ノードをロードバランサーから外して cordon し、Pod を PodDisruptionBudget の範囲内で退避させる',
  },
  'cli.drain.option.nodegroup': {
    en: () => 'drain every node of this EKS node group',
    ja: () => 'この EKS ノードグループのノードをすべて対象にする',
  },
  'cli.drain.option.zone': {
    en: () => 'drain every node of this Availability Zone',
    ja: () => 'このアベイラビリティーゾーンのノードをすべて対象にする',
  },
  'cli.drain.option.state': {
    en: () => 'state file that lets a rerun continue (default: $XDG_STATE_HOME/kinko/drain.json)',
    ja: () =>
      '再実行で続きから再開するための状態ファイル（既定: $XDG_STATE_HOME/kinko/drain.json）',
  },
  'cli.drain.option.timeout': {
    en: () => 'stop after this long, for example 10m or 90s; the nodes stay cordoned',
    ja: () => 'この時間で打ち切る（例: 10m、90s）。ノードは cordon されたまま残る',
  },
  'cli.drain.option.force': {
    en: () => 'also evict pods that no controller owns (they are not recreated)',
    ja: () => 'コントローラーを持たない Pod も退避させる（再作成されない）',
  },
  'cli.drain.option.noLoadBalancer': {
    en: () => 'skip deregistration from the Kinko target groups',
    ja: () => 'Kinko のターゲットグループからの登録解除を行わない',
  },
  'cli.drain.option.cluster': {
    en: () => 'cluster key in platform.yaml whose target groups the nodes belong to',
    ja: () => 'ノードが属するターゲットグループのクラスター（platform.yaml のキー）',
  },
  'cli.drain.badTimeout': {
    en: (p) => `--timeout ${s(p.value)} is not a duration; use for example 90s, 10m or 1h.`,
    ja: (p) =>
      `--timeout ${s(p.value)} は期間として読めません。90s、10m、1h のように指定してください。`,
  },
  'cli.uncordon.description': {
    en: () => 'undo a drain: make the nodes schedulable and remove the exclusion label',
    ja: () => 'drain を元に戻す。ノードをスケジュール可能にし、除外ラベルを外す',
  },
  'drain.target.empty': {
    en: (p) => `no node has the labels ${s(p.selector)}.`,
    ja: (p) => `ラベル ${s(p.selector)} を持つノードがありません。`,
  },
  'drain.target.empty.fix': {
    en: () => 'check the name with kubectl get nodes --show-labels.',
    ja: () => 'kubectl get nodes --show-labels で名前を確認してください。',
  },
  'drain.target.unknownNode': {
    en: (p) => `node ${s(p.node)} does not exist.`,
    ja: (p) => `ノード ${s(p.node)} は存在しません。`,
  },
  'drain.target.unknownNode.fix': {
    en: () => 'check the name with kubectl get nodes.',
    ja: () => 'kubectl get nodes で名前を確認してください。',
  },
  'drain.target.none': {
    en: () => 'no node to drain was named.',
    ja: () => '対象のノードが指定されていません。',
  },
  'drain.target.none.fix': {
    en: () => 'name nodes, or pass --nodegroup or --zone.',
    ja: () => 'ノード名を指定するか、--nodegroup または --zone を指定してください。',
  },
  'drain.state.unreadable': {
    en: (p) => `state file ${s(p.path)} cannot be read: ${s(p.reason)}`,
    ja: (p) => `状態ファイル ${s(p.path)} を読めません: ${s(p.reason)}`,
  },
  'drain.state.unreadable.fix': {
    en: () =>
      'remove the file after checking the nodes with kubectl get nodes, or pass another --state.',
    ja: () =>
      'kubectl get nodes でノードの状態を確かめてからファイルを削除するか、別の --state を指定してください。',
  },
  'drain.unmanaged': {
    en: (p) => `these pods have no controller and would not come back after eviction: ${s(p.pods)}`,
    ja: (p) => `次の Pod はコントローラーを持たず、退避させると戻りません: ${s(p.pods)}`,
  },
  'drain.unmanaged.fix': {
    en: () => 'move them yourself, or pass --force to evict them anyway.',
    ja: () => '自分で移すか、それでも退避させるなら --force を指定してください。',
  },
  'drain.notConfirmed': {
    en: () => 'not confirmed; nothing was changed.',
    ja: () => '確認されなかったため、何も変更していません。',
  },
  'drain.needsYes': {
    en: () => 'kinko drain needs confirmation, and there is no terminal to ask on.',
    ja: () => 'kinko drain には確認が必要ですが、確認を求める端末がありません。',
  },
  'drain.needsYes.fix': {
    en: () => 'review the plan with --dry-run, then rerun with --yes.',
    ja: () => '--dry-run で計画を確認してから、--yes を付けて再実行してください。',
  },
  'drain.confirm.question': {
    en: (p) => `drain ${s(p.count)} node(s): ${s(p.nodes)}? [y/N] `,
    ja: (p) => `${s(p.count)} 台のノード（${s(p.nodes)}）を drain しますか? [y/N] `,
  },
  'drain.plan.node': {
    en: (p) =>
      `plan: ${s(p.node)} (${s(p.instance)}): evict ${s(p.evict)}, skip ${s(p.daemonset)} DaemonSet, ${s(p.mirror)} mirror, ${s(p.finished)} finished, ${s(p.unmanaged)} unmanaged`,
    ja: (p) =>
      `計画: ${s(p.node)}（${s(p.instance)}）: 退避 ${s(p.evict)}、対象外 DaemonSet ${s(p.daemonset)}・ミラー ${s(p.mirror)}・終了済み ${s(p.finished)}・管理外 ${s(p.unmanaged)}`,
  },
  'drain.plan.lbSkipped': {
    en: (p) => `note: deregistration from the target groups is skipped: ${s(p.reason)}`,
    ja: (p) => `注意: ターゲットグループからの登録解除は行いません: ${s(p.reason)}`,
  },
  'drain.lbSkip.option': {
    en: () => '--no-load-balancer was given',
    ja: () => '--no-load-balancer が指定されました',
  },
  'drain.lbSkip.noEdge': {
    en: () => 'platform.yaml declares no edge, so Kinko owns no target group',
    ja: () => 'platform.yaml に edge がなく、Kinko のターゲットグループはありません',
  },
  'drain.needsCluster': {
    en: (p) => `platform.yaml has several clusters (${s(p.clusters)}); which one are the nodes in?`,
    ja: (p) =>
      `platform.yaml には複数のクラスター（${s(p.clusters)}）があり、ノードの所属が決まりません。`,
  },
  'drain.needsCluster.fix': {
    en: () => 'pass --cluster with the key of the cluster the kubeconfig points at.',
    ja: () => 'kubeconfig の接続先クラスターのキーを --cluster に指定してください。',
  },
  'drain.step.alreadyDone': {
    en: (p) => `${s(p.node)}: ${s(p.step)} already done (state file)`,
    ja: (p) => `${s(p.node)}: ${s(p.step)} は完了済みです（状態ファイル）`,
  },
  'drain.step.done': {
    en: (p) => `${s(p.node)}: ${s(p.step)} done`,
    ja: (p) => `${s(p.node)}: ${s(p.step)} 完了`,
  },
  'drain.step.wouldDo': {
    en: (p) => `${s(p.node)}: ${s(p.step)} (dry run, not done)`,
    ja: (p) => `${s(p.node)}: ${s(p.step)}（ドライラン。実行していません）`,
  },
  'drain.lb.skipped': {
    en: (p) => `${s(p.node)}: deregistration skipped: ${s(p.reason)}`,
    ja: (p) => `${s(p.node)}: 登録解除を省略しました: ${s(p.reason)}`,
  },
  'drain.lb.noInstance': {
    en: (p) => `node ${s(p.node)} has no EC2 instance id in spec.providerID.`,
    ja: (p) => `ノード ${s(p.node)} の spec.providerID に EC2 インスタンス ID がありません。`,
  },
  'drain.lb.noInstance.fix': {
    en: () => 'pass --no-load-balancer if the node is not an EC2 instance.',
    ja: () => 'EC2 インスタンスでないノードなら --no-load-balancer を指定してください。',
  },
  'drain.lb.deregister': {
    en: (p) =>
      `${s(p.node)}: ${s(p.instance)} leaves target group ${s(p.targetGroup)} (${s(p.count)} registration(s))`,
    ja: (p) =>
      `${s(p.node)}: ${s(p.instance)} をターゲットグループ ${s(p.targetGroup)} から外します（登録 ${s(p.count)} 件）`,
  },
  'drain.lb.waiting': {
    en: (p) =>
      `${s(p.node)}: ${s(p.targetGroup)} still draining; checking again in ${s(p.seconds)} s`,
    ja: (p) =>
      `${s(p.node)}: ${s(p.targetGroup)} はまだ draining です。${s(p.seconds)} 秒後に再確認します`,
  },
  'drain.evict.skip': {
    en: (p) => `${s(p.pod)}: left in place (${s(p.handling)})`,
    ja: (p) => `${s(p.pod)}: そのまま残します（${s(p.handling)}）`,
  },
  'drain.evict.done': {
    en: (p) => `${s(p.pod)}: evicted from ${s(p.node)}`,
    ja: (p) => `${s(p.pod)}: ${s(p.node)} から退避させました`,
  },
  'drain.evict.wouldEvict': {
    en: (p) => `${s(p.pod)}: the API server would allow its eviction (dry run)`,
    ja: (p) => `${s(p.pod)}: API サーバーは退避を許可します（ドライラン）`,
  },
  'drain.evict.retry': {
    en: (p) =>
      `${s(p.pod)}: its disruption budget allows no eviction now (${s(p.reason)}); retry ${s(p.attempt)} in ${s(p.seconds)} s`,
    ja: (p) =>
      `${s(p.pod)}: PodDisruptionBudget により今は退避できません（${s(p.reason)}）。${s(p.seconds)} 秒後に再試行します（${s(p.attempt)} 回目）`,
  },
  'drain.evict.severalBudgets': {
    en: (p) => `${s(p.pod)}: cannot be evicted: ${s(p.reason)}`,
    ja: (p) => `${s(p.pod)} は退避できません: ${s(p.reason)}`,
  },
  'drain.evict.severalBudgets.fix': {
    en: () =>
      'more than one PodDisruptionBudget selects this pod; keep one, then rerun the same command.',
    ja: () =>
      'この Pod を選択する PodDisruptionBudget が複数あります。1 つに絞ってから同じコマンドを再実行してください。',
  },
  'drain.evict.failed': {
    en: (p) => `${s(p.pod)}: eviction failed: ${s(p.reason)}`,
    ja: (p) => `${s(p.pod)}: 退避に失敗しました: ${s(p.reason)}`,
  },
  'drain.replacements.waiting': {
    en: (p) => `waiting for replacements to be Ready elsewhere: ${s(p.owners)}`,
    ja: (p) => `代わりの Pod が他のノードで Ready になるのを待っています: ${s(p.owners)}`,
  },
  'drain.timeout.budget': {
    en: (p) =>
      `timed out: ${s(p.pod)} could not be evicted within its disruption budget after ${s(p.attempts)} attempt(s) (${s(p.reason)}).`,
    ja: (p) =>
      `時間切れです: ${s(p.pod)} は ${s(p.attempts)} 回試みても PodDisruptionBudget の範囲内で退避できませんでした（${s(p.reason)}）。`,
  },
  'drain.timeout.budget.fix': {
    en: () =>
      'the nodes stay cordoned and nothing was deleted; check the budget (kubectl get pdb -A), then rerun the same command to continue, or undo with kinko uncordon.',
    ja: () =>
      'ノードは cordon されたままで、何も削除していません。kubectl get pdb -A で PodDisruptionBudget を確認してから同じコマンドで続きを実行するか、kinko uncordon で元に戻してください。',
  },
  'drain.timeout.lb': {
    en: (p) =>
      `timed out: ${s(p.instance)} of ${s(p.node)} is still draining in ${s(p.targetGroup)}.`,
    ja: (p) =>
      `時間切れです: ${s(p.node)} の ${s(p.instance)} は ${s(p.targetGroup)} でまだ draining です。`,
  },
  'drain.timeout.lb.fix': {
    en: () => 'rerun the same command with a longer --timeout than the deregistration delay.',
    ja: () => '登録解除の遅延より長い --timeout を付けて、同じコマンドを再実行してください。',
  },
  'drain.timeout.replacements': {
    en: (p) => `timed out waiting for replacements to be Ready: ${s(p.owners)}`,
    ja: (p) => `代わりの Pod が Ready になる前に時間切れになりました: ${s(p.owners)}`,
  },
  'drain.timeout.replacements.fix': {
    en: () =>
      'the nodes stay cordoned; look at the Pending pods (kubectl get pods -A --field-selector status.phase=Pending), then rerun the same command.',
    ja: () =>
      'ノードは cordon されたままです。Pending の Pod を kubectl get pods -A --field-selector status.phase=Pending で確認してから、同じコマンドを再実行してください。',
  },
  'drain.timeout.nodeState': {
    en: (p) => `${s(p.node)}: cordoned, steps done: ${s(p.done)}`,
    ja: (p) => `${s(p.node)}: cordon 済み。完了した手順: ${s(p.done)}`,
  },
  'drain.summary': {
    en: (p) =>
      `${s(p.mode)}drained ${s(p.nodes)} node(s): ${s(p.evicted)} pod(s) evicted, ${s(p.skipped)} left in place`,
    ja: (p) =>
      `${s(p.mode)}${s(p.nodes)} 台のノードを drain しました。退避 ${s(p.evicted)} 個、対象外 ${s(p.skipped)} 個`,
  },
  'drain.progress': {
    en: (p) => `[${s(p.bar)}] ${s(p.done)}/${s(p.total)} pods evicted`,
    ja: (p) => `[${s(p.bar)}] ${s(p.done)}/${s(p.total)} 個の Pod を退避`,
  },
  'drain.timing.preStopCoversPropagation': {
    en: (p) =>
      `${s(p.app)}: preStop sleep ${s(p.actualSeconds)} s must be at least ${s(p.boundSeconds)} s (endpoint removal plus ALB deregistration).`,
    ja: (p) =>
      `${s(p.app)}: preStop のスリープ ${s(p.actualSeconds)} 秒は、エンドポイント削除と ALB の登録解除の合計 ${s(p.boundSeconds)} 秒以上にしてください。`,
  },
  'drain.timing.graceCoversPreStopAndRequest': {
    en: (p) =>
      `${s(p.app)}: terminationGracePeriodSeconds ${s(p.actualSeconds)} s must be greater than ${s(p.boundSeconds)} s (preStop sleep plus the longest request).`,
    ja: (p) =>
      `${s(p.app)}: terminationGracePeriodSeconds の ${s(p.actualSeconds)} 秒は、preStop のスリープと最長のリクエストの合計 ${s(p.boundSeconds)} 秒より長くしてください。`,
  },
  'drain.timing.delayCoversRequest': {
    en: (p) =>
      `${s(p.app)}: the target group's deregistration delay ${s(p.actualSeconds)} s must be at least the longest request, ${s(p.boundSeconds)} s.`,
    ja: (p) =>
      `${s(p.app)}: ターゲットグループの登録解除の遅延 ${s(p.actualSeconds)} 秒は、最長のリクエスト ${s(p.boundSeconds)} 秒以上にしてください。`,
  },
  'drain.timing.delayWithinPreStop': {
    en: (p) =>
      `${s(p.app)}: the target group's deregistration delay ${s(p.actualSeconds)} s must not exceed the preStop sleep, ${s(p.boundSeconds)} s.`,
    ja: (p) =>
      `${s(p.app)}: ターゲットグループの登録解除の遅延 ${s(p.actualSeconds)} 秒は、preStop のスリープ ${s(p.boundSeconds)} 秒以下にしてください。`,
  },
  'drain.uncordon.done': {
    en: (p) =>
      `${s(p.node)}: schedulable again, exclusion label removed; the load balancer controller registers it again`,
    ja: (p) =>
      `${s(p.node)}: スケジュール可能に戻し、除外ラベルを外しました。ターゲットグループへの再登録はロードバランサーのコントローラーが行います`,
  },
  'drain.uncordon.would': {
    en: (p) => `${s(p.node)}: would be made schedulable (dry run)`,
    ja: (p) => `${s(p.node)}: スケジュール可能に戻します（ドライラン）`,
  },
};

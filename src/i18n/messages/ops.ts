/** Messages of the edge operations: `kinko status`, `switch`, `rollback` and `dr`. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const OPS_MESSAGES: MessageTable = {
  'cli.ops.option.config': {
    en: () => 'platform.yaml that names the edge ALB, its rules and the DR records',
    ja: () => 'edge の ALB、そのルール、DR のレコードを定義した platform.yaml',
  },
  'cli.ops.option.output': {
    en: () => 'output format: text, or json (the result object on stdout)',
    ja: () => '出力形式: text、または json（結果のオブジェクトを標準出力へ）',
  },
  'cli.ops.option.endpointUrl': {
    en: () =>
      'endpoint URL of every AWS API, for an emulator such as moto (also KINKO_AWS_ENDPOINT_URL)',
    ja: () =>
      'すべての AWS API のエンドポイント URL。moto などのエミュレーター用（KINKO_AWS_ENDPOINT_URL でも指定可）',
  },
  'cli.ops.option.system': {
    en: () => 'system to change, as named in platform.yaml',
    ja: () => '変更するシステム（platform.yaml での名前）',
  },
  'cli.ops.option.yes': {
    en: () => 'approve the plan without a prompt (required when stdin is not a terminal)',
    ja: () => '確認せずに計画を承認する（標準入力が端末でないときは必須）',
  },
  'cli.ops.option.force': {
    en: () => 'change even when the target has no healthy targets',
    ja: () => '切り替え先に正常なターゲットがなくても変更する',
  },
  'cli.ops.option.dryRun': {
    en: () => 'print the plan and change nothing',
    ja: () => '計画を表示するだけで何も変更しない',
  },
  'cli.ops.option.journal': {
    en: () => 'change journal, JSON lines (default: KINKO_JOURNAL, else .kinko/journal.jsonl)',
    ja: () => '変更ジャーナル（JSON Lines）。既定は KINKO_JOURNAL、なければ .kinko/journal.jsonl',
  },
  'cli.status.description': {
    en: () =>
      'show, per system, the live cluster, the DR region in use and the target group health, and with a cluster named the live colour of each blue/green app',
    ja: () =>
      'システムごとの稼働クラスター、使用中のリージョン（DR）、ターゲットグループの状態を表示する。クラスターを指定すると、Blue/Green の各アプリの稼働中の色も表示する',
  },
  'cli.switch.description': {
    en: () => 'switch a system to another cluster (blue/green)',
    ja: () => 'システムを別のクラスターへ切り替える（Blue/Green）',
  },
  'cli.switch.cluster.description': {
    en: () => "move a system's users to another cluster with one change of its ALB listener rule",
    ja: () => 'ALB リスナールールを 1 回変更し、システムの利用者を別のクラスターへ移す',
  },
  'cli.switch.option.to': {
    en: () => 'cluster key to send the users to, for example green',
    ja: () => '利用者の移動先のクラスターキー（例: green）',
  },
  'cli.rollback.description': {
    en: () => 'undo the last switch of a system',
    ja: () => 'システムの直前の切り替えを元に戻す',
  },
  'cli.rollback.cluster.description': {
    en: () =>
      'send the users back to the cluster that was live before the last switch in the journal',
    ja: () => 'ジャーナル上の直前の切り替えより前に稼働していたクラスターへ利用者を戻す',
  },
  'cli.dr.description': {
    en: () => 'move a system between the primary and the DR region through its Route 53 record',
    ja: () => 'Route 53 のレコードを書き換え、システムをプライマリと DR リージョンの間で移す',
  },
  'cli.dr.failover.description': {
    en: () => "point the system's primary failover record at the DR region's ALB",
    ja: () => 'システムのプライマリのフェイルオーバーレコードを DR リージョンの ALB に向ける',
  },
  'cli.dr.failback.description': {
    en: () => "point the system's primary failover record back at the primary region's ALB",
    ja: () => 'システムのプライマリのフェイルオーバーレコードをプライマリリージョンの ALB に戻す',
  },

  'ops.aws.failed': {
    en: (p) => `${s(p.step)} failed: ${s(p.reason)}. Nothing was changed by this step.`,
    ja: (p) =>
      `${s(p.step)} が失敗しました: ${s(p.reason)}。このステップでは何も変更していません。`,
  },
  'ops.aws.failed.fix': {
    en: () =>
      'check the credentials, the region and the endpoint, then run the command again; it resumes where it stopped.',
    ja: () =>
      '認証情報、リージョン、エンドポイントを確認して再実行してください。中断した箇所から再開します。',
  },
  'ops.edge.notDeclared': {
    en: () => 'platform.yaml declares no edge ALB.',
    ja: () => 'platform.yaml に edge の ALB が宣言されていません。',
  },
  'ops.edge.notDeclared.fix': {
    en: () => 'declare edge in platform.yaml and deploy the edge stack first.',
    ja: () => 'platform.yaml に edge を宣言し、先に edge スタックをデプロイしてください。',
  },
  'ops.edge.loadBalancerNotFound': {
    en: (p) => `load balancer ${s(p.name)} not found in ${s(p.region)}.`,
    ja: (p) => `${s(p.region)} にロードバランサー ${s(p.name)} が見つかりません。`,
  },
  'ops.edge.loadBalancerNotFound.fix': {
    en: () =>
      'deploy the edge stack that kinko synth wrote, or check the region, account and endpoint.',
    ja: () =>
      'kinko synth が出力した edge スタックをデプロイするか、リージョン、アカウント、エンドポイントを確認してください。',
  },
  'ops.edge.listenerNotFound': {
    en: (p) => `load balancer ${s(p.name)} has no listener on port ${s(p.port)}.`,
    ja: (p) => `ロードバランサー ${s(p.name)} にポート ${s(p.port)} のリスナーがありません。`,
  },
  'ops.edge.listenerNotFound.fix': {
    en: () => 'redeploy the edge stack that kinko synth wrote.',
    ja: () => 'kinko synth が出力した edge スタックを再デプロイしてください。',
  },
  'ops.edge.ruleNotFound': {
    en: (p) => `system ${s(p.system)}: no listener rule at priority ${s(p.priority)}.`,
    ja: (p) => `システム ${s(p.system)}: 優先度 ${s(p.priority)} のリスナールールがありません。`,
  },
  'ops.edge.ruleNotFound.fix': {
    en: () =>
      'deploy the edge stack synthesized from this platform.yaml; rule priorities follow the order of systems.',
    ja: () =>
      'この platform.yaml から合成した edge スタックをデプロイしてください。ルールの優先度はシステムの並び順で決まります。',
  },
  'ops.edge.ruleMismatch': {
    en: (p) =>
      `system ${s(p.system)}: the rule at priority ${s(p.priority)} routes ${s(p.hosts)}, not ${s(p.host)}; nothing was changed.`,
    ja: (p) =>
      `システム ${s(p.system)}: 優先度 ${s(p.priority)} のルールは ${s(p.host)} ではなく ${s(p.hosts)} を振り分けています。何も変更していません。`,
  },
  'ops.edge.ruleMismatch.fix': {
    en: () =>
      'the deployed edge stack was built from another platform.yaml (systems reordered?); deploy the current one first.',
    ja: () =>
      'デプロイ済みの edge スタックは別の platform.yaml から作られています（システムの順序を変えましたか）。先に現在の定義をデプロイしてください。',
  },
  'ops.edge.targetGroupNotFound': {
    en: (p) => `target group ${s(p.name)} of cluster ${s(p.cluster)} not found.`,
    ja: (p) => `クラスター ${s(p.cluster)} のターゲットグループ ${s(p.name)} が見つかりません。`,
  },
  'ops.edge.targetGroupNotFound.fix': {
    en: () => 'deploy the edge stack synthesized from this platform.yaml.',
    ja: () => 'この platform.yaml から合成した edge スタックをデプロイしてください。',
  },
  'ops.edge.unknownTargetGroup': {
    en: (p) => `rule ${s(p.rule)} forwards to ${s(p.arn)}, which is no cluster's target group.`,
    ja: (p) =>
      `ルール ${s(p.rule)} の転送先 ${s(p.arn)} は、どのクラスターのターゲットグループでもありません。`,
  },
  'ops.edge.unknownTargetGroup.fix': {
    en: () => 'someone changed the rule by hand; redeploy the edge stack, then switch again.',
    ja: () =>
      'ルールが手作業で変更されています。edge スタックを再デプロイしてから切り替え直してください。',
  },
  'ops.system.unknown': {
    en: (p) => `system ${s(p.system)} is not in platform.yaml; it has: ${s(p.systems)}.`,
    ja: (p) =>
      `システム ${s(p.system)} は platform.yaml にありません。あるのは ${s(p.systems)} です。`,
  },
  'ops.system.unknown.fix': {
    en: () => 'pass one of the listed systems with --system.',
    ja: () => '--system に一覧のシステムのいずれかを指定してください。',
  },
  'ops.cluster.unknown': {
    en: (p) => `cluster ${s(p.cluster)} is not in platform.yaml; it has: ${s(p.clusters)}.`,
    ja: (p) =>
      `クラスター ${s(p.cluster)} は platform.yaml にありません。あるのは ${s(p.clusters)} です。`,
  },
  'ops.cluster.unknown.fix': {
    en: () => 'pass one of the listed cluster keys with --to.',
    ja: () => '--to に一覧のクラスターキーのいずれかを指定してください。',
  },
  'ops.rollback.nothing': {
    en: (p) =>
      `system ${s(p.system)}: the journal ${s(p.journal)} records no completed switch to roll back.`,
    ja: (p) =>
      `システム ${s(p.system)}: ジャーナル ${s(p.journal)} に、元に戻せる完了済みの切り替えがありません。`,
  },
  'ops.rollback.nothing.fix': {
    en: () =>
      'pass the journal of the switch with --journal, or choose the cluster with kinko switch cluster --to.',
    ja: () =>
      '切り替え時のジャーナルを --journal で指定するか、kinko switch cluster --to でクラスターを指定してください。',
  },
  'ops.journal.writeFailed': {
    en: (p) => `cannot write the journal ${s(p.path)}: ${s(p.reason)}.`,
    ja: (p) => `ジャーナル ${s(p.path)} に書き込めません: ${s(p.reason)}。`,
  },
  'ops.journal.writeFailed.fix': {
    en: () =>
      'choose a writable file with --journal; a change is never made without its journal entry.',
    ja: () =>
      '--journal で書き込めるファイルを指定してください。ジャーナルに記録できない変更は行いません。',
  },
  'ops.confirm.noTerminal': {
    en: (p) => `system ${s(p.system)}: the change needs approval, and stdin is not a terminal.`,
    ja: (p) => `システム ${s(p.system)}: 変更には承認が必要ですが、標準入力が端末ではありません。`,
  },
  'ops.confirm.noTerminal.fix': {
    en: () => 'review the plan with --dry-run, then run again with --yes.',
    ja: () => '--dry-run で計画を確認してから、--yes を付けて再実行してください。',
  },
  'ops.confirm.question': {
    en: (p) => `Apply to system ${s(p.system)}: ${s(p.old)} → ${s(p.new)}? [y/N] `,
    ja: (p) => `システム ${s(p.system)} に適用しますか: ${s(p.old)} → ${s(p.new)} [y/N] `,
  },

  'ops.change.plan': {
    en: (p) => `plan: system ${s(p.system)}: ${s(p.old)} → ${s(p.new)} (${s(p.resource)})`,
    ja: (p) => `計画: システム ${s(p.system)}: ${s(p.old)} → ${s(p.new)}（${s(p.resource)}）`,
  },
  'ops.change.healthy': {
    en: (p) => `health: ${s(p.target)} has ${s(p.healthy)} of ${s(p.total)} targets healthy`,
    ja: (p) => `ヘルス: ${s(p.target)} は ${s(p.total)} 台中 ${s(p.healthy)} 台が正常です`,
  },
  'ops.change.unhealthy': {
    en: (p) =>
      `system ${s(p.system)}: ${s(p.target)} has no healthy targets (${s(p.total)} registered); nothing was changed.`,
    ja: (p) =>
      `システム ${s(p.system)}: ${s(p.target)} に正常なターゲットがありません（登録 ${s(p.total)} 台）。何も変更していません。`,
  },
  'ops.change.unhealthy.fix': {
    en: () =>
      'bring the nodes and the ingress controller of the target up, or pass --force if you accept sending users to it anyway.',
    ja: () =>
      '切り替え先のノードとイングレスコントローラーを正常にしてください。それでも利用者を送る場合は --force を付けてください。',
  },
  'ops.change.unhealthyForced': {
    en: (p) =>
      `health: ${s(p.target)} has no healthy targets (${s(p.total)} registered); continuing because of --force`,
    ja: (p) =>
      `ヘルス: ${s(p.target)} に正常なターゲットがありません（登録 ${s(p.total)} 台）。--force のため続行します`,
  },
  'ops.change.dryRun': {
    en: (p) => `dry run: system ${s(p.system)} left unchanged`,
    ja: (p) => `ドライラン: システム ${s(p.system)} は変更していません`,
  },
  'ops.change.aborted': {
    en: (p) => `system ${s(p.system)}: change not approved; nothing was changed.`,
    ja: (p) => `システム ${s(p.system)}: 変更が承認されなかったため、何も変更していません。`,
  },
  'ops.change.applied': {
    en: (p) => `applied: ${s(p.resource)}`,
    ja: (p) => `適用しました: ${s(p.resource)}`,
  },
  'ops.change.verified': {
    en: (p) => `verified: system ${s(p.system)} is now ${s(p.state)}`,
    ja: (p) => `確認しました: システム ${s(p.system)} は ${s(p.state)} になりました`,
  },
  'ops.change.verifyFailed': {
    en: (p) =>
      `system ${s(p.system)}: ${s(p.resource)} reads ${s(p.actual)} after the change, not ${s(p.expected)}; the previous state was written back and reads ${s(p.restored)}.`,
    ja: (p) =>
      `システム ${s(p.system)}: 変更後の ${s(p.resource)} が ${s(p.expected)} ではなく ${s(p.actual)} でした。変更前の状態を書き戻し、現在は ${s(p.restored)} です。`,
  },
  'ops.change.verifyFailed.fix': {
    en: () =>
      'another process may be changing the same resource; check the journal and CloudTrail, then run again.',
    ja: () =>
      '別のプロセスが同じリソースを変更している可能性があります。ジャーナルと CloudTrail を確認してから再実行してください。',
  },
  'ops.change.completed': {
    en: (p) =>
      `done: system ${s(p.system)} changed and journaled (change ${s(p.id)}). Update platform.yaml to match, or a redeploy of the stack writes the old state back.`,
    ja: (p) =>
      `完了: システム ${s(p.system)} を変更し、ジャーナルに記録しました（変更 ${s(p.id)}）。platform.yaml も合わせて更新してください。更新しないままスタックを再デプロイすると元の状態に戻ります。`,
  },
  'ops.change.unchanged': {
    en: (p) => `system ${s(p.system)} is already ${s(p.state)}; nothing to do`,
    ja: (p) => `システム ${s(p.system)} はすでに ${s(p.state)} です。変更はありません`,
  },
  'ops.change.recovered': {
    en: (p) =>
      `system ${s(p.system)} is already ${s(p.state)}: an interrupted run (change ${s(p.id)}) had applied it; journaled as recovered`,
    ja: (p) =>
      `システム ${s(p.system)} はすでに ${s(p.state)} です。中断した実行（変更 ${s(p.id)}）が適用済みだったため、recovered として記録しました`,
  },

  'ops.dr.notDeclared': {
    en: () =>
      'platform.yaml declares no DR failover: it needs regions.dr, edge.drCertificateArn and edge.hostedZone.',
    ja: () =>
      'platform.yaml に DR のフェイルオーバーが宣言されていません。regions.dr、edge.drCertificateArn、edge.hostedZone が必要です。',
  },
  'ops.dr.notDeclared.fix': {
    en: () => 'declare them, synthesize, and deploy the primary and DR edge stacks.',
    ja: () => 'これらを宣言して合成し、プライマリと DR の edge スタックをデプロイしてください。',
  },
  'ops.dr.recordNotFound': {
    en: (p) => `no failover record ${s(p.host)} (${s(p.identifier)}) in hosted zone ${s(p.zone)}.`,
    ja: (p) =>
      `ホストゾーン ${s(p.zone)} にフェイルオーバーレコード ${s(p.host)}（${s(p.identifier)}）がありません。`,
  },
  'ops.dr.recordNotFound.fix': {
    en: () => 'deploy the primary edge stack, which writes the primary failover records.',
    ja: () =>
      'プライマリのフェイルオーバーレコードを作成する、プライマリの edge スタックをデプロイしてください。',
  },

  'ops.status.loadBalancer': {
    en: (p) => `edge ALB: ${s(p.arn)}`,
    ja: (p) => `edge の ALB: ${s(p.arn)}`,
  },
  'ops.status.targetGroup': {
    en: (p) =>
      `  target group ${s(p.name)} (cluster ${s(p.cluster)}): ${s(p.healthy)} of ${s(p.total)} healthy`,
    ja: (p) =>
      `  ターゲットグループ ${s(p.name)}（クラスター ${s(p.cluster)}）: ${s(p.total)} 台中 ${s(p.healthy)} 台が正常`,
  },
  'ops.status.system': {
    en: (p) =>
      `system ${s(p.system)} (${s(p.host)}): live cluster ${s(p.live)} [${s(p.weights)}], platform.yaml says ${s(p.declared)}; region ${s(p.region)}`,
    ja: (p) =>
      `システム ${s(p.system)}（${s(p.host)}）: 稼働クラスター ${s(p.live)} [${s(p.weights)}]、platform.yaml の指定は ${s(p.declared)}、リージョン ${s(p.region)}`,
  },
};

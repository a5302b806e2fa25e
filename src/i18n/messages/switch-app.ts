/** Messages of application blue/green: `kinko switch app`, `kinko rollback app`, and status. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const SWITCH_APP_MESSAGES: MessageTable = {
  'cli.switch.app.description': {
    en: () =>
      "move an app's users to its other colour: a Service selector, the VirtualServer route, or an Argo Rollout promotion",
    ja: () =>
      'アプリの利用者をもう一方の色へ移す（Service のセレクター、VirtualServer のルート、または Argo Rollout のプロモート）',
  },
  'cli.rollback.app.description': {
    en: () =>
      'send the app back to the colour that was live before its last switch in the journal, or abort an Argo Rollout',
    ja: () =>
      'ジャーナル上の直前の切り替えより前の色へアプリを戻す。Argo Rollout の場合はアボートする',
  },
  'cli.switch.option.app': {
    en: () => 'app of the system, as named in platform.yaml',
    ja: () => 'システム内のアプリ（platform.yaml での名前）',
  },
  'cli.switch.option.colour': {
    en: () => 'colour to send the users to: blue or green (omit for an Argo Rollout)',
    ja: () => '利用者の移動先の色: blue または green（Argo Rollout では指定しない）',
  },
  'cli.switch.option.previewUrl': {
    en: () =>
      'base URL that reaches the preview, for example http://127.0.0.1:8080 from kubectl port-forward; the smoke check path is appended',
    ja: () =>
      'プレビューに届くベース URL（例: kubectl port-forward で開いた http://127.0.0.1:8080）。スモークチェックのパスを後ろに付けます',
  },

  'config.blueGreen.nameClash': {
    en: (p) =>
      `${s(p.path)}: app name "${s(p.value)}" is a name Kinko derives for the blue/green objects of app ${s(p.owner)} (${s(p.ownerPath)}) in system ${s(p.system)}, so both apps would write the ${s(p.objects)} "${s(p.value)}" in the same namespace.`,
    ja: (p) =>
      `${s(p.path)}: アプリ名 "${s(p.value)}" は、システム ${s(p.system)} のアプリ ${s(p.owner)}（${s(p.ownerPath)}）の blue/green 用オブジェクトに Kinko が付ける名前です。このままでは 2 つのアプリが同じ Namespace に ${s(p.objectsJa)} "${s(p.value)}" を書き込みます。`,
  },
  'config.blueGreen.nameClash.fix': {
    en: (p) =>
      `rename app ${s(p.value)} or app ${s(p.owner)}. A blue/green app takes the names <app>-preview and, unless its method is rollout, <app>-blue and <app>-green, so no other app of the system may use them.`,
    ja: (p) =>
      `アプリ ${s(p.value)} かアプリ ${s(p.owner)} の名前を変えてください。blue/green のアプリは <アプリ名>-preview の名前を使い、method が rollout 以外なら <アプリ名>-blue と <アプリ名>-green も使います。同じシステムのほかのアプリにはこれらの名前を付けられません。`,
  },
  'config.blueGreen.liveWithRollout': {
    en: (p) =>
      `${s(p.path)}: with method: rollout, the Argo Rollouts controller decides which revision users reach, so live does not apply.`,
    ja: (p) =>
      `${s(p.path)}: method: rollout では利用者が使うリビジョンを Argo Rollouts のコントローラーが決めるため、live は指定できません。`,
  },
  'config.blueGreen.liveWithRollout.fix': {
    en: () =>
      'remove live; to move users, promote the new revision with kinko switch app, or abort it with kinko rollback app.',
    ja: () =>
      'live を削除してください。利用者を移すには kinko switch app で新しいリビジョンをプロモートし、戻すには kinko rollback app でアボートします。',
  },
  'ops.app.rolloutNotReconciled': {
    en: (p) =>
      `app ${s(p.system)}/${s(p.app)}: ${s(p.resource)} has no ${s(p.field)} yet: the Argo Rollouts controller has not reconciled it, so there is no revision to ${s(p.action)}. Nothing was changed.`,
    ja: (p) =>
      `アプリ ${s(p.system)}/${s(p.app)}: ${s(p.resource)} にまだ ${s(p.field)} がありません。Argo Rollouts のコントローラーがこの Rollout を処理していないため、${s(p.actionJa)}するリビジョンがありません。何も変更していません。`,
  },
  'ops.app.rolloutNotReconciled.fix': {
    en: (p) =>
      `check that the Argo Rollouts controller runs in the cluster and look at the Rollout's events (kubectl describe rollout -n ${s(p.namespace)} ${s(p.app)}); run again once it shows a revision.`,
    ja: (p) =>
      `クラスターで Argo Rollouts のコントローラーが動いているかを確かめ、Rollout のイベント（kubectl describe rollout -n ${s(p.namespace)} ${s(p.app)}）を確認してください。リビジョンが表示されたら再実行してください。`,
  },
  'ops.app.pendingSwitch': {
    en: (p) =>
      `note: change ${s(p.id)} (switch app ${s(p.system)}/${s(p.app)} to ${s(p.state)}, started ${s(p.time)} by ${s(p.who)}) has no completed entry in the journal; it was interrupted and may or may not have taken effect. This rollback acts on the state read from the cluster, and the next kinko switch app of this app finishes change ${s(p.id)}.`,
    ja: (p) =>
      `注意: 変更 ${s(p.id)}（アプリ ${s(p.system)}/${s(p.app)} を ${s(p.state)} へ切り替え。${s(p.time)} に ${s(p.who)} が開始）はジャーナルに完了の記録がありません。途中で中断されており、反映されたかどうかは分かりません。このロールバックはクラスターから読んだ状態をもとに動きます。このアプリで次に kinko switch app を実行すると、変更 ${s(p.id)} の続きとして扱われます。`,
  },

  'ops.app.unknown': {
    en: (p) =>
      `app ${s(p.app)} is not in system ${s(p.system)} of platform.yaml; it has: ${s(p.apps)}.`,
    ja: (p) =>
      `アプリ ${s(p.app)} は platform.yaml のシステム ${s(p.system)} にありません。あるのは ${s(p.apps)} です。`,
  },
  'ops.app.unknown.fix': {
    en: () => 'pass one of the listed apps with --app.',
    ja: () => '--app に一覧のアプリのいずれかを指定してください。',
  },
  'ops.app.noBlueGreen': {
    en: (p) =>
      `app ${s(p.system)}/${s(p.app)} declares no blueGreen in platform.yaml, so it has one Deployment and nothing to switch.`,
    ja: (p) =>
      `アプリ ${s(p.system)}/${s(p.app)} は platform.yaml に blueGreen がないため、Deployment が 1 つだけで切り替える先がありません。`,
  },
  'ops.app.noBlueGreen.fix': {
    en: () =>
      'add blueGreen: { method: service } (or upstream, or rollout) to the app, run kinko synth and apply the manifests.',
    ja: () =>
      'アプリに blueGreen: { method: service }（または upstream、rollout）を追加し、kinko synth を実行してマニフェストを適用してください。',
  },
  'ops.app.kubeFailed': {
    en: (p) => `Kubernetes API call failed: ${s(p.step)}: ${s(p.reason)}`,
    ja: (p) => `Kubernetes API の呼び出しに失敗しました: ${s(p.step)}: ${s(p.reason)}`,
  },
  'ops.app.kubeFailed.fix': {
    en: () =>
      'check --kubeconfig and --context, and that your identity may read and patch the object; the previous state is still in force.',
    ja: () =>
      '--kubeconfig と --context、およびそのオブジェクトを読み取り・変更する権限を確認してください。変更前の状態のままです。',
  },
  'ops.app.objectMissing': {
    en: (p) => `app ${s(p.system)}/${s(p.app)}: ${s(p.object)} was not found in the cluster.`,
    ja: (p) => `アプリ ${s(p.system)}/${s(p.app)}: クラスターに ${s(p.object)} が見つかりません。`,
  },
  'ops.app.objectMissing.fix': {
    en: (p) =>
      `apply the manifests of kinko synth for namespace ${s(p.namespace)} (kinko apply or an Argo CD sync), then run again.`,
    ja: (p) =>
      `namespace ${s(p.namespace)} の kinko synth のマニフェストを適用（kinko apply または Argo CD の同期）してから再実行してください。`,
  },
  'ops.app.toMissing': {
    en: (p) => `app ${s(p.system)}/${s(p.app)}: --to is missing.`,
    ja: (p) => `アプリ ${s(p.system)}/${s(p.app)}: --to がありません。`,
  },
  'ops.app.toMissing.fix': {
    en: () => 'pass the colour to send the users to: --to blue or --to green.',
    ja: () => '利用者の移動先の色を --to blue または --to green で指定してください。',
  },
  'ops.app.toInvalid': {
    en: (p) => `app ${s(p.system)}/${s(p.app)}: --to ${s(p.to)} is not a colour.`,
    ja: (p) => `アプリ ${s(p.system)}/${s(p.app)}: --to ${s(p.to)} は色ではありません。`,
  },
  'ops.app.toInvalid.fix': {
    en: () => 'pass --to blue or --to green.',
    ja: () => '--to blue または --to green を指定してください。',
  },
  'ops.app.toWithRollout': {
    en: (p) =>
      `app ${s(p.system)}/${s(p.app)} is an Argo Rollout, which has revisions rather than colours; --to ${s(p.to)} does not apply.`,
    ja: (p) =>
      `アプリ ${s(p.system)}/${s(p.app)} は Argo Rollout で、色ではなくリビジョンで切り替えます。--to ${s(p.to)} は使えません。`,
  },
  'ops.app.toWithRollout.fix': {
    en: () => 'omit --to: kinko switch app promotes the revision on the preview Service.',
    ja: () =>
      '--to を外してください。kinko switch app はプレビュー Service のリビジョンをプロモートします。',
  },
  'ops.app.ready': {
    en: (p) => `readiness: ${s(p.target)} has ${s(p.healthy)} of ${s(p.total)} pods Ready`,
    ja: (p) =>
      `Ready 状態: ${s(p.target)} は ${s(p.total)} 個中 ${s(p.healthy)} 個の Pod が Ready です`,
  },
  'ops.app.notReady': {
    en: (p) =>
      `app ${s(p.system)}/${s(p.app)}: ${s(p.target)} has no Ready pods (${s(p.total)} found); nothing was changed.`,
    ja: (p) =>
      `アプリ ${s(p.system)}/${s(p.app)}: ${s(p.target)} に Ready の Pod がありません（${s(p.total)} 個）。何も変更していません。`,
  },
  'ops.app.notReady.fix': {
    en: () =>
      'scale up the target and wait until its pods are Ready (kubectl get pods), or pass --force if you accept sending users to it anyway.',
    ja: () =>
      '切り替え先をスケールアップし、Pod が Ready になるまで待ってください（kubectl get pods）。それでも利用者を送る場合は --force を付けてください。',
  },
  'ops.app.notReadyForced': {
    en: (p) =>
      `readiness: ${s(p.target)} has no Ready pods (${s(p.total)} found); continuing because of --force`,
    ja: (p) =>
      `Ready 状態: ${s(p.target)} に Ready の Pod がありません（${s(p.total)} 個）。--force のため続行します`,
  },
  'ops.app.previewUrlMissing': {
    en: (p) =>
      `app ${s(p.system)}/${s(p.app)} declares a smoke check, and --preview-url is missing.`,
    ja: (p) =>
      `アプリ ${s(p.system)}/${s(p.app)} にはスモークチェックがありますが、--preview-url がありません。`,
  },
  'ops.app.previewUrlMissing.fix': {
    en: (p) =>
      `open the preview with kubectl -n ${s(p.namespace)} port-forward svc/${s(p.service)} 8080:${s(p.port)}, then pass --preview-url http://127.0.0.1:8080.`,
    ja: (p) =>
      `kubectl -n ${s(p.namespace)} port-forward svc/${s(p.service)} 8080:${s(p.port)} でプレビューを開き、--preview-url http://127.0.0.1:8080 を指定してください。`,
  },
  'ops.app.previewUrlInvalid': {
    en: (p) => `--preview-url ${s(p.url)} is not an http or https URL.`,
    ja: (p) => `--preview-url ${s(p.url)} は http または https の URL ではありません。`,
  },
  'ops.app.previewUrlInvalid.fix': {
    en: () => 'pass a URL such as http://127.0.0.1:8080.',
    ja: () => 'http://127.0.0.1:8080 のような URL を指定してください。',
  },
  'ops.app.smokePassed': {
    en: (p) => `smoke check: GET ${s(p.url)} returned ${s(p.status)} as expected`,
    ja: (p) => `スモークチェック: GET ${s(p.url)} は想定どおり ${s(p.status)} を返しました`,
  },
  'ops.app.smokeFailed': {
    en: (p) =>
      `app ${s(p.system)}/${s(p.app)}: smoke check GET ${s(p.url)} expected ${s(p.expected)}, got ${s(p.reason)}; nothing was changed.`,
    ja: (p) =>
      `アプリ ${s(p.system)}/${s(p.app)}: スモークチェック GET ${s(p.url)} は ${s(p.expected)} を期待しましたが、結果は ${s(p.reason)} でした。何も変更していません。`,
  },
  'ops.app.smokeFailed.fix': {
    en: () =>
      'fix the preview until the request succeeds and run again, or pass --force if you accept switching anyway.',
    ja: () =>
      'リクエストが成功するようにプレビューを直してから再実行してください。それでも切り替える場合は --force を付けてください。',
  },
  'ops.app.smokeForced': {
    en: (p) =>
      `smoke check: GET ${s(p.url)} expected ${s(p.expected)}, got ${s(p.reason)}; continuing because of --force`,
    ja: (p) =>
      `スモークチェック: GET ${s(p.url)} は ${s(p.expected)} を期待しましたが、結果は ${s(p.reason)} でした。--force のため続行します`,
  },
  'ops.app.rollbackNothing': {
    en: (p) =>
      `app ${s(p.system)}/${s(p.app)}: the journal ${s(p.journal)} records no completed switch to roll back.`,
    ja: (p) =>
      `アプリ ${s(p.system)}/${s(p.app)}: ジャーナル ${s(p.journal)} に、元に戻せる完了済みの切り替えがありません。`,
  },
  'ops.app.rollbackNothing.fix': {
    en: () =>
      'pass the journal of the switch with --journal, or choose the colour with kinko switch app --to.',
    ja: () =>
      '切り替え時のジャーナルを --journal で指定するか、kinko switch app --to で色を指定してください。',
  },
  'ops.app.rolloutAborted': {
    en: (p) =>
      `app ${s(p.system)}/${s(p.app)}: ${s(p.resource)} is aborted, so there is no revision to promote.`,
    ja: (p) =>
      `アプリ ${s(p.system)}/${s(p.app)}: ${s(p.resource)} はアボート済みのため、プロモートするリビジョンがありません。`,
  },
  'ops.app.rolloutAborted.fix': {
    en: (p) =>
      `fix the image in git and sync, or run kubectl argo rollouts retry rollout ${s(p.app)} to deploy the aborted revision again.`,
    ja: (p) =>
      'git のイメージを直して同期するか、kubectl argo rollouts retry rollout ' +
      `${s(p.app)} でアボートしたリビジョンを再度デプロイしてください。`,
  },
  'ops.app.rolloutNothingToAbort': {
    en: (p) =>
      `app ${s(p.system)}/${s(p.app)}: ${s(p.resource)} runs only its stable revision ${s(p.revision)}; there is nothing to abort.`,
    ja: (p) =>
      `アプリ ${s(p.system)}/${s(p.app)}: ${s(p.resource)} は安定版のリビジョン ${s(p.revision)} だけが動いているため、アボートするものがありません。`,
  },
  'ops.app.rolloutNothingToAbort.fix': {
    en: () =>
      'a promoted revision is the stable one: revert its image in git and promote the revision that sync creates.',
    ja: () =>
      'プロモート済みのリビジョンは安定版です。git でイメージを戻し、同期で作られたリビジョンをプロモートしてください。',
  },
  'ops.app.completed': {
    en: (p) =>
      `done: app ${s(p.system)}/${s(p.app)} changed and journaled (change ${s(p.id)}). For a service or upstream app, also set blueGreen.live in platform.yaml to the new colour, so that git describes what the cluster runs.`,
    ja: (p) =>
      `完了: アプリ ${s(p.system)}/${s(p.app)} を変更し、ジャーナルに記録しました（変更 ${s(p.id)}）。service と upstream のアプリは、git がクラスターの実際の状態を表すよう、platform.yaml の blueGreen.live も新しい色に更新してください。`,
  },
  'ops.status.edgeUnavailable': {
    en: () =>
      'edge ALB: could not be read; the app colours below come from the Kubernetes API, and the error at the end says what is missing.',
    ja: () =>
      'edge の ALB: 読み取れませんでした。以下のアプリの色は Kubernetes API から読んだものです。足りないものは最後のエラーに示します。',
  },
  'ops.status.app': {
    en: (p) =>
      `app ${s(p.system)}/${s(p.app)} (${s(p.method)}): live ${s(p.live)}, declared ${s(p.declared)}`,
    ja: (p) =>
      `アプリ ${s(p.system)}/${s(p.app)}（${s(p.method)}）: 稼働中 ${s(p.live)}、platform.yaml では ${s(p.declared)}`,
  },
};

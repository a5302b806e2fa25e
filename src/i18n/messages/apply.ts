/** Messages of `kinko apply`. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const APPLY_MESSAGES: MessageTable = {
  'apply.input.notFound': {
    en: (p) => `manifest folder not found: ${s(p.dir)}`,
    ja: (p) => `マニフェストのフォルダーが見つかりません: ${s(p.dir)}`,
  },
  'apply.input.notFound.fix': {
    en: () => 'run kinko synth first, then pass its --out folder.',
    ja: () => '先に kinko synth を実行し、その --out のフォルダーを指定してください。',
  },
  'apply.input.unknownCluster': {
    en: (p) =>
      `${s(p.dir)} has no manifests for cluster ${s(p.cluster)}; it has: ${s(p.clusters)}.`,
    ja: (p) =>
      `${s(p.dir)} にクラスター ${s(p.cluster)} のマニフェストがありません。あるのは ${s(p.clusters)} です。`,
  },
  'apply.input.unknownCluster.fix': {
    en: () => 'pass one of the listed clusters with --cluster.',
    ja: () => '--cluster に一覧のクラスターのいずれかを指定してください。',
  },
  'apply.input.clusterOfPlainFolder': {
    en: (p) =>
      `--cluster ${s(p.cluster)} was given, but ${s(p.dir)} holds the manifests of one cluster, not a folder per cluster.`,
    ja: (p) =>
      `--cluster ${s(p.cluster)} が指定されましたが、${s(p.dir)} はクラスターごとのフォルダーではなく、1 つのクラスターのマニフェストです。`,
  },
  'apply.input.clusterOfPlainFolder.fix': {
    en: () =>
      'pass the synth output folder (or its k8s folder) with --cluster, or this folder without --cluster.',
    ja: () =>
      'synth の出力フォルダー（またはその k8s フォルダー）と --cluster を組み合わせるか、このフォルダーを --cluster なしで指定してください。',
  },
  'apply.input.chooseCluster': {
    en: (p) => `${s(p.dir)} holds manifests for several clusters (${s(p.clusters)}).`,
    ja: (p) => `${s(p.dir)} には複数のクラスター（${s(p.clusters)}）のマニフェストがあります。`,
  },
  'apply.input.chooseCluster.fix': {
    en: () => 'choose one with --cluster, matching the kubeconfig context you apply to.',
    ja: () => '適用先の kubeconfig コンテキストに合わせて、--cluster で 1 つ選んでください。',
  },
  'apply.input.invalid': {
    en: (p) => `${s(p.dir)}: ${s(p.count)} manifest document(s) are invalid; nothing was applied.`,
    ja: (p) => `${s(p.dir)}: 不正なマニフェストが ${s(p.count)} 件あります。何も適用していません。`,
  },
  'apply.input.yaml': {
    en: (p) => `${s(p.file)}, document ${s(p.document)}: invalid YAML: ${s(p.reason)}`,
    ja: (p) =>
      `${s(p.file)} の ${s(p.document)} 番目のドキュメント: YAML が不正です: ${s(p.reason)}`,
  },
  'apply.input.yaml.fix': {
    en: () => 'regenerate the folder with kinko synth rather than editing it.',
    ja: () => '手で編集せず、kinko synth でフォルダーを再生成してください。',
  },
  'apply.input.incomplete': {
    en: (p) =>
      `${s(p.file)}, document ${s(p.document)}: not a Kubernetes object (apiVersion, kind or metadata.name missing).`,
    ja: (p) =>
      `${s(p.file)} の ${s(p.document)} 番目のドキュメント: Kubernetes オブジェクトではありません（apiVersion、kind、metadata.name のいずれかがありません）。`,
  },
  'apply.input.incomplete.fix': {
    en: () => 'regenerate the folder with kinko synth rather than editing it.',
    ja: () => '手で編集せず、kinko synth でフォルダーを再生成してください。',
  },
  'apply.input.empty': {
    en: (p) => `${s(p.dir)} holds no manifests.`,
    ja: (p) => `${s(p.dir)} にマニフェストがありません。`,
  },
  'apply.input.empty.fix': {
    en: () => 'pass the --out folder of kinko synth.',
    ja: () => 'kinko synth の --out のフォルダーを指定してください。',
  },
  'apply.failed': {
    en: (p) =>
      `applying ${s(p.object)} (${s(p.file)}, document ${s(p.document)}) failed: ${s(p.message)}. The objects listed below were applied before it.`,
    ja: (p) =>
      `${s(p.object)}（${s(p.file)} の ${s(p.document)} 番目）の適用に失敗しました: ${s(p.message)}。下に挙げたオブジェクトは、それより前に適用済みです。`,
  },
  'apply.failed.fix': {
    en: () =>
      'fix the cause the API server gives, then run kinko apply again: applying is idempotent.',
    ja: () =>
      'API サーバーが示す原因を直してから、kinko apply を再実行してください。適用は冪等です。',
  },
  'apply.failed.done': {
    en: (p) => `${s(p.change)}: ${s(p.object)}`,
    ja: (p) => `処理済み（${s(p.change)}）: ${s(p.object)}`,
  },
  'apply.pruneFailed': {
    en: (p) =>
      `pruning ${s(p.object)} failed: ${s(p.message)}. The objects listed below were applied or pruned before it.`,
    ja: (p) =>
      `${s(p.object)} の削除（prune）に失敗しました: ${s(p.message)}。下に挙げたオブジェクトは、それより前に適用または削除済みです。`,
  },
  'apply.pruneFailed.fix': {
    en: () => 'fix the cause the API server gives, then run kinko apply --prune again.',
    ja: () => 'API サーバーが示す原因を直してから、kinko apply --prune を再実行してください。',
  },
  'apply.change.created': {
    en: (p) => `created    ${s(p.object)}`,
    ja: (p) => `作成       ${s(p.object)}`,
  },
  'apply.change.configured': {
    en: (p) => `configured ${s(p.object)}`,
    ja: (p) => `変更       ${s(p.object)}`,
  },
  'apply.change.unchanged': {
    en: (p) => `unchanged  ${s(p.object)}`,
    ja: (p) => `変更なし   ${s(p.object)}`,
  },
  'apply.change.pruned': {
    en: (p) => `pruned     ${s(p.object)}`,
    ja: (p) => `削除       ${s(p.object)}`,
  },
  'apply.summary': {
    en: (p) =>
      `${s(p.mode)}${s(p.created)} created, ${s(p.configured)} configured, ${s(p.unchanged)} unchanged, ${s(p.pruned)} pruned.`,
    ja: (p) =>
      `${s(p.mode)}作成 ${s(p.created)} 件、変更 ${s(p.configured)} 件、変更なし ${s(p.unchanged)} 件、削除 ${s(p.pruned)} 件。`,
  },
  'apply.dryRunPrefix': {
    en: () => '(dry run, nothing changed) ',
    ja: () => '（ドライラン。何も変更していません）',
  },
  'apply.kubeconfig.invalid': {
    en: (p) => `cannot load the kubeconfig: ${s(p.reason)}`,
    ja: (p) => `kubeconfig を読み込めません: ${s(p.reason)}`,
  },
  'apply.kubeconfig.invalid.fix': {
    en: () => 'pass --kubeconfig FILE, or set KUBECONFIG, and choose the context with --context.',
    ja: () =>
      '--kubeconfig でファイルを指定するか KUBECONFIG を設定し、--context でコンテキストを選んでください。',
  },
  'apply.context.unknown': {
    en: (p) => `kubeconfig has no context ${s(p.context)}; it has: ${s(p.contexts)}.`,
    ja: (p) =>
      `kubeconfig にコンテキスト ${s(p.context)} がありません。あるのは ${s(p.contexts)} です。`,
  },
  'apply.context.unknown.fix': {
    en: () => 'pass one of the listed contexts with --context.',
    ja: () => '--context に一覧のコンテキストのいずれかを指定してください。',
  },
  'cli.apply.description': {
    en: () =>
      'server-side apply the synthesized manifests of one cluster (field manager kinko), in dependency order; --dry-run prints the diff against the live objects',
    ja: () =>
      '合成した 1 クラスター分のマニフェストを、依存関係の順にサーバーサイド適用します（フィールドマネージャー kinko）。--dry-run では稼働中のオブジェクトとの差分を表示します',
  },
  'cli.apply.option.kubeconfig': {
    en: () => 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)',
    ja: () => 'kubeconfig ファイル（既定: KUBECONFIG、なければ ~/.kube/config）',
  },
  'cli.apply.option.context': {
    en: () => 'kubeconfig context to use',
    ja: () => '使用する kubeconfig のコンテキスト',
  },
  'cli.apply.option.cluster': {
    en: () => 'cluster folder under DIR/k8s when there are several',
    ja: () => 'DIR/k8s の下に複数あるときに適用するクラスターのフォルダー',
  },
  'cli.apply.option.dryRun': {
    en: () => 'ask the API server what would change and print the diff; change nothing',
    ja: () => 'API サーバーに変更内容を問い合わせて差分を表示し、何も変更しません',
  },
  'cli.apply.option.prune': {
    en: () =>
      'delete objects labelled as applied by Kinko for this platform that the manifests no longer contain',
    ja: () =>
      'このプラットフォーム向けに Kinko が適用したラベルを持ち、マニフェストにもう含まれないオブジェクトを削除します',
  },
};

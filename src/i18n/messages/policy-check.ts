/** Messages of `kinko check` and of the policy engine: input problems, summaries, options. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const POLICY_CHECK_MESSAGES: MessageTable = {
  'policy.engine.ruleFailed': {
    en: (p) =>
      `rule ${s(p.rule)} could not evaluate this object (${s(p.reason)}), so it is reported as failing.`,
    ja: (p) =>
      `ルール ${s(p.rule)} がこのオブジェクトを評価できませんでした（${s(p.reason)}）。そのため違反として報告します。`,
  },
  'check.input.notFound': {
    en: (p) => `${s(p.file)}: no such file or folder.`,
    ja: (p) => `${s(p.file)}: ファイルもフォルダーもありません。`,
  },
  'check.input.notFound.fix': {
    en: () =>
      'check the path for a typo, and that the step that renders the manifests ran before kinko check.',
    ja: () =>
      'パスに誤りがないか、マニフェストを書き出すステップが kinko check より前に実行されたかを確認してください。',
  },
  'check.input.unreadable': {
    en: (p) => `${s(p.file)}: cannot be read: ${s(p.reason)}`,
    ja: (p) => `${s(p.file)}: 読み込めません: ${s(p.reason)}`,
  },
  'check.input.unreadable.fix': {
    en: () => 'make the file readable by the user who runs kinko check, or name another path.',
    ja: () =>
      'kinko check を実行するユーザーがファイルを読めるようにするか、別のパスを指定してください。',
  },
  'check.input.yaml': {
    en: (p) => `invalid YAML: ${s(p.reason)}; the other documents are still checked.`,
    ja: (p) => `YAML が不正です: ${s(p.reason)}。ほかのドキュメントは検査を続けます。`,
  },
  'check.input.notObject': {
    en: () => 'not a Kubernetes object: apiVersion, kind or metadata.name is missing.',
    ja: () =>
      'Kubernetes のオブジェクトではありません。apiVersion、kind、metadata.name のいずれかがありません。',
  },
  'check.input.noName': {
    en: () =>
      'the object has no metadata.name, so the API server would reject it; it is checked as <unnamed>.',
    ja: () =>
      'オブジェクトに metadata.name がないため、API サーバーは拒否します。<unnamed> として検査します。',
  },
  'check.input.noPath': {
    en: () =>
      'no path was given: name the manifest files or folders to check, or - for standard input.',
    ja: () =>
      'パスが指定されていません。検査するマニフェストのファイルかフォルダー、標準入力なら - を指定してください。',
  },
  'check.input.empty': {
    en: (p) =>
      `nothing was found in ${s(p.paths)}: no Kubernetes object and no Dockerfile. A render step that wrote nothing does not pass; check the paths and the step that writes the manifests.`,
    ja: (p) =>
      `${s(p.paths)} には Kubernetes のオブジェクトも Dockerfile もありません。何も出力しなかった生成ステップを合格にはしません。パスと、マニフェストを書き出すステップを確認してください。`,
  },
  'check.input.fix': {
    en: () =>
      'correct the document at that line; render Helm charts (helm template) and Kustomize bases (kubectl kustomize) before checking them.',
    ja: () =>
      '示した位置の YAML を修正してください。Helm チャートや Kustomize は、先に helm template や kubectl kustomize で展開してから検査します。',
  },
  'check.summary': {
    en: (p) =>
      `${s(p.objects)} object(s) in ${s(p.files)} file(s): ${s(p.errors)} error(s), ${s(p.warnings)} warning(s), ${s(p.infos)} info, ${s(p.suppressed)} suppressed, ${s(p.problems)} input problem(s).`,
    ja: (p) =>
      `${s(p.files)} ファイル、${s(p.objects)} オブジェクト: エラー ${s(p.errors)} 件、警告 ${s(p.warnings)} 件、情報 ${s(p.infos)} 件、抑制 ${s(p.suppressed)} 件、入力の問題 ${s(p.problems)} 件。`,
  },
  'check.suppressed': {
    en: (p) =>
      `suppressed ${s(p.rule)} on ${s(p.object)} (${s(p.count)} finding(s)): ${s(p.reason)}`,
    ja: (p) => `${s(p.object)} のルール ${s(p.rule)} を抑制（${s(p.count)} 件）: ${s(p.reason)}`,
  },
  'check.fixLabel': {
    en: () => 'fix',
    ja: () => '対処',
  },
  'check.severity.error': { en: () => 'error', ja: () => 'エラー' },
  'check.severity.warning': { en: () => 'warning', ja: () => '警告' },
  'check.severity.info': { en: () => 'info', ja: () => '情報' },
  'check.failed': {
    en: (p) => `${s(p.count)} finding(s) at or above ${s(p.failOn)}.`,
    ja: (p) => `重大度 ${s(p.failOn)} 以上の指摘が ${s(p.count)} 件あります。`,
  },
  'check.failed.fix': {
    en: () =>
      'fix the findings above, or suppress one with the annotation suppress.kinko.dev/<rule>: <reason>.',
    ja: () =>
      '上の指摘を修正するか、アノテーション suppress.kinko.dev/<ルール>: <理由> で抑制してください。',
  },
  'check.inputFailed': {
    en: (p) => `${s(p.count)} input problem(s); the findings above cover the rest of the input.`,
    ja: (p) => `入力に ${s(p.count)} 件の問題があります。上の指摘は残りの入力に対するものです。`,
  },
  'check.invalidNumber': {
    en: (p) => `${s(p.option)} takes a whole number of seconds, not ${s(p.value)}.`,
    ja: (p) => `${s(p.option)} には秒数の整数を指定してください（指定値: ${s(p.value)}）。`,
  },
  'cli.check.description': {
    en: () =>
      "check Kubernetes manifests against Kinko's security and reliability rules (files, folders, or - for stdin)",
    ja: () =>
      'Kubernetes マニフェストを Kinko のセキュリティと信頼性のルールで検査する（ファイル、フォルダー、標準入力は -）',
  },
  'cli.check.option.format': {
    en: () =>
      'output format: text (coloured on a terminal), json, sarif (GitHub code scanning) or junit',
    ja: () => '出力形式: text（端末では色付き）、json、sarif（GitHub code scanning）、junit',
  },
  'cli.check.option.failOn': {
    en: () => 'lowest severity that makes the command exit 1',
    ja: () => '終了コード 1 にする最も低い重大度',
  },
  'cli.check.option.config': {
    en: () => 'platform.yaml whose ECR registries and system groups the rules use',
    ja: () => 'ルールが使う ECR レジストリとシステムのグループを読み取る platform.yaml',
  },
  'cli.check.option.allowedRegistry': {
    en: () =>
      "registry host (optionally with a repository prefix) images may come from; repeatable, added to the platform's ECR registries when --config is given",
    ja: () =>
      'イメージの取得を許可するレジストリのホスト名（リポジトリのプレフィックスも指定可）。複数指定できます。--config を指定した場合は、プラットフォームの ECR レジストリに追加されます',
  },
  'cli.check.option.allowedClusterRole': {
    en: () => 'ClusterRole a RoleBinding may reference; repeatable (default: view)',
    ja: () => 'RoleBinding が参照してよい ClusterRole。複数指定可（既定: view）',
  },
  'cli.check.option.graceMargin': {
    en: () => 'seconds terminationGracePeriodSeconds must exceed the preStop sleep by (default 10)',
    ja: () => 'terminationGracePeriodSeconds が preStop の sleep を上回るべき秒数（既定 10）',
  },
  'cli.check.option.listRules': {
    en: () => 'list the rules with their severity and practice, then exit',
    ja: () => 'ルールを重大度とプラクティスとともに一覧表示して終了する',
  },
};

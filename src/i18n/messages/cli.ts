/** Messages of the command line: errors, progress lines and prompts. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const CLI_MESSAGES: MessageTable = {
  'cli.error.prefix': {
    en: (p) => `error ${s(p.code)}: `,
    ja: (p) => `エラー ${s(p.code)}: `,
  },
  'cli.error.fix': {
    en: () => 'fix: ',
    ja: () => '対処: ',
  },
  'cli.error.internal': {
    en: (p) => `Kinko failed unexpectedly: ${s(p.reason)}`,
    ja: (p) => `Kinko の内部で予期しないエラーが起きました: ${s(p.reason)}`,
  },
  'cli.error.internal.fix': {
    en: () => 'this is a bug in Kinko; report it with the command you ran and the output above.',
    ja: () => 'Kinko の不具合です。実行したコマンドと上の出力を添えて報告してください。',
  },
  'synth.nag.errors': {
    en: (p) =>
      `cdk-nag found ${s(p.count)} unsuppressed error(s) in the synthesized stacks; nothing was written.`,
    ja: (p) =>
      `cdk-nag が合成したスタックに抑制されていないエラーを ${s(p.count)} 件検出しました。何も書き出していません。`,
  },
  'synth.nag.errors.fix': {
    en: () => "this is a bug in Kinko's stacks; report it with the findings above.",
    ja: () => 'Kinko のスタックの不具合です。上の指摘を添えて報告してください。',
  },
  'synth.nag.finding': {
    en: (p) => `${s(p.rule)} at ${s(p.path)}: ${s(p.message)}`,
    ja: (p) => `${s(p.rule)}（${s(p.path)}）: ${s(p.message)}`,
  },
  'synth.assembly.errors': {
    en: (p) =>
      `the CDK app reported ${s(p.count)} error(s) while synthesizing; nothing was written.`,
    ja: (p) =>
      `CDK アプリの合成中にエラーが ${s(p.count)} 件報告されました。何も書き出していません。`,
  },
  'synth.assembly.errors.fix': {
    en: () => 'read the errors above; each names the construct path that failed.',
    ja: () => '上のエラーを確認してください。それぞれ失敗したコンストラクトのパスを示しています。',
  },
  'synth.assembly.error': {
    en: (p) => `${s(p.path)}: ${s(p.message)}`,
    ja: (p) => `${s(p.path)}: ${s(p.message)}`,
  },
  'synth.out.empty': {
    en: () => 'the output folder is empty: --out needs a path.',
    ja: () => '出力先フォルダーが空です。--out にパスを指定してください。',
  },
  'synth.out.empty.fix': {
    en: () => 'pass a new or Kinko-owned folder, for example --out out.',
    ja: () =>
      '新しいフォルダーか Kinko が書き出したフォルダーを指定してください（例: --out out）。',
  },
  'synth.out.root': {
    en: (p) => `refusing to write into the filesystem root ${s(p.out)}.`,
    ja: (p) => `ファイルシステムのルート ${s(p.out)} には書き出しません。`,
  },
  'synth.out.root.fix': {
    en: () => 'pass a folder of its own, for example --out out.',
    ja: () => '専用のフォルダーを指定してください（例: --out out）。',
  },
  'synth.out.notDirectory': {
    en: (p) => `the output path ${s(p.out)} exists and is not a folder.`,
    ja: (p) => `出力先 ${s(p.out)} はフォルダーではないファイルとして既に存在します。`,
  },
  'synth.out.notDirectory.fix': {
    en: () => 'pass a folder path, new or written by kinko synth before.',
    ja: () =>
      '新しいフォルダーか、以前 kinko synth が書き出したフォルダーのパスを指定してください。',
  },
  'synth.out.foreign': {
    en: (p) =>
      `${s(p.out)} already holds ${s(p.reason)} that kinko synth did not write, and synth would replace them.`,
    ja: (p) =>
      `${s(p.out)} には kinko synth が書き出していない ${s(p.reason)} があり、synth はそれを置き換えてしまいます。`,
  },
  'synth.out.foreign.fix': {
    en: () => 'choose a new folder, or move those entries away first.',
    ja: () => '新しいフォルダーを指定するか、先にそれらを別の場所へ移してください。',
  },
  'synth.out.unwritable': {
    en: (p) => `cannot create the output folder ${s(p.out)}: ${s(p.reason)}`,
    ja: (p) => `出力先フォルダー ${s(p.out)} を作成できません: ${s(p.reason)}`,
  },
  'synth.out.unwritable.fix': {
    en: () => 'check that the parent folder exists, is a folder and is writable.',
    ja: () => '親フォルダーが存在し、フォルダーであり、書き込めることを確認してください。',
  },
  'synth.warning': {
    en: (p) => `warning: ${s(p.warning)}`,
    ja: (p) => `警告: ${s(p.warning)}`,
  },
  'synth.phase.config': {
    en: () => 'reading and validating platform.yaml',
    ja: () => 'platform.yaml を読み込んで検証しています',
  },
  'synth.phase.infra': {
    en: () => 'building the CDK stacks',
    ja: () => 'CDK スタックを構築しています',
  },
  'synth.phase.nag': {
    en: () => 'synthesizing CloudFormation and running cdk-nag',
    ja: () => 'CloudFormation を合成し、cdk-nag で検査しています',
  },
  'synth.phase.manifests': {
    en: () => 'generating the Kubernetes manifests',
    ja: () => 'Kubernetes マニフェストを生成しています',
  },
  'synth.phase.report': {
    en: () => 'writing the controls report',
    ja: () => 'コントロールレポートを作成しています',
  },
  'synth.phase.write': {
    en: () => 'moving the output into place',
    ja: () => '出力を所定の場所に配置しています',
  },
  'synth.done': {
    en: (p) =>
      `wrote ${s(p.out)}: ${s(p.templates)} CloudFormation template(s), ${s(p.manifests)} manifest file(s), controls report (${s(p.implemented)} of ${s(p.total)} practices implemented, ${s(p.suppressions)} suppressed finding(s)).`,
    ja: (p) =>
      `${s(p.out)} に書き出しました: CloudFormation テンプレート ${s(p.templates)} 件、マニフェストファイル ${s(p.manifests)} 件、コントロールレポート（${s(p.total)} 件中 ${s(p.implemented)} 件のプラクティスを実装、抑制した指摘 ${s(p.suppressions)} 件）。`,
  },
  'cli.lang.invalid': {
    en: (p) => `--lang ${s(p.value)} is not a supported language.`,
    ja: (p) => `--lang ${s(p.value)} には対応していません。`,
  },
  'cli.lang.invalid.fix': {
    en: () => 'use --lang en or --lang ja.',
    ja: () => '--lang en か --lang ja を指定してください。',
  },
  'cli.description': {
    en: () => 'Kinko: a financial-grade Amazon EKS platform as code, from one platform.yaml.',
    ja: () =>
      'Kinko: 1 つの platform.yaml から金融機関品質の Amazon EKS 基盤をコードで構築します。',
  },
  'cli.option.lang': {
    en: () => 'language of messages and reports: en or ja (default: from KINKO_LANG, LC_ALL, LANG)',
    ja: () => 'メッセージとレポートの言語: en または ja（既定: KINKO_LANG、LC_ALL、LANG から判定）',
  },
  'cli.option.version': {
    en: () => 'print the version of kinko',
    ja: () => 'kinko のバージョンを表示します',
  },
  'cli.synth.description': {
    en: () =>
      'synthesize the platform: CloudFormation templates (CDK), Kubernetes manifests per system, and the controls report; offline, no AWS credentials needed',
    ja: () =>
      'プラットフォームを合成します: CloudFormation テンプレート（CDK）、システムごとの Kubernetes マニフェスト、コントロールレポート。オフラインで動き、AWS の認証情報は不要です',
  },
  'cli.synth.option.config': {
    en: () => 'platform.yaml to read',
    ja: () => '読み込む platform.yaml',
  },
  'cli.synth.option.out': {
    en: () =>
      'output folder; synth replaces its cdk/, k8s/ and controls*.md and leaves other files alone',
    ja: () => '出力先フォルダー。cdk/、k8s/、controls*.md を置き換え、ほかのファイルには触れません',
  },
  'cli.synth.help.fields': {
    en: () => 'platform.yaml fields (docs/platform-yaml.md explains each one):',
    ja: () => 'platform.yaml のフィールド（各項目の説明は docs/ja/platform-yaml.md にあります）:',
  },
  'cli.synth.help.required': {
    en: () => 'required',
    ja: () => '必須',
  },
  'cli.synth.help.default': {
    en: () => 'default',
    ja: () => '既定値',
  },
};

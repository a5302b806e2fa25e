/** Messages of `kinko images`, the deploy gate on ECR scan findings, and of its platform.yaml fields. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const IMAGES_MESSAGES: MessageTable = {
  'cli.images.description': {
    en: () =>
      'fail when an image in the manifests has ECR scan findings at or above a severity, or has no finished scan',
    ja: () =>
      'マニフェストが使うイメージに、指定した重大度以上の ECR スキャン検出結果があるか、スキャンが完了していなければ失敗にする',
  },
  'cli.images.option.format': {
    en: () => 'output format: text, json or sarif',
    ja: () => '出力形式（text、json、sarif）',
  },
  'cli.images.option.failOn': {
    en: () =>
      'lowest severity that fails the gate; UNTRIAGED and UNDEFINED findings fail at every level',
    ja: () =>
      'ゲートを失敗にする最低の重大度。UNTRIAGED と UNDEFINED の検出結果はどの重大度を指定しても失敗になる',
  },
  'cli.images.option.config': {
    en: () => 'platform.yaml that names the ECR registries and the accepted findings',
    ja: () => 'ECR レジストリと受け入れる検出結果を定めた platform.yaml',
  },

  'images.verdict.pass': { en: () => 'PASS', ja: () => '合格' },
  'images.verdict.fail': { en: () => 'FAIL', ja: () => '不合格' },
  'images.line.scan': {
    en: (p) => `digest ${s(p.digest)}, scan status ${s(p.status)}`,
    ja: (p) => `ダイジェスト ${s(p.digest)}、スキャン状態 ${s(p.status)}`,
  },
  'images.line.counts': {
    en: (p) => `findings: ${s(p.counts)}`,
    ja: (p) => `検出結果: ${s(p.counts)}`,
  },
  'images.line.blocking': {
    en: (p) => `blocks: ${s(p.finding)} (${s(p.severity)}) in ${s(p.package)}`,
    ja: (p) => `不合格の原因: ${s(p.finding)}（${s(p.severity)}、パッケージ ${s(p.package)}）`,
  },
  'images.line.excepted': {
    en: (p) =>
      `accepted by exception until ${s(p.expires)}: ${s(p.finding)} (${s(p.severity)}), reason: ${s(p.reason)}`,
    ja: (p) =>
      `例外により ${s(p.expires)} まで受け入れ: ${s(p.finding)}（${s(p.severity)}）、理由: ${s(p.reason)}`,
  },
  'images.line.expired': {
    en: (p) =>
      `exception expired on ${s(p.expires)} and no longer applies: ${s(p.finding)} (${s(p.severity)})`,
    ja: (p) =>
      `例外は ${s(p.expires)} で期限切れのため適用しません: ${s(p.finding)}（${s(p.severity)}）`,
  },
  'images.line.usedBy': {
    en: (p) => `used by ${s(p.object)} ${s(p.container)}${s(p.location)}`,
    ja: (p) => `使用箇所: ${s(p.object)} ${s(p.container)}${s(p.location)}`,
  },
  'images.line.unusedException': {
    en: (p) =>
      `unused exception: ${s(p.finding)} in ${s(p.repository)} (until ${s(p.expires)}) accepted no finding at ${s(p.failOn)} or above in these manifests; remove it once no image needs it`,
    ja: (p) =>
      `未使用の例外: ${s(p.repository)} の ${s(p.finding)}（${s(p.expires)} まで）は、これらのマニフェストでは ${s(p.failOn)} 以上の検出結果を受け入れていません。どのイメージにも不要になったら削除してください`,
  },
  'images.line.unusedException.everyRepository': {
    en: (p) =>
      `unused exception: ${s(p.finding)} in every repository (until ${s(p.expires)}) accepted no finding at ${s(p.failOn)} or above in these manifests; remove it once no image needs it`,
    ja: (p) =>
      `未使用の例外: 全リポジトリの ${s(p.finding)}（${s(p.expires)} まで）は、これらのマニフェストでは ${s(p.failOn)} 以上の検出結果を受け入れていません。どのイメージにも不要になったら削除してください`,
  },
  'images.summary': {
    en: (p) =>
      `${s(p.images)} image(s) in ${s(p.objects)} object(s) from ${s(p.files)} file(s): ${s(p.passed)} passed, ${s(p.failed)} failed (fail on ${s(p.failOn)} and above), ${s(p.problems)} input problem(s).`,
    ja: (p) =>
      `${s(p.files)} ファイル、${s(p.objects)} オブジェクトのイメージ ${s(p.images)} 件: 合格 ${s(p.passed)} 件、不合格 ${s(p.failed)} 件（${s(p.failOn)} 以上で不合格）、入力の問題 ${s(p.problems)} 件。`,
  },
  'images.failed': {
    en: (p) => `${s(p.count)} image(s) failed the scan gate at ${s(p.failOn)}.`,
    ja: (p) => `${s(p.count)} 件のイメージがスキャンゲート（${s(p.failOn)}）で不合格になりました。`,
  },
  'images.failed.fix': {
    en: () =>
      'Follow the fix the report gives for each failed image. An image with scan findings is rebuilt on patched packages and pushed, or its findings get an exception with a reason and an expiry date under images.exceptions in platform.yaml. An image without a scan the gate can judge (never scanned, scan not finished, repository or tag missing) needs that fixed first: an exception does not accept it.',
    ja: () =>
      'レポートが不合格のイメージごとに示す対処に従ってください。スキャンの検出結果があるイメージは、修正済みのパッケージで再ビルドしてプッシュするか、platform.yaml の images.exceptions に理由と有効期限を付けてその検出結果の例外を追加します。ゲートが判定できるスキャン結果がないイメージ（未スキャン、スキャン未完了、リポジトリやタグがない）は、例外では通せないため、先にその原因を解消してください。',
  },
  'images.input.empty': {
    en: (p) =>
      `nothing was found in ${s(p.paths)}: no Kubernetes object, so no image was judged. A render step that wrote nothing does not pass; check the paths and the step that writes the manifests.`,
    ja: (p) =>
      `${s(p.paths)} には Kubernetes のオブジェクトがないため、イメージを判定していません。何も出力しなかった生成ステップを合格にはしません。パスと、マニフェストを書き出すステップを確認してください。`,
  },
  'images.inputFailed': {
    en: (p) => `${s(p.count)} input(s) could not be read; no image was judged.`,
    ja: (p) => `${s(p.count)} 件の入力を読めなかったため、イメージを判定していません。`,
  },

  'images.closed.outside-registries': {
    en: (p) => `not in the platform's ECR registries (${s(p.detail)}), so its scan cannot be read`,
    ja: (p) =>
      `プラットフォームの ECR レジストリ（${s(p.detail)}）のイメージではないため、スキャン結果を読めません`,
  },
  'images.closed.outside-registries.fix': {
    en: () => "Push the image to the platform's ECR repository and reference it there.",
    ja: () =>
      'イメージをプラットフォームの ECR リポジトリにプッシュし、そのイメージを参照してください。',
  },
  'images.closed.repository-not-found': {
    en: (p) => `the ECR repository does not exist (${s(p.detail)})`,
    ja: (p) => `ECR リポジトリが存在しません（${s(p.detail)}）`,
  },
  'images.closed.repository-not-found.fix': {
    en: () =>
      'Check the repository name in the manifest, or create the repository and push the image.',
    ja: () =>
      'マニフェストのリポジトリ名を確認するか、リポジトリを作成してイメージをプッシュしてください。',
  },
  'images.closed.image-not-found': {
    en: (p) => `the tag or digest is not in the repository (${s(p.detail)})`,
    ja: (p) => `タグまたはダイジェストがリポジトリにありません（${s(p.detail)}）`,
  },
  'images.closed.image-not-found.fix': {
    en: () => 'Push the image, or correct the tag or digest in the manifest.',
    ja: () => 'イメージをプッシュするか、マニフェストのタグまたはダイジェストを修正してください。',
  },
  'images.closed.scan-not-found': {
    en: () => 'the image has never been scanned',
    ja: () => 'このイメージはまだスキャンされていません',
  },
  'images.closed.scan-not-found.fix': {
    en: () =>
      'Turn on enhanced scanning for the registry, or start a basic scan with aws ecr start-image-scan, then run the gate again.',
    ja: () =>
      'レジストリの拡張スキャンを有効にするか、aws ecr start-image-scan で基本スキャンを開始してから、ゲートを再実行してください。',
  },
  'images.closed.scan-status': {
    en: (p) => `the scan status is ${s(p.detail)}, so its findings cannot be judged`,
    ja: (p) => `スキャン状態が ${s(p.detail)} のため、検出結果を判定できません`,
  },
  'images.closed.scan-status.fix': {
    en: () =>
      'Wait for IN_PROGRESS or PENDING scans to finish and run the gate again; for FAILED, UNSUPPORTED_IMAGE, FINDINGS_UNAVAILABLE or SCAN_ELIGIBILITY_EXPIRED, rebuild and push the image on a supported base image.',
    ja: () =>
      'IN_PROGRESS や PENDING ならスキャンの完了を待って再実行してください。FAILED、UNSUPPORTED_IMAGE、FINDINGS_UNAVAILABLE、SCAN_ELIGIBILITY_EXPIRED なら、サポートされるベースイメージで再ビルドしてプッシュしてください。',
  },
  'images.closed.aws-error': {
    en: (p) => `reading the scan from ECR failed: ${s(p.detail)}`,
    ja: (p) => `ECR からスキャン結果を読めませんでした: ${s(p.detail)}`,
  },
  'images.closed.aws-error.fix': {
    en: () =>
      'Check the credentials, the region and the ecr:DescribeImages and ecr:DescribeImageScanFindings permissions, then run the gate again.',
    ja: () =>
      '認証情報、リージョン、ecr:DescribeImages と ecr:DescribeImageScanFindings の権限を確認してから、ゲートを再実行してください。',
  },

  'images.rule.vulnerability.title': {
    en: () => 'Image has a scan finding at or above the gate severity',
    ja: () => 'イメージにゲートの重大度以上のスキャン検出結果がある',
  },
  'images.rule.vulnerability.fix': {
    en: () =>
      'Rebuild the image on patched packages and push it, or add an exception for the finding with a reason and an expiry date under images.exceptions in platform.yaml.',
    ja: () =>
      '修正済みのパッケージでイメージを再ビルドしてプッシュするか、platform.yaml の images.exceptions に理由と有効期限を付けてその検出結果の例外を追加してください。',
  },
  'images.rule.notScanned.title': {
    en: () => 'Image has no scan the gate can judge',
    ja: () => 'イメージにゲートが判定できるスキャン結果がない',
  },

  'images.exception.tooFar': {
    en: (p) =>
      `${s(p.path)}: the exception for ${s(p.finding)} expires on ${s(p.expires)}, later than ${s(p.latest)} (${s(p.days)} days from today).`,
    ja: (p) =>
      `${s(p.path)}: ${s(p.finding)} の例外の有効期限 ${s(p.expires)} が、上限の ${s(p.latest)}（今日から ${s(p.days)} 日後）を過ぎています。`,
  },
  'images.exception.tooFar.fix': {
    en: (p) =>
      `Set expires to ${s(p.latest)} or earlier, and review the finding again before then.`,
    ja: (p) => `expires を ${s(p.latest)} 以前にし、その日までに検出結果を見直してください。`,
  },
  'images.exception.invalid': {
    en: (p) => `${s(p.count)} image exception(s) in platform.yaml are not accepted.`,
    ja: (p) => `platform.yaml のイメージの例外 ${s(p.count)} 件を受け付けられません。`,
  },

  'config.format.findingId': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is not a vulnerability id.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} は脆弱性 ID ではありません。`,
  },
  'config.format.findingId.fix': {
    en: () =>
      'Write the id as the scan reports it, for example CVE-2026-1234 or GHSA-abcd-efgh-ijkl: 3 to 128 letters, digits, dots, colons, underscores and hyphens.',
    ja: () =>
      'スキャン結果に表示される ID をそのまま書いてください（例: CVE-2026-1234、GHSA-abcd-efgh-ijkl）。英数字、ドット、コロン、アンダースコア、ハイフンからなる 3〜128 文字です。',
  },
  'config.format.repositoryPattern': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is not an ECR repository name or pattern.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} は ECR リポジトリ名またはパターンではありません。`,
  },
  'config.format.repositoryPattern.fix': {
    en: () =>
      'Use lowercase letters, digits and the separators . _ - /, with * for any run of characters, for example payments/*.',
    ja: () =>
      '英小文字、数字、区切り文字（. _ - /）を使い、任意の文字列には * を使ってください（例: payments/*）。',
  },
  'config.format.isoDate': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is not a calendar date.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} は実在する日付ではありません。`,
  },
  'config.format.isoDate.fix': {
    en: () => 'Write the date as YYYY-MM-DD, for example 2027-01-31.',
    ja: () => '日付は YYYY-MM-DD 形式で書いてください（例: 2027-01-31）。',
  },
};

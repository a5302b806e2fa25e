/** Messages of `kinko audit`: help, errors, log entries and repeat summaries. */
import type { MessageTable } from '../catalog.js';
import { AUDIT_DETECTION_MESSAGES } from './audit-detections.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const AUDIT_MESSAGES: MessageTable = {
  ...AUDIT_DETECTION_MESSAGES,

  'cli.audit.description': {
    en: () =>
      'Detect suspicious actions in Kubernetes audit logs (a file, stdin, the apiserver webhook or CloudWatch Logs); exits 1 when it reported alerts without --follow',
    ja: () =>
      'Kubernetes 監査ログ（ファイル、標準入力、API サーバーの Webhook、CloudWatch Logs）から不審な操作を検知します。--follow なしでアラートを出したときは終了コード 1 を返します',
  },
  'cli.audit.argument.input': {
    en: () => 'audit log file of JSON lines, or - for stdin',
    ja: () => 'JSON Lines 形式の監査ログファイル。標準入力なら -',
  },
  'cli.audit.option.config': {
    en: () => 'platform.yaml whose systems and audit settings to use',
    ja: () => 'システムと audit 設定を読む platform.yaml',
  },
  'cli.audit.option.format': {
    en: () => 'alert format: text, or json (one object per line)',
    ja: () => 'アラートの形式: text、または json（1 行に 1 オブジェクト）',
  },
  'cli.audit.option.output': {
    en: () => 'append alerts to this file instead of stdout',
    ja: () => 'アラートを標準出力ではなくこのファイルに追記します',
  },
  'cli.audit.option.follow': {
    en: () => 'keep reading as the log grows, across rotation, until SIGINT or SIGTERM',
    ja: () => 'ログの追記をローテーションをまたいで読み続けます。SIGINT か SIGTERM で終了します',
  },
  'cli.audit.option.checkpoint': {
    en: () => 'file that records the read position, so a restart resumes where it stopped',
    ja: () => '読み取り位置を記録するファイル。再起動しても続きから読みます',
  },
  'cli.audit.option.listen': {
    en: () =>
      'receive audit webhook batches over HTTP on HOST:PORT (host defaults to 127.0.0.1) until SIGINT or SIGTERM',
    ja: () =>
      'HOST:PORT で監査 Webhook のバッチを HTTP で受け取ります（ホストの既定は 127.0.0.1）。SIGINT か SIGTERM で終了します',
  },
  'cli.audit.option.logGroup': {
    en: () => 'CloudWatch Logs group to poll, for example /aws/eks/<cluster>/cluster',
    ja: () => 'ポーリングする CloudWatch Logs のロググループ（例: /aws/eks/<cluster>/cluster）',
  },
  'cli.audit.option.region': {
    en: () => 'AWS region of the log group',
    ja: () => 'ロググループの AWS リージョン',
  },
  'cli.audit.option.endpointUrl': {
    en: () => 'CloudWatch Logs endpoint URL, for an emulator or a VPC endpoint',
    ja: () => 'CloudWatch Logs のエンドポイント URL（エミュレーターや VPC エンドポイント用）',
  },
  'cli.audit.option.inputFormat': {
    en: () =>
      'what each stdin line holds: events (one audit Event) or subscription (a CloudWatch Logs subscription payload)',
    ja: () =>
      '標準入力の各行の内容: events（監査イベント 1 件）または subscription（CloudWatch Logs のサブスクリプションペイロード）',
  },
  'cli.audit.option.webhookUrl': {
    en: () => 'also post each alert to this chat webhook as Slack-compatible JSON',
    ja: () => '各アラートを Slack 互換の JSON でこのチャット Webhook にも送信します',
  },
  'cli.audit.option.snsTopicArn': {
    en: () =>
      'also publish each alert to this Amazon SNS topic (JSON to queues and functions, text to e-mail)',
    ja: () =>
      '各アラートをこの Amazon SNS トピックにも発行します（キューと関数には JSON、メールにはテキスト）',
  },
  'cli.audit.option.eventBus': {
    en: () =>
      'also put each alert on this Amazon EventBridge bus, source kinko.audit, detail-type "Kinko Audit Alert"',
    ja: () =>
      '各アラートをこの Amazon EventBridge バスにも送信します（source は kinko.audit、detail-type は "Kinko Audit Alert"）',
  },
  'audit.snsTopicArn.invalid': {
    en: (p) => `--sns-topic-arn ${s(p.value)} is not an SNS topic ARN.`,
    ja: (p) => `--sns-topic-arn の ${s(p.value)} は SNS トピックの ARN ではありません。`,
  },
  'audit.snsTopicArn.invalid.fix': {
    en: () =>
      'pass the topic ARN, for example arn:aws:sns:ap-northeast-1:111122223333:kinko-alerts.',
    ja: () =>
      'トピックの ARN を指定してください（例: arn:aws:sns:ap-northeast-1:111122223333:kinko-alerts）。',
  },
  'cli.audit.option.logLevel': {
    en: () => 'minimum level of the log on stderr; debug also names each malformed line',
    ja: () => '標準エラーに出すログの最低レベル。debug では不正な行もそれぞれ示します',
  },
  'cli.audit.option.logFormat': {
    en: () => 'log format on stderr: text, or json; defaults to text on a terminal',
    ja: () => '標準エラーのログの形式: text または json。端末では text が既定です',
  },
  'cli.audit.option.list': {
    en: () => 'list the detections and exit',
    ja: () => '検知の一覧を表示して終了します',
  },

  'audit.exit.alertsFound': {
    en: (p) => `kinko audit reported ${s(p.count)} alert(s).`,
    ja: (p) => `kinko audit がアラートを ${s(p.count)} 件報告しました。`,
  },
  'audit.exit.alertsFound.fix': {
    en: () =>
      'review each alert above; for an expected action, add an exception with its reason under audit.exceptions in platform.yaml.',
    ja: () =>
      '上の各アラートを確認してください。想定どおりの操作なら、platform.yaml の audit.exceptions に理由を添えて例外を追加してください。',
  },
  'audit.input.missing': {
    en: () => 'no input: give a log file, - for stdin, --listen or --cloudwatch-log-group.',
    ja: () =>
      '入力がありません。ログファイル、標準入力なら -、--listen、--cloudwatch-log-group のいずれかを指定してください。',
  },
  'audit.input.notFound': {
    en: (p) => `audit log not found: ${s(p.file)}`,
    ja: (p) => `監査ログが見つかりません: ${s(p.file)}`,
  },
  'audit.input.notFound.fix': {
    en: () => 'check the path, or add --follow to wait for the file to appear.',
    ja: () => 'パスを確認するか、--follow を付けてファイルができるのを待ってください。',
  },
  'audit.input.subscriptionFile': {
    en: () => '--input-format subscription applies to stdin only.',
    ja: () => '--input-format subscription は標準入力にだけ使えます。',
  },
  'audit.input.subscriptionFile.fix': {
    en: () => 'pipe the payloads in: kinko audit --input-format subscription - < payloads.txt',
    ja: () =>
      'ペイロードはパイプで渡してください: kinko audit --input-format subscription - < payloads.txt',
  },
  'audit.listen.invalid': {
    en: (p) => `invalid listen address: ${s(p.value)}`,
    ja: (p) => `待ち受けアドレスが不正です: ${s(p.value)}`,
  },
  'audit.listen.invalid.fix': {
    en: () => 'write HOST:PORT or PORT, for example 127.0.0.1:8443.',
    ja: () => '127.0.0.1:8443 のように HOST:PORT または PORT の形で書いてください。',
  },
  'audit.webhookUrl.invalid': {
    en: (p) => `invalid webhook URL: ${s(p.value)}`,
    ja: (p) => `Webhook の URL が不正です: ${s(p.value)}`,
  },
  'audit.webhookUrl.invalid.fix': {
    en: () => 'give an http:// or https:// URL.',
    ja: () => 'http:// か https:// で始まる URL を指定してください。',
  },
  'audit.checkpoint.invalid': {
    en: (p) => `checkpoint file ${s(p.file)} is unreadable: ${s(p.reason)}`,
    ja: (p) => `チェックポイントファイル ${s(p.file)} を読めません: ${s(p.reason)}`,
  },
  'audit.checkpoint.invalid.fix': {
    en: () =>
      'move the file aside to start over from the beginning of the input; alerts already reported may be reported again.',
    ja: () =>
      'ファイルを別の場所に移すと入力の先頭から読み直します。報告済みのアラートが再び報告されることがあります。',
  },
  'audit.config.invalid': {
    en: (p) => `the audit section of platform.yaml has ${s(p.count)} problem(s).`,
    ja: (p) => `platform.yaml の audit セクションに問題が ${s(p.count)} 件あります。`,
  },
  'audit.config.unknownDetection': {
    en: (p) => `${s(p.path)}: unknown detection ${s(p.value)}`,
    ja: (p) => `${s(p.path)}: 検知 ${s(p.value)} はありません`,
  },
  'audit.config.unknownDetection.fix': {
    en: (p) => `use one of: ${s(p.known)}.`,
    ja: (p) => `次のいずれかを指定してください: ${s(p.known)}。`,
  },

  'audit.repeats.summary': {
    en: (p) =>
      `${s(p.lastTime)} REPEATS ${s(p.detection)}: ${s(p.suppressed)} more alert(s) held back as repeats user=${s(p.user)} target=${s(p.target)} from=${s(p.firstTime)} to=${s(p.lastTime)}`,
    ja: (p) =>
      `${s(p.lastTime)} REPEATS ${s(p.detection)}: 同じアラートをさらに ${s(p.suppressed)} 件省略しました user=${s(p.user)} target=${s(p.target)} from=${s(p.firstTime)} to=${s(p.lastTime)}`,
  },

  'audit.log.noConfig': {
    en: () =>
      'no --config given: no system is known, so the cross-system detections report nothing.',
    ja: () =>
      '--config の指定がないためシステムがわからず、システム間アクセスの検知は何も報告しません。',
  },
  'audit.log.started': {
    en: (p) =>
      `reading ${s(p.sources)} with ${s(p.detections)} detections over ${s(p.systems)} system(s)`,
    ja: (p) =>
      `${s(p.sources)} を読み始めました（検知 ${s(p.detections)} 件、システム ${s(p.systems)} 個）`,
  },
  'audit.log.stopping': {
    en: (p) => `${s(p.signal)} received: saving the checkpoint and stopping`,
    ja: (p) => `${s(p.signal)} を受け取りました。チェックポイントを保存して終了します`,
  },
  'audit.log.summary': {
    en: (p) =>
      `done: ${s(p.events)} events, ${s(p.alerts)} alerts, ${s(p.repeats)} repeats held back, ${s(p.excepted)} excepted, ${s(p.malformed)} malformed, ${s(p.duplicates)} duplicates`,
    ja: (p) =>
      `終了: イベント ${s(p.events)} 件、アラート ${s(p.alerts)} 件、省略した繰り返し ${s(p.repeats)} 件、例外 ${s(p.excepted)} 件、不正 ${s(p.malformed)} 件、重複 ${s(p.duplicates)} 件`,
  },
  'audit.log.malformed': {
    en: (p) => `${s(p.origin)}:${s(p.line)}: skipped a malformed event: ${s(p.reason)}`,
    ja: (p) => `${s(p.origin)}:${s(p.line)}: 不正なイベントを読み飛ばしました: ${s(p.reason)}`,
  },
  'audit.log.file.rotated': {
    en: (p) => `${s(p.file)} was rotated; read the old file to its end at byte ${s(p.offset)}`,
    ja: (p) =>
      `${s(p.file)} がローテーションされました。旧ファイルを末尾（${s(p.offset)} バイト目）まで読みました`,
  },
  'audit.log.file.truncated': {
    en: (p) => `${s(p.file)} was truncated; reading it again from the start`,
    ja: (p) => `${s(p.file)} が切り詰められました。先頭から読み直します`,
  },
  'audit.log.file.waiting': {
    en: (p) => `waiting for ${s(p.file)} to appear`,
    ja: (p) => `${s(p.file)} ができるのを待っています`,
  },
  'audit.log.listenNotLoopback': {
    en: (p) =>
      `listening on ${s(p.host)}, not a loopback address: put TLS and authentication in front of this endpoint.`,
    ja: (p) =>
      `ループバック以外のアドレス ${s(p.host)} で待ち受けます。この前段に TLS と認証を置いてください。`,
  },
  'audit.log.listening': {
    en: (p) => `receiving audit webhook batches on ${s(p.address)} port ${s(p.port)}`,
    ja: (p) => `${s(p.address)} のポート ${s(p.port)} で監査 Webhook のバッチを受け付けています`,
  },
  'audit.log.cloudwatchFailed': {
    en: (p) =>
      `reading CloudWatch Logs group ${s(p.logGroup)} failed: ${s(p.reason)}; retrying at the next poll`,
    ja: (p) =>
      `CloudWatch Logs のロググループ ${s(p.logGroup)} の読み取りに失敗しました: ${s(p.reason)}。次のポーリングで再試行します`,
  },
  'audit.log.snsFailed': {
    en: (p) =>
      `publishing an alert to Amazon SNS failed after ${s(p.attempts)} attempts: ${s(p.reason)}`,
    ja: (p) =>
      `Amazon SNS へのアラートの発行が ${s(p.attempts)} 回とも失敗しました: ${s(p.reason)}`,
  },
  'audit.log.eventBridgeFailed': {
    en: (p) =>
      `putting an alert on Amazon EventBridge failed after ${s(p.attempts)} attempts: ${s(p.reason)}`,
    ja: (p) =>
      `Amazon EventBridge へのアラートの送信が ${s(p.attempts)} 回とも失敗しました: ${s(p.reason)}`,
  },
  'audit.log.webhookFailed': {
    en: (p) =>
      `posting an alert to the webhook failed after ${s(p.attempts)} attempts: ${s(p.reason)}`,
    ja: (p) => `Webhook へのアラート送信が ${s(p.attempts)} 回とも失敗しました: ${s(p.reason)}`,
  },
};

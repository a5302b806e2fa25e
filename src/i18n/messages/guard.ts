/** Messages of `kinko guard`: the admission responses (in English, as the apiserver's users read them) and the command. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const GUARD_MESSAGES: MessageTable = {
  'guard.review.finding': {
    en: (p) => `[${s(p.rule)}] ${s(p.message)}`,
    ja: (p) => `ルール ${s(p.rule)}: ${s(p.message)}`,
  },
  'guard.review.denied': {
    en: (p) => `kinko guard denied the request (${s(p.count)} rule violations): ${s(p.findings)}`,
    ja: (p) =>
      `kinko guard がリクエストを拒否しました（ルール違反 ${s(p.count)} 件）: ${s(p.findings)}`,
  },
  'guard.review.unknownKind': {
    en: (p) =>
      `kinko guard has no rule for kind ${s(p.kind)}; the object was admitted without a check.`,
    ja: (p) =>
      `kinko guard には ${s(p.kind)} を検査するルールがないため、検査せずに受け付けました。`,
  },
  'guard.review.notJson': {
    en: (p) => `the request body is not JSON: ${s(p.reason)}`,
    ja: (p) => `リクエストの本文が JSON ではありません: ${s(p.reason)}`,
  },
  'guard.review.notReview': {
    en: (p) => `the request body is not an ${s(p.kind)} ${s(p.apiVersion)} with a request.uid.`,
    ja: (p) =>
      `リクエストの本文が request.uid を持つ ${s(p.kind)} ${s(p.apiVersion)} ではありません。`,
  },
  'guard.review.noObject': {
    en: (p) => `the ${s(p.operation)} request carries no object to check.`,
    ja: (p) => `${s(p.operation)} リクエストに検査するオブジェクトがありません。`,
  },
  'guard.review.notObject': {
    en: () => 'the request object has no apiVersion, kind or name.',
    ja: () => 'リクエストのオブジェクトに apiVersion、kind、name のいずれかがありません。',
  },
  'guard.review.tooLarge': {
    en: (p) => `the request body is larger than ${s(p.limit)} bytes, the most kinko guard reads.`,
    ja: (p) => `リクエストの本文が kinko guard の読み込み上限 ${s(p.limit)} バイトを超えています。`,
  },
  'guard.server.notFound': {
    en: (p) =>
      `no endpoint ${s(p.method)} ${s(p.path)}; kinko guard serves POST /validate, GET /healthz, /readyz and /metrics.`,
    ja: (p) =>
      `${s(p.method)} ${s(p.path)} というエンドポイントはありません。kinko guard が提供するのは POST /validate と GET /healthz、/readyz、/metrics です。`,
  },
  'guard.listening': {
    en: (p) => `kinko guard is serving AdmissionReviews on https://${s(p.address)}/validate`,
    ja: (p) =>
      `kinko guard が https://${s(p.address)}/validate で AdmissionReview を受け付けています`,
  },
  'guard.listenInvalid': {
    en: (p) => `--listen ${s(p.value)} is not an address: write HOST:PORT or PORT.`,
    ja: (p) =>
      `--listen ${s(p.value)} はアドレスとして読めません。HOST:PORT か PORT の形で指定してください。`,
  },
  'guard.listenInvalid.fix': {
    en: () => 'For example --listen 127.0.0.1:8443, or --listen 0.0.0.0:8443 inside a pod.',
    ja: () => '例: --listen 127.0.0.1:8443。Pod の中で動かすときは --listen 0.0.0.0:8443。',
  },
  'guard.tlsUnreadable': {
    en: (p) => `cannot read the TLS file ${s(p.file)}: ${s(p.reason)}`,
    ja: (p) => `TLS のファイル ${s(p.file)} を読み込めません: ${s(p.reason)}`,
  },
  'guard.tlsUnreadable.fix': {
    en: () => 'Give a PEM certificate with --tls-cert and its PEM private key with --tls-key.',
    ja: () =>
      '--tls-cert に PEM 形式の証明書を、--tls-key にその PEM 形式の秘密鍵を指定してください。',
  },
  'guard.tlsInvalid': {
    en: (p) =>
      `the certificate ${s(p.cert)} and the private key ${s(p.key)} do not load as a TLS pair: ${s(p.reason)}`,
    ja: (p) =>
      `証明書 ${s(p.cert)} と秘密鍵 ${s(p.key)} を TLS の組として読み込めません: ${s(p.reason)}`,
  },
  'guard.tlsInvalid.fix': {
    en: () =>
      'Give the PEM certificate (BEGIN CERTIFICATE) with --tls-cert and its own PEM private key (BEGIN PRIVATE KEY) with --tls-key; a swapped pair or a key of another certificate fails here.',
    ja: () =>
      '--tls-cert には PEM 形式の証明書（BEGIN CERTIFICATE）を、--tls-key にはその証明書と対になる PEM 形式の秘密鍵（BEGIN PRIVATE KEY）を指定してください。2 つを取り違えた場合や、別の証明書の鍵を指定した場合にこのエラーになります。',
  },
  'guard.listenFailed': {
    en: (p) => `kinko guard cannot listen on ${s(p.address)}: ${s(p.reason)}`,
    ja: (p) => `kinko guard が ${s(p.address)} で待ち受けられません: ${s(p.reason)}`,
  },
  'guard.listenFailed.fix': {
    en: () =>
      'Choose a free port and an address of this host with --listen (default 127.0.0.1:8443).',
    ja: () =>
      '--listen で、このホストのアドレスと空いているポートを指定してください（既定は 127.0.0.1:8443）。',
  },
  'guard.invalidNumber': {
    en: (p) => `${s(p.option)} ${s(p.value)} is not a whole number of seconds.`,
    ja: (p) => `${s(p.option)} ${s(p.value)} は秒数を表す整数ではありません。`,
  },
  'cli.guard.option.graceMargin': {
    en: () => 'seconds terminationGracePeriodSeconds must exceed the preStop sleep by (default 10)',
    ja: () => 'terminationGracePeriodSeconds が preStop の sleep を上回るべき秒数（既定 10）',
  },
  'cli.guard.description': {
    en: () => 'Admission webhook that runs the single-object rules of kinko check at apply time',
    ja: () => 'kinko check の単一オブジェクトのルールを適用時に実行するアドミッション Webhook',
  },
  'cli.guard.serve.description': {
    en: () => 'Serve AdmissionReview v1 over HTTPS on POST /validate',
    ja: () => 'HTTPS の POST /validate で AdmissionReview v1 を受け付けます',
  },
  'cli.guard.option.tlsCert': {
    en: () => 'PEM file of the serving certificate',
    ja: () => 'サーバー証明書の PEM ファイル',
  },
  'cli.guard.option.systemGroup': {
    en: () =>
      'a system’s group and namespace, as GROUP=NAMESPACE (for example a:admins=a); repeatable, added to those of --config',
    ja: () =>
      'システムのグループと Namespace を GROUP=NAMESPACE の形で指定（例: a:admins=a）。複数指定でき、--config の分に加わります',
  },
  'guard.systemGroupInvalid': {
    en: (p) => `--system-group ${s(p.value)} is not GROUP=NAMESPACE.`,
    ja: (p) => `--system-group ${s(p.value)} が GROUP=NAMESPACE の形になっていません。`,
  },
  'guard.systemGroupInvalid.fix': {
    en: () =>
      'Give the system’s group, an equals sign and its namespace, for example --system-group a:admins=a.',
    ja: () =>
      'システムのグループ、等号、Namespace の順に書いてください。例: --system-group a:admins=a',
  },
  'cli.guard.option.certificatePoll': {
    en: () =>
      'seconds between checks of the certificate files; a renewed pair is served to new connections',
    ja: () => '証明書ファイルを確認する間隔（秒）。更新された証明書は新しい接続から使います',
  },
  'cli.guard.option.tlsKey': {
    en: () => 'PEM file of the serving certificate’s private key',
    ja: () => 'サーバー証明書の秘密鍵の PEM ファイル',
  },
  'cli.guard.option.listen': {
    en: () => 'address to listen on, HOST:PORT',
    ja: () => '待ち受けるアドレス。HOST:PORT の形',
  },
  'cli.guard.option.config': {
    en: () => 'platform.yaml whose ECR registries and system groups the rules allow',
    ja: () => 'ルールが許可する ECR レジストリとシステムのグループを読み込む platform.yaml',
  },
  'cli.guard.option.allowedRegistry': {
    en: () => 'another registry images may come from (repeatable)',
    ja: () => 'イメージの取得を許可するレジストリを追加します（複数指定可）',
  },
  'cli.guard.option.allowedClusterRole': {
    en: () => 'a ClusterRole a RoleBinding may reference (repeatable; default view)',
    ja: () => 'RoleBinding が参照してよい ClusterRole（複数指定可。既定は view）',
  },
};

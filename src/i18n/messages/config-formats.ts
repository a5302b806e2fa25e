/**
 * Messages for values of platform.yaml that do not match their format. The id after
 * `config.format.` names the format; each has a `.fix` companion with the rule.
 */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

/** Put a space between Japanese text and a Latin word at either end, as Japanese technical writing does. */
export function spaceLatin(text: string): string {
  const start = /^[A-Za-z0-9]/.test(text) ? ' ' : '';
  const end = /[A-Za-z0-9]$/.test(text) ? ' ' : '';
  return `${start}${text}${end}`;
}

interface FormatText {
  readonly what: string;
  readonly whatJa: string;
  readonly rule: string;
  readonly ruleJa: string;
}

const FORMATS: Readonly<Record<string, FormatText>> = {
  reason: {
    what: 'a reason of 10 to 1000 characters',
    whatJa: '10〜1000 文字の理由',
    rule: 'write in at least 10 characters, not counting leading and trailing spaces, why the exception is accepted and who accepted it; it appears in every report.',
    ruleJa:
      '例外を認める理由と、認めた人を書いてください。前後の空白を除いて 10 文字以上必要です。理由はすべてのレポートに載ります。',
  },
  platformName: {
    what: 'a valid platform name',
    whatJa: '有効なプラットフォーム名',
    rule: 'use 2 to 20 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (it prefixes stack, bucket and role names).',
    ruleJa:
      '英小文字で始まり、英小文字・数字・ハイフンからなる 2〜20 文字で、末尾はハイフン以外にしてください（スタック名、バケット名、ロール名の接頭辞になります）。',
  },
  systemName: {
    what: 'a valid system name',
    whatJa: '有効なシステム名',
    rule: 'use 1 to 15 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (it becomes part of the namespace, the group and the bucket name).',
    ruleJa:
      '英小文字で始まり、英小文字・数字・ハイフンからなる 1〜15 文字で、末尾はハイフン以外にしてください（Namespace、グループ、バケット名の一部になります）。',
  },
  dnsLabel: {
    what: 'a valid Kubernetes name (RFC 1123 label)',
    whatJa: 'Kubernetes の名前として有効な値（RFC 1123 ラベル）',
    rule: 'use at most 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
    ruleJa:
      '英小文字・数字・ハイフンからなる 63 文字以内で、先頭と末尾は英小文字か数字にしてください。',
  },
  account: {
    what: 'an AWS account id',
    whatJa: 'AWS アカウント ID',
    rule: 'write the 12 digits in quotes, for example "111122223333", so YAML keeps leading zeros.',
    ruleJa:
      '先頭の 0 が消えないよう、12 桁の数字を引用符で囲んで書いてください（例: "111122223333"）。',
  },
  region: {
    what: 'an AWS region code',
    whatJa: 'AWS リージョンコード',
    rule: 'write a region code such as ap-northeast-1.',
    ruleJa: 'ap-northeast-1 のようなリージョンコードを書いてください。',
  },
  availabilityZone: {
    what: 'an Availability Zone name',
    whatJa: 'アベイラビリティーゾーン名',
    rule: 'write a zone name such as ap-northeast-1a.',
    ruleJa: 'ap-northeast-1a のようなゾーン名を書いてください。',
  },
  roleArn: {
    what: 'an IAM role ARN',
    whatJa: 'IAM ロールの ARN',
    rule: 'write the role ARN, for example arn:aws:iam::111122223333:role/a-admins.',
    ruleJa: 'arn:aws:iam::111122223333:role/a-admins のようにロールの ARN を書いてください。',
  },
  cidr: {
    what: 'an IPv4 CIDR block',
    whatJa: 'IPv4 の CIDR ブロック',
    rule: 'write an address and prefix length, for example 10.0.0.0/16.',
    ruleJa: '10.0.0.0/16 のようにアドレスとプレフィックス長を書いてください。',
  },
  host: {
    what: 'a DNS host name',
    whatJa: 'DNS ホスト名',
    rule: 'write a lowercase host name such as a.example.co.jp.',
    ruleJa: 'a.example.co.jp のような小文字のホスト名を書いてください。',
  },
  urlPath: {
    what: 'a URL path',
    whatJa: 'URL パス',
    rule: 'start the path with "/" and use no spaces, for example /api.',
    ruleJa: '"/" で始まり空白を含まないパスにしてください（例: /api）。',
  },
  pathPrefix: {
    what: 'a URL path prefix',
    whatJa: 'URL パスの接頭辞',
    rule: 'start with "/", end without "/", and use only letters, digits, ".", "_", "~" and "-" between slashes, for example /a.',
    ruleJa:
      '"/" で始めて "/" で終わらせず、スラッシュの間には英数字・"."・"_"・"~"・"-" だけを使ってください（例: /a）。',
  },
  acmCertificateArn: {
    what: 'an ACM certificate ARN',
    whatJa: 'ACM 証明書の ARN',
    rule: 'copy the ARN from ACM, for example arn:aws:acm:ap-northeast-1:111122223333:certificate/0123abcd-0123-4567-89ab-0123456789ab.',
    ruleJa:
      'ACM に表示される ARN をそのまま書いてください（例: arn:aws:acm:ap-northeast-1:111122223333:certificate/0123abcd-0123-4567-89ab-0123456789ab）。',
  },
  headerName: {
    what: 'an HTTP header name the ALB can match',
    whatJa: 'ALB が照合できる HTTP ヘッダー名',
    rule: 'use up to 40 lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
    ruleJa:
      '英小文字・数字・ハイフンからなる 40 文字以内で、先頭と末尾は英小文字か数字にしてください。',
  },
  cookieName: {
    what: 'a cookie name the ALB can match',
    whatJa: 'ALB が照合できる Cookie 名',
    rule: 'use up to 40 lowercase letters, digits, "_" and "-", starting and ending with a letter or digit.',
    ruleJa:
      '英小文字・数字・"_"・"-" からなる 40 文字以内で、先頭と末尾は英小文字か数字にしてください。',
  },
  hostedZoneId: {
    what: 'a Route 53 hosted zone id',
    whatJa: 'Route 53 のホストゾーン ID',
    rule: 'copy the id from Route 53: "Z" followed by uppercase letters and digits, for example Z0123456789ABCDEFGHIJ.',
    ruleJa:
      'Route 53 に表示される ID をそのまま書いてください。"Z" に英大文字と数字が続きます（例: Z0123456789ABCDEFGHIJ）。',
  },
  imageTag: {
    what: 'a valid image tag',
    whatJa: '有効なイメージタグ',
    rule: 'use up to 128 letters, digits, "_", "." and "-", not starting with "." or "-".',
    ruleJa: '英数字・"_"・"."・"-" からなる 128 文字以内で、先頭は "." と "-" 以外にしてください。',
  },
  imageDigest: {
    what: 'an image digest',
    whatJa: 'イメージのダイジェスト',
    rule: 'write sha256: followed by 64 lowercase hexadecimal digits.',
    ruleJa: 'sha256: に続けて 16 進数の小文字 64 桁を書いてください。',
  },
  repositoryName: {
    what: 'a valid ECR repository name',
    whatJa: '有効な ECR リポジトリ名',
    rule: 'use lowercase letters, digits and the separators ".", "_", "-" and "/", for example team/web.',
    ruleJa: '英小文字・数字と区切り文字 "."・"_"・"-"・"/" を使ってください（例: team/web）。',
  },
  cpuQuantity: {
    what: 'a CPU quantity',
    whatJa: 'CPU の量',
    rule: 'write cores or millicores, for example 0.5 or 500m.',
    ruleJa: '0.5 や 500m のようにコア数かミリコアで書いてください。',
  },
  memoryQuantity: {
    what: 'a memory quantity',
    whatJa: 'メモリの量',
    rule: 'write bytes with a binary suffix, for example 256Mi or 1Gi.',
    ruleJa: '256Mi や 1Gi のように、2 進接尾辞付きのバイト数で書いてください。',
  },
  storageQuantity: {
    what: 'a storage quantity',
    whatJa: 'ストレージ容量',
    rule: 'write bytes with a binary suffix, for example 100Gi.',
    ruleJa: '100Gi のように、2 進接尾辞付きのバイト数で書いてください。',
  },
  kubernetesVersion: {
    what: 'a Kubernetes version that Kinko supports',
    whatJa: 'Kinko が対応する Kubernetes バージョン',
    rule: 'write the minor version in quotes, for example "1.37"; docs/platform-yaml.md lists the supported ones.',
    ruleJa:
      '"1.37" のようにマイナーバージョンを引用符で囲んで書いてください。対応バージョンは docs/ja/platform-yaml.md にあります。',
  },
  gitUrl: {
    what: 'a Git repository URL',
    whatJa: 'Git リポジトリの URL',
    rule: 'write an https:// or ssh:// URL, for example https://git.example.co.jp/platform/manifests.git.',
    ruleJa:
      'https:// か ssh:// で始まる URL を書いてください（例: https://git.example.co.jp/platform/manifests.git）。',
  },
  relativePath: {
    what: 'a relative path inside the repository',
    whatJa: 'リポジトリ内の相対パス',
    rule: 'write a path without a leading "/" and without "..", for example out.',
    ruleJa: '先頭の "/" と ".." を含まないパスを書いてください（例: out）。',
  },
  mountPath: {
    what: 'an absolute mount path outside the system folders',
    whatJa: 'システムフォルダー以外の絶対パス',
    rule: 'start with "/" and avoid system folders such as /, /etc, /proc and /tmp.',
    ruleJa: '"/" で始め、/、/etc、/proc、/tmp などのシステムフォルダーは避けてください。',
  },
  s3Prefix: {
    what: 'an S3 key prefix',
    whatJa: 'S3 キーのプレフィックス',
    rule: 'end the prefix with "/" and do not start it with "/", for example shared/.',
    ruleJa: '"/" で終わり、"/" で始まらないプレフィックスにしてください（例: shared/）。',
  },
  tagKey: {
    what: 'a valid AWS tag',
    whatJa: '有効な AWS タグ',
    rule: 'keep keys to 128 and values to 256 characters, and do not start keys with "aws:".',
    ruleJa: 'キーは 128 文字、値は 256 文字以内にし、キーを "aws:" で始めないでください。',
  },
  identityCenterArn: {
    what: 'an IAM Identity Center instance ARN',
    whatJa: 'IAM Identity Center インスタンスの ARN',
    rule: 'copy the instance ARN from the IAM Identity Center settings, for example arn:aws:sso:::instance/ssoins-0123456789abcdef.',
    ruleJa:
      'IAM Identity Center の設定画面からインスタンスの ARN をコピーしてください（例: arn:aws:sso:::instance/ssoins-0123456789abcdef）。',
  },
  instanceType: {
    what: 'an EC2 instance type',
    whatJa: 'EC2 のインスタンスタイプ',
    rule: 'write the family and size separated by a dot, for example m7i.xlarge.',
    ruleJa: 'm7i.xlarge のように、ファミリーとサイズをドットでつないで書いてください。',
  },
  displayName: {
    what: 'a one-line display name',
    whatJa: '1 行の表示名',
    rule: 'use 1 to 100 characters on one line, without tabs or line breaks.',
    ruleJa: 'タブや改行を含まない 1〜100 文字の 1 行にしてください。',
  },
  logRetentionDays: {
    what: 'a retention period that CloudWatch Logs offers',
    whatJa: 'CloudWatch Logs が受け付ける保持期間',
    rule: 'use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days.',
    ruleJa:
      '1、3、5、7、14、30、60、90、120、150、180、365、400、545、731、1096、1827、2192、2557、2922、3288、3653 日のいずれかにしてください。',
  },
  exceptionControl: {
    what: 'a control that can take an exception',
    whatJa: '例外を宣言できるコントロール',
    rule: 'use one of the controls listed in docs/platform-yaml.md under exceptions.',
    ruleJa:
      'docs/ja/platform-yaml.md の exceptions に挙げたコントロールのいずれかを指定してください。',
  },
};

function buildFormatMessages(): MessageTable {
  const table: Record<string, MessageTable[string]> = {};
  for (const [id, text] of Object.entries(FORMATS)) {
    table[`config.format.${id}`] = {
      en: (p) => `${s(p.path)}: ${s(p.value)} is not ${text.what}.`,
      ja: (p) => `${s(p.path)}: ${s(p.value)} は${spaceLatin(text.whatJa)}ではありません。`,
    };
    table[`config.format.${id}.fix`] = { en: () => text.rule, ja: () => text.ruleJa };
  }
  return table;
}

export const CONFIG_FORMAT_MESSAGES: MessageTable = buildFormatMessages();

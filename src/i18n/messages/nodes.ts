/** Messages of `kinko nodes status` and `kinko nodes pin`, and of node release pinning at synth. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

/** Names a place in node-releases.json: the field path, or the top level when the path is empty. */
const whereEn = (p: { path?: string | number }): string =>
  s(p.path) === '' ? 'the top level' : s(p.path);
const whereJa = (p: { path?: string | number }): string =>
  s(p.path) === '' ? '最上位' : `${s(p.path)} `;

/** `1 day`, `2 days`. */
const daysEn = (value: string | number | undefined): string =>
  `${s(value)} ${Number(value) === 1 ? 'day' : 'days'}`;

const RECORD_FIX = {
  en: () => 'Run kinko nodes pin to write the file again, or fix the field named.',
  ja: () => 'kinko nodes pin を実行して書き直すか、示されたフィールドを修正してください。',
};

export const NODES_MESSAGES: MessageTable = {
  'cli.nodes.description': {
    en: () => 'check and pin the EKS-optimized AMI release of the node groups',
    ja: () => 'ノードグループの EKS 最適化 AMI リリースを確認し、固定する',
  },
  'cli.nodes.status.description': {
    en: () =>
      'compare every managed node group and node with the latest EKS-optimized AMI release in SSM; exit 1 when one lags',
    ja: () =>
      'マネージドノードグループとノードを SSM 上の最新の EKS 最適化 AMI リリースと比べる。遅れがあれば終了コード 1',
  },
  'cli.nodes.pin.description': {
    en: () =>
      'record the latest release per region, Kubernetes version and AMI type in node-releases.json next to platform.yaml, for kinko synth',
    ja: () =>
      'リージョン・Kubernetes バージョン・AMI タイプごとの最新リリースを、platform.yaml と同じフォルダーの node-releases.json に記録する（kinko synth が読む）',
  },
  'cli.nodes.option.cluster': {
    en: () => 'cluster key in platform.yaml (needed when it declares several clusters)',
    ja: () => 'platform.yaml のクラスターキー（クラスターが複数あるときは必須）',
  },
  'cli.nodes.option.dr': {
    en: () => "check the cluster's copy in the DR region instead of the primary region",
    ja: () => 'プライマリーリージョンではなく、DR リージョンにある同じクラスターを確認する',
  },
  'cli.nodes.option.noKube': {
    en: () => 'check the node groups through the EKS API only, without reading the nodes',
    ja: () => 'ノードは読まず、EKS API からノードグループだけを確認する',
  },
  'cli.nodes.option.config': {
    en: () => 'platform.yaml that declares the clusters',
    ja: () => 'クラスターを定義した platform.yaml',
  },
  'cli.nodes.option.pinConfig': {
    en: () => 'platform.yaml that declares the clusters; node-releases.json is written beside it',
    ja: () => 'クラスターを定義した platform.yaml。node-releases.json は同じフォルダーに書き込む',
  },
  'cli.nodes.option.maxDaysBehind': {
    en: () =>
      'days a release may trail the latest release date and still pass; 0 fails any older release',
    ja: () =>
      '最新リリースの日付から何日までの遅れを合格とするか（日数）。0 では古いリリースはすべて不合格',
  },
  'cli.nodes.option.maxDaysBehind.invalid': {
    en: () => 'expected a whole number of days, 0 or more',
    ja: () => '0 以上の整数（日数）を指定してください',
  },
  'cli.nodes.option.pinDryRun': {
    en: () => 'print the releases without writing node-releases.json',
    ja: () => 'リリースを表示するだけで node-releases.json は書き込まない',
  },

  'nodes.kind.nodegroup': {
    en: (p) => `node group ${s(p.name)}`,
    ja: (p) => `ノードグループ ${s(p.name)}`,
  },
  'nodes.kind.node': {
    en: (p) => `node ${s(p.name)}`,
    ja: (p) => `ノード ${s(p.name)}`,
  },
  'nodes.report.header': {
    en: (p) =>
      `AMI releases of cluster ${s(p.cluster)} (${s(p.region)}); allowed lag: ${daysEn(p.max)}`,
    ja: (p) =>
      `クラスター ${s(p.cluster)}（${s(p.region)}）の AMI リリース。許容する遅れ: ${s(p.max)} 日`,
  },
  'nodes.report.current': {
    en: (p) => `  current  ${s(p.subject)}: ${s(p.current)} (latest ${s(p.latest)})`,
    ja: (p) => `  最新     ${s(p.subject)}: ${s(p.current)}（最新 ${s(p.latest)}）`,
  },
  'nodes.report.lagging': {
    en: (p) =>
      `  LAGGING  ${s(p.subject)}: ${s(p.current)}, latest ${s(p.latest)}, ${daysEn(p.days)} behind`,
    ja: (p) =>
      `  遅れ     ${s(p.subject)}: ${s(p.current)}、最新は ${s(p.latest)}、${s(p.days)} 日遅れ`,
  },
  'nodes.report.laggingAllowed': {
    en: (p) =>
      `  lagging  ${s(p.subject)}: ${s(p.current)}, latest ${s(p.latest)}, ${daysEn(p.days)} behind (within the allowed lag)`,
    ja: (p) =>
      `  遅れ     ${s(p.subject)}: ${s(p.current)}、最新は ${s(p.latest)}、${s(p.days)} 日遅れ（許容範囲内）`,
  },
  'nodes.report.unknown': {
    en: (p) => `  UNKNOWN  ${s(p.subject)}: ${s(p.reason)}`,
    ja: (p) => `  不明     ${s(p.subject)}: ${s(p.reason)}`,
  },
  'nodes.report.summary': {
    en: (p) => `${s(p.total)} checked, ${s(p.failed)} failed`,
    ja: (p) => `${s(p.total)} 件を確認、不合格 ${s(p.failed)} 件`,
  },
  'nodes.failed': {
    en: (p) =>
      Number(p.count) === 1
        ? `1 node group or node lags the latest AMI release by more than ${daysEn(p.max)}, or its release is unknown`
        : `${s(p.count)} node groups or nodes lag the latest AMI release by more than ${daysEn(p.max)}, or their release is unknown`,
    ja: (p) =>
      `${s(p.count)} 件のノードグループまたはノードが最新の AMI リリースから ${s(p.max)} 日を超えて遅れているか、リリースが不明です`,
  },
  'nodes.failed.fix': {
    en: () =>
      'Run kinko nodes pin and kinko synth, deploy, then replace the nodes as docs/nodes.md describes (kinko drain moves the pods).',
    ja: () =>
      'kinko nodes pin と kinko synth を実行してデプロイし、docs/ja/nodes.md の手順でノードを入れ替えてください（Pod の移動には kinko drain を使います）。',
  },

  'nodes.failed.unknown.fix': {
    en: () =>
      'Each UNKNOWN line gives its cause. A missing SSM parameter means SSM publishes no EKS-optimized AMI for that Kubernetes version and AMI type in the region: check the version and AMI type of the node group, and, against an emulator, that its SSM holds the parameters. Fix the cause, then run kinko nodes status again.',
    ja: () =>
      '「不明」の各行に原因が書かれています。SSM パラメーターが見つからない場合、そのリージョンではその Kubernetes バージョンと AMI タイプの EKS 最適化 AMI が公開されていません。ノードグループのバージョンと AMI タイプを確認し、エミュレーターを使っているならその SSM にパラメーターがあるかを確認してください。原因を直してから kinko nodes status を再実行してください。',
  },
  'nodes.failed.unknownToo': {
    en: (p) =>
      Number(p.count) === 1
        ? '1 of them has an unknown release; its line gives the cause'
        : `${s(p.count)} of them have an unknown release; their lines give the cause`,
    ja: (p) => `そのうち ${s(p.count)} 件はリリースが不明です。原因は各行に書かれています`,
  },
  'nodes.failed.unknownToo.fix': {
    en: () =>
      'kinko nodes pin cannot help these entries; fix the cause named on each UNKNOWN line first.',
    ja: () =>
      'これらは kinko nodes pin では解決しません。先に「不明」の各行に示された原因を取り除いてください。',
  },
  'nodes.failed.lagging': {
    en: (p) =>
      Number(p.count) === 1
        ? '1 of them lags the latest release'
        : `${s(p.count)} of them lag the latest release`,
    ja: (p) => `そのうち ${s(p.count)} 件は最新リリースから遅れています`,
  },
  'nodes.failed.lagging.fix': {
    en: () =>
      'Run kinko nodes pin and kinko synth, deploy, then replace the nodes as docs/nodes.md describes (kinko drain moves the pods).',
    ja: () =>
      'kinko nodes pin と kinko synth を実行してデプロイし、docs/ja/nodes.md の手順でノードを入れ替えてください（Pod の移動には kinko drain を使います）。',
  },

  'nodes.reason.parameterMissing': {
    en: (p) =>
      `SSM parameter ${s(p.parameter)} was not found in ${s(p.region)}; EKS may not support this Kubernetes version and AMI type there`,
    ja: (p) =>
      `SSM パラメーター ${s(p.parameter)} が ${s(p.region)} に見つかりません。このリージョンでは、この Kubernetes バージョンと AMI タイプの組み合わせを EKS がサポートしていない可能性があります`,
  },
  'nodes.reason.amiTypeUnchecked': {
    en: (p) =>
      `AMI type ${s(p.amiType)} has no EKS-optimized Amazon Linux release in SSM that Kinko can compare (Bottlerocket, Windows and CUSTOM are not checked)`,
    ja: (p) =>
      `AMI タイプ ${s(p.amiType)} には、Kinko が比較できる EKS 最適化 Amazon Linux のリリースが SSM にありません（Bottlerocket、Windows、CUSTOM は確認対象外です）`,
  },
  'nodes.reason.nodegroupIncomplete': {
    en: (p) =>
      `EKS DescribeNodegroup returned no releaseVersion, version or amiType for node group ${s(p.nodegroup)}`,
    ja: (p) =>
      `EKS の DescribeNodegroup がノードグループ ${s(p.nodegroup)} の releaseVersion、version、amiType のいずれかを返しませんでした`,
  },
  'nodes.reason.noImageLabel': {
    en: (p) =>
      `node ${s(p.node)} has no ${s(p.label)} label, so its AMI is unknown (nodes outside EKS managed node groups lack it)`,
    ja: (p) =>
      `ノード ${s(p.node)} に ${s(p.label)} ラベルがないため、AMI がわかりません（EKS マネージドノードグループ以外のノードにはこのラベルがありません）`,
  },
  'nodes.reason.nodeUnidentified': {
    en: (p) =>
      `the Kubernetes version or the AMI type of node ${s(p.node)} could not be determined from its kubelet version, labels and node group`,
    ja: (p) =>
      `ノード ${s(p.node)} の Kubernetes バージョンまたは AMI タイプを、kubelet のバージョン、ラベル、ノードグループのいずれからも判断できません`,
  },
  'nodes.reason.imageNotListed': {
    en: (p) =>
      `AMI ${s(p.image)} is not the latest ${s(p.amiType)} AMI for Kubernetes ${s(p.version)} in ${s(p.region)}, and SSM lists no release with that AMI id`,
    ja: (p) =>
      `AMI ${s(p.image)} は ${s(p.region)} における Kubernetes ${s(p.version)} 用 ${s(p.amiType)} の最新 AMI ではなく、この AMI ID を持つリリースも SSM にありません`,
  },

  'nodes.ssm.failed': {
    en: (p) => `reading SSM parameter ${s(p.parameter)} in ${s(p.region)} failed: ${s(p.reason)}`,
    ja: (p) =>
      `${s(p.region)} の SSM パラメーター ${s(p.parameter)} を読み取れませんでした: ${s(p.reason)}`,
  },
  'nodes.ssm.failed.fix': {
    en: () =>
      'Check the network path to SSM (or --endpoint-url), the credentials, and that they allow ssm:GetParameters and ssm:GetParametersByPath.',
    ja: () =>
      'SSM（または --endpoint-url）への経路と認証情報、そして ssm:GetParameters と ssm:GetParametersByPath が許可されているかを確認してください。',
  },
  'nodes.eks.clusterNotFound': {
    en: (p) => `EKS cluster ${s(p.cluster)} was not found in ${s(p.region)}: ${s(p.reason)}`,
    ja: (p) => `EKS クラスター ${s(p.cluster)} が ${s(p.region)} に見つかりません: ${s(p.reason)}`,
  },
  'nodes.eks.clusterNotFound.fix': {
    en: () =>
      'Check --cluster, --dr and the region in platform.yaml; the cluster must be deployed before its nodes can be checked.',
    ja: () =>
      '--cluster、--dr、platform.yaml のリージョンを確認してください。ノードを確認できるのは、クラスターをデプロイした後です。',
  },
  'nodes.eks.badResponse': {
    en: (p) =>
      `EKS request ${s(p.request)} for cluster ${s(p.cluster)} in ${s(p.region)} to ${s(p.endpoint)} returned HTTP ${s(p.status)} with a body that is not an EKS API response: ${s(p.reason)}`,
    ja: (p) =>
      `${s(p.region)} のクラスター ${s(p.cluster)} について ${s(p.endpoint)} に送った EKS の ${s(p.request)} リクエストが HTTP ${s(p.status)} を返し、その本文は EKS API の応答ではありませんでした: ${s(p.reason)}`,
  },
  'nodes.eks.badResponse.fix': {
    en: () =>
      'Check that --endpoint-url (or KINKO_AWS_ENDPOINT_URL) points at an EKS API, and that the cluster exists there; an emulator may return an HTML error page for an unknown cluster.',
    ja: () =>
      '--endpoint-url（または KINKO_AWS_ENDPOINT_URL）が EKS API を指しているか、そこにクラスターがあるかを確認してください。エミュレーターは、存在しないクラスターに HTML のエラーページを返すことがあります。',
  },
  'nodes.ssm.badResponse': {
    en: (p) =>
      `SSM request ${s(p.request)} for ${s(p.parameter)} in ${s(p.region)} to ${s(p.endpoint)} returned HTTP ${s(p.status)} with a body that is not an SSM API response: ${s(p.reason)}`,
    ja: (p) =>
      `${s(p.region)} の ${s(p.parameter)} について ${s(p.endpoint)} に送った SSM の ${s(p.request)} リクエストが HTTP ${s(p.status)} を返し、その本文は SSM API の応答ではありませんでした: ${s(p.reason)}`,
  },
  'nodes.ssm.badResponse.fix': {
    en: () => 'Check that --endpoint-url (or KINKO_AWS_ENDPOINT_URL) points at an SSM API.',
    ja: () =>
      '--endpoint-url（または KINKO_AWS_ENDPOINT_URL）が SSM API を指しているかを確認してください。',
  },
  'nodes.eks.failed': {
    en: (p) =>
      `listing the node groups of EKS cluster ${s(p.cluster)} in ${s(p.region)} failed: ${s(p.reason)}`,
    ja: (p) =>
      `${s(p.region)} の EKS クラスター ${s(p.cluster)} のノードグループを一覧できませんでした: ${s(p.reason)}`,
  },
  'nodes.eks.failed.fix': {
    en: () =>
      'Check the network path to EKS (or --endpoint-url), the credentials, and that they allow eks:ListNodegroups and eks:DescribeNodegroup.',
    ja: () =>
      'EKS（または --endpoint-url）への経路と認証情報、そして eks:ListNodegroups と eks:DescribeNodegroup が許可されているかを確認してください。',
  },
  'nodes.kube.failed': {
    en: (p) => `listing the nodes from the Kubernetes API at ${s(p.server)} failed: ${s(p.reason)}`,
    ja: (p) => `Kubernetes API（${s(p.server)}）からノードを一覧できませんでした: ${s(p.reason)}`,
  },
  'nodes.kube.failed.fix': {
    en: () =>
      'Check --kubeconfig and --context, and that the user may list nodes; --no-kube checks the node groups alone.',
    ja: () =>
      '--kubeconfig と --context、そしてそのユーザーがノードを一覧できるかを確認してください。--no-kube を付けるとノードグループだけを確認します。',
  },
  'nodes.needsCluster': {
    en: (p) =>
      `platform.yaml declares several clusters (${s(p.clusters)}), so --cluster is required`,
    ja: (p) =>
      `platform.yaml にはクラスターが複数あるため（${s(p.clusters)}）、--cluster の指定が必要です`,
  },
  'nodes.needsCluster.fix': {
    en: (p) => `Pass --cluster with one of: ${s(p.clusters)}.`,
    ja: (p) => `--cluster に次のどれかを指定してください: ${s(p.clusters)}`,
  },
  'nodes.unknownCluster': {
    en: (p) =>
      `--cluster is "${s(p.value)}", which names no cluster of platform.yaml; its clusters are ${s(p.clusters)}`,
    ja: (p) =>
      `--cluster の「${s(p.value)}」は platform.yaml のクラスターではありません。クラスターは ${s(p.clusters)} です`,
  },
  'nodes.unknownCluster.fix': {
    en: (p) => `Pass --cluster with one of: ${s(p.clusters)}.`,
    ja: (p) => `--cluster に次のどれかを指定してください: ${s(p.clusters)}`,
  },
  'nodes.noDrCluster': {
    en: (p) =>
      `cluster ${s(p.cluster)} has no copy in a DR region: platform.yaml declares no DR region, or the DR region copies another cluster`,
    ja: (p) =>
      `クラスター ${s(p.cluster)} には DR リージョンの複製がありません。platform.yaml に DR リージョンがないか、DR リージョンは別のクラスターを複製しています`,
  },
  'nodes.noDrCluster.fix': {
    en: (p) =>
      `Drop --dr to check cluster ${s(p.cluster)} in the primary region${s(p.drCluster) === '' ? '' : `, or pass --cluster ${s(p.drCluster)} --dr for the cluster that has a DR copy`}.`,
    ja: (p) =>
      `プライマリーリージョンのクラスター ${s(p.cluster)} を確認するなら --dr を外してください。${s(p.drCluster) === '' ? '' : `DR リージョンの複製を確認するなら --cluster ${s(p.drCluster)} --dr を指定してください。`}`,
  },
  'nodes.record.problems': {
    en: (p) => `${s(p.file)} is not a valid release record (${s(p.count)} problems)`,
    ja: (p) => `${s(p.file)} はリリースの記録として正しくありません（問題 ${s(p.count)} 件）`,
  },
  'nodes.record.unknownKey': {
    en: (p) =>
      `${s(p.file)}: ${whereEn(p)} has unknown keys ${s(p.keys)}; the file has only releases, and each entry has region, kubernetesVersion, amiType, releaseVersion, parameter and lookedUpAt`,
    ja: (p) =>
      `${s(p.file)}: ${whereJa(p)}に未知のキー ${s(p.keys)} があります。ファイルに置けるのは releases だけで、各エントリーのキーは region、kubernetesVersion、amiType、releaseVersion、parameter、lookedUpAt です`,
  },
  'nodes.record.unknownKey.fix': RECORD_FIX,
  'nodes.record.missing': {
    en: (p) => `${s(p.file)}: ${whereEn(p)} is required`,
    ja: (p) => `${s(p.file)}: ${whereJa(p)}がありません`,
  },
  'nodes.record.missing.fix': RECORD_FIX,
  'nodes.record.wrongType': {
    en: (p) =>
      `${s(p.file)}: ${whereEn(p)} must be ${/^[aeiou]/.test(s(p.expected)) ? 'an' : 'a'} ${s(p.expected)}${s(p.path) === '' ? ' with a releases list' : ''}`,
    ja: (p) =>
      `${s(p.file)}: ${whereJa(p)}は${s(p.path) === '' ? ' releases を持つ' : ''}${s(p.expectedJa)}でなければなりません`,
  },
  'nodes.record.wrongType.fix': RECORD_FIX,
  'nodes.record.badValue': {
    en: (p) => `${s(p.file)}: ${whereEn(p)} is ${s(p.value)}, which is not ${s(p.expected)}`,
    ja: (p) => `${s(p.file)}: ${whereJa(p)}の値 ${s(p.value)} は${s(p.expectedJa)}ではありません`,
  },
  'nodes.record.badValue.fix': RECORD_FIX,
  'nodes.record.duplicate': {
    en: (p) =>
      `${s(p.file)}: ${s(p.path)} repeats ${s(p.first)}: both are for ${s(p.region)}, Kubernetes ${s(p.version)}, ${s(p.amiType)}, so it is unclear which release applies`,
    ja: (p) =>
      `${s(p.file)}: ${s(p.path)} は ${s(p.first)} と同じ ${s(p.region)}、Kubernetes ${s(p.version)}、${s(p.amiType)} のエントリーです。どちらのリリースを使うか決められません`,
  },
  'nodes.record.duplicate.fix': {
    en: () =>
      'Keep one entry per region, Kubernetes version and AMI type (a merge of two pin runs can leave both), or run kinko nodes pin to write the file again.',
    ja: () =>
      'リージョン・Kubernetes バージョン・AMI タイプごとにエントリーを 1 つだけ残すか（2 回の pin の結果をマージすると両方残ることがあります）、kinko nodes pin を実行して書き直してください。',
  },
  'nodes.record.parameter': {
    en: (p) =>
      `${s(p.file)}: ${s(p.path)} is "${s(p.value)}", not the public EKS-optimized AMI parameter of its entry, ${s(p.expected)}`,
    ja: (p) =>
      `${s(p.file)}: ${s(p.path)} の「${s(p.value)}」は、このエントリーの EKS 最適化 AMI の公開パラメーター ${s(p.expected)} ではありません`,
  },
  'nodes.record.parameter.fix': {
    en: () =>
      'Kinko pins only releases read from the public EKS parameters; run kinko nodes pin to write the file again, or set the parameter named.',
    ja: () =>
      'Kinko が固定するのは EKS の公開パラメーターから読んだリリースだけです。kinko nodes pin を実行して書き直すか、示されたパラメーターを設定してください。',
  },
  'nodes.record.amiType': {
    en: (p) =>
      `${s(p.file)}: ${s(p.path)} is "${s(p.value)}", which has no EKS-optimized Amazon Linux AMI parameter that Kinko can pin`,
    ja: (p) =>
      `${s(p.file)}: ${s(p.path)} の「${s(p.value)}」には、Kinko が固定できる EKS 最適化 Amazon Linux AMI のパラメーターがありません`,
  },
  'nodes.record.amiType.fix': RECORD_FIX,
  'nodes.record.invalid': {
    en: (p) => `${s(p.file)} is not a valid release record: ${s(p.reason)}`,
    ja: (p) => `${s(p.file)} はリリースの記録として正しくありません: ${s(p.reason)}`,
  },
  'nodes.record.invalid.fix': RECORD_FIX,
  'nodes.release.invalid': {
    en: (p) =>
      `release "${s(p.value)}" from ${s(p.source)} is not in the form MAJOR.MINOR.PATCH-YYYYMMDD (for example 1.33.5-20251120)`,
    ja: (p) =>
      `${s(p.source)} のリリース「${s(p.value)}」が MAJOR.MINOR.PATCH-YYYYMMDD の形式（例: 1.33.5-20251120）ではありません`,
  },
  'nodes.release.badDate': {
    en: (p) => `release "${s(p.value)}" from ${s(p.source)} has a release date that does not exist`,
    ja: (p) => `${s(p.source)} のリリース「${s(p.value)}」のリリース日は存在しない日付です`,
  },
  'nodes.release.badDate.fix': {
    en: () =>
      'Run kinko nodes pin to write node-releases.json again, or correct the date (YYYYMMDD) by hand.',
    ja: () =>
      'kinko nodes pin を実行して node-releases.json を書き直すか、日付（YYYYMMDD）を手で修正してください。',
  },
  'nodes.release.versionMismatch': {
    en: (p) =>
      `release "${s(p.value)}" from ${s(p.source)} is for Kubernetes ${s(p.actual)}, not ${s(p.expected)}; EKS rejects it for a ${s(p.expected)} node group`,
    ja: (p) =>
      `${s(p.source)} のリリース「${s(p.value)}」は Kubernetes ${s(p.actual)} 用で、${s(p.expected)} 用ではありません。EKS は ${s(p.expected)} のノードグループにこのリリースを受け付けません`,
  },
  'nodes.release.versionMismatch.fix': {
    en: () =>
      'Run kinko nodes pin to read the release of the right Kubernetes version, or correct the entry by hand.',
    ja: () =>
      'kinko nodes pin を実行して正しい Kubernetes バージョンのリリースを読み直すか、エントリーを手で修正してください。',
  },
  'nodes.release.invalid.fix': {
    en: () =>
      'Run kinko nodes pin to write node-releases.json again, or correct the value by hand.',
    ja: () =>
      'kinko nodes pin を実行して node-releases.json を書き直すか、値を手で修正してください。',
  },

  'nodes.pin.failed': {
    en: (p) =>
      `the latest release for Kubernetes ${s(p.kubernetesVersion)}, AMI type ${s(p.amiType)} in ${s(p.region)} could not be read; node-releases.json was not changed`,
    ja: (p) =>
      `${s(p.region)} の Kubernetes ${s(p.kubernetesVersion)}、AMI タイプ ${s(p.amiType)} の最新リリースを読み取れませんでした。node-releases.json は変更していません`,
  },
  'nodes.pin.added': {
    en: (p) => `${s(p.region)} Kubernetes ${s(p.version)} ${s(p.amiType)}: pinned to ${s(p.new)}`,
    ja: (p) => `${s(p.region)} Kubernetes ${s(p.version)} ${s(p.amiType)}: ${s(p.new)} に固定`,
  },
  'nodes.pin.changed': {
    en: (p) =>
      `${s(p.region)} Kubernetes ${s(p.version)} ${s(p.amiType)}: ${s(p.old)} → ${s(p.new)}`,
    ja: (p) =>
      `${s(p.region)} Kubernetes ${s(p.version)} ${s(p.amiType)}: ${s(p.old)} から ${s(p.new)} に変更`,
  },
  'nodes.pin.unchanged': {
    en: (p) => `${s(p.region)} Kubernetes ${s(p.version)} ${s(p.amiType)}: ${s(p.new)}, unchanged`,
    ja: (p) => `${s(p.region)} Kubernetes ${s(p.version)} ${s(p.amiType)}: ${s(p.new)}（変更なし）`,
  },
  'nodes.pin.written': {
    en: (p) =>
      `wrote ${s(p.count)} ${Number(p.count) === 1 ? 'release' : 'releases'} to ${s(p.file)}; run kinko synth to pin the node groups`,
    ja: (p) =>
      `${s(p.file)} に ${s(p.count)} 件のリリースを書き込みました。kinko synth を実行するとノードグループに反映されます`,
  },
  'nodes.pin.notWritten': {
    en: (p) =>
      `dry run: ${s(p.file)} was not written (${s(p.count)} ${Number(p.count) === 1 ? 'release' : 'releases'})`,
    ja: (p) => `ドライラン: ${s(p.file)} は書き込んでいません（${s(p.count)} 件のリリース）`,
  },

  'nodes.synth.notPinned': {
    en: (p) =>
      `Node group ${s(p.nodegroup)} of cluster ${s(p.cluster)} (${s(p.region)}, Kubernetes ${s(p.version)}, ${s(p.amiType)}) is not pinned to an AMI release because ${s(p.file)} records none for it, so EKS starts it on whatever release is latest at creation. Run kinko nodes pin, then kinko synth.`,
    ja: (p) =>
      `クラスター ${s(p.cluster)} のノードグループ ${s(p.nodegroup)}（${s(p.region)}、Kubernetes ${s(p.version)}、${s(p.amiType)}）は AMI リリースを固定していません。${s(p.file)} に該当する記録がないため、EKS は作成時点の最新リリースで起動します。kinko nodes pin を実行してから kinko synth を実行してください。`,
  },
};

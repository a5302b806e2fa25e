/** Messages of `kinko nodes status` and `kinko nodes pin`, and of node release pinning at synth. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

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
      `AMI releases of cluster ${s(p.cluster)} (${s(p.region)}); allowed lag: ${s(p.max)} days`,
    ja: (p) =>
      `クラスター ${s(p.cluster)}（${s(p.region)}）の AMI リリース。許容する遅れ: ${s(p.max)} 日`,
  },
  'nodes.report.current': {
    en: (p) => `  current  ${s(p.subject)}: ${s(p.current)} (latest ${s(p.latest)})`,
    ja: (p) => `  最新     ${s(p.subject)}: ${s(p.current)}（最新 ${s(p.latest)}）`,
  },
  'nodes.report.lagging': {
    en: (p) =>
      `  LAGGING  ${s(p.subject)}: ${s(p.current)}, latest ${s(p.latest)}, ${s(p.days)} days behind`,
    ja: (p) =>
      `  遅れ     ${s(p.subject)}: ${s(p.current)}、最新は ${s(p.latest)}、${s(p.days)} 日遅れ`,
  },
  'nodes.report.laggingAllowed': {
    en: (p) =>
      `  lagging  ${s(p.subject)}: ${s(p.current)}, latest ${s(p.latest)}, ${s(p.days)} days behind (within the allowed lag)`,
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
      `${s(p.count)} node groups or nodes lag the latest AMI release by more than ${s(p.max)} days, or their release is unknown`,
    ja: (p) =>
      `${s(p.count)} 件のノードグループまたはノードが最新の AMI リリースから ${s(p.max)} 日を超えて遅れているか、リリースが不明です`,
  },
  'nodes.failed.fix': {
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
    en: () => 'Pass --cluster with one of the keys listed.',
    ja: () => '一覧にあるキーのどれかを --cluster に指定してください。',
  },
  'nodes.unknownCluster': {
    en: (p) =>
      `--cluster is "${s(p.value)}", which names no cluster of platform.yaml; its clusters are ${s(p.clusters)}`,
    ja: (p) =>
      `--cluster の「${s(p.value)}」は platform.yaml のクラスターではありません。クラスターは ${s(p.clusters)} です`,
  },
  'nodes.unknownCluster.fix': {
    en: () => 'Pass --cluster with one of the keys listed.',
    ja: () => '一覧にあるキーのどれかを --cluster に指定してください。',
  },
  'nodes.noDrCluster': {
    en: (p) =>
      `cluster ${s(p.cluster)} has no copy in a DR region: platform.yaml declares no DR region, or the DR region copies another cluster`,
    ja: (p) =>
      `クラスター ${s(p.cluster)} には DR リージョンの複製がありません。platform.yaml に DR リージョンがないか、DR リージョンは別のクラスターを複製しています`,
  },
  'nodes.record.invalid': {
    en: (p) => `${s(p.file)} is not a valid release record: ${s(p.reason)}`,
    ja: (p) => `${s(p.file)} はリリースの記録として正しくありません: ${s(p.reason)}`,
  },
  'nodes.record.invalid.fix': {
    en: () => 'Run kinko nodes pin to write the file again, or fix the field named.',
    ja: () => 'kinko nodes pin を実行して書き直すか、示されたフィールドを修正してください。',
  },
  'nodes.release.invalid': {
    en: (p) =>
      `release "${s(p.value)}" from ${s(p.source)} is not in the form MAJOR.MINOR.PATCH-YYYYMMDD (for example 1.33.5-20251120)`,
    ja: (p) =>
      `${s(p.source)} のリリース「${s(p.value)}」が MAJOR.MINOR.PATCH-YYYYMMDD の形式（例: 1.33.5-20251120）ではありません`,
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
      `wrote ${s(p.count)} releases to ${s(p.file)}; run kinko synth to pin the node groups`,
    ja: (p) =>
      `${s(p.file)} に ${s(p.count)} 件のリリースを書き込みました。kinko synth を実行するとノードグループに反映されます`,
  },
  'nodes.pin.notWritten': {
    en: (p) => `dry run: ${s(p.file)} was not written (${s(p.count)} releases)`,
    ja: (p) => `ドライラン: ${s(p.file)} は書き込んでいません（${s(p.count)} 件のリリース）`,
  },

  'nodes.synth.notPinned': {
    en: (p) =>
      `Node group ${s(p.nodegroup)} of cluster ${s(p.cluster)} (${s(p.region)}, Kubernetes ${s(p.version)}, ${s(p.amiType)}) is not pinned to an AMI release because ${s(p.file)} records none for it, so EKS starts it on whatever release is latest at creation. Run kinko nodes pin, then kinko synth.`,
    ja: (p) =>
      `クラスター ${s(p.cluster)} のノードグループ ${s(p.nodegroup)}（${s(p.region)}、Kubernetes ${s(p.version)}、${s(p.amiType)}）は AMI リリースを固定していません。${s(p.file)} に該当する記録がないため、EKS は作成時点の最新リリースで起動します。kinko nodes pin を実行してから kinko synth を実行してください。`,
  },
};

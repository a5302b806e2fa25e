/**
 * Messages about platform.yaml. Each problem id has a `.fix` companion that says what to change.
 * `{path}` is the YAML path, for example `systems[1].apps[0].replicas`.
 */
import type { MessageTable } from '../catalog.js';
import { spaceLatin } from './config-formats.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const CONFIG_MESSAGES: MessageTable = {
  'config.file.notFound': {
    en: (p) => `configuration file not found: ${s(p.file)}`,
    ja: (p) => `設定ファイルが見つかりません: ${s(p.file)}`,
  },
  'config.file.notFound.fix': {
    en: () => 'pass the file with --config, or run from the folder that holds platform.yaml.',
    ja: () => '--config でファイルを指定するか、platform.yaml があるフォルダーで実行してください。',
  },
  'config.file.unreadable': {
    en: (p) => `cannot read ${s(p.file)}: ${s(p.reason)}`,
    ja: (p) => `${s(p.file)} を読み込めません: ${s(p.reason)}`,
  },
  'config.file.unreadable.fix': {
    en: () => 'check the path and the file permissions.',
    ja: () => 'パスとファイルの権限を確認してください。',
  },
  'config.yaml.syntax': {
    en: (p) => `invalid YAML: ${s(p.reason)}`,
    ja: (p) => `YAML の構文が正しくありません: ${s(p.reason)}`,
  },
  'config.yaml.syntax.fix': {
    en: () => 'correct the YAML at the line shown (indentation, quotes, a missing colon).',
    ja: () => '示した行の YAML を修正してください（インデント、引用符、コロンの抜けなど）。',
  },
  'config.yaml.notMapping': {
    en: () => 'the document is not a mapping of platform settings.',
    ja: () => 'ドキュメントがプラットフォーム設定のマッピングになっていません。',
  },
  'config.yaml.notMapping.fix': {
    en: () =>
      'start from examples/platform.yaml; the top level holds keys such as name, account and systems.',
    ja: () =>
      'examples/platform.yaml を元に書いてください。最上位には name、account、systems などのキーを置きます。',
  },
  'config.invalid.summary': {
    en: (p) =>
      `${s(p.file)}: ${s(p.count)} ${Number(p.count) === 1 ? 'problem' : 'problems'} in the platform configuration.`,
    ja: (p) => `${s(p.file)}: プラットフォーム設定に ${s(p.count)} 件の問題があります。`,
  },
  'config.missing': {
    en: (p) => `${s(p.path)} is required.`,
    ja: (p) => `${s(p.path)} は必須です。`,
  },
  'config.missing.fix': {
    en: (p) => `add ${s(p.key)}; docs/platform-yaml.md describes every field.`,
    ja: (p) =>
      `${s(p.key)} を追加してください。各フィールドは docs/ja/platform-yaml.md で説明しています。`,
  },
  'config.type': {
    en: (p) => `${s(p.path)}: expected ${s(p.expected)}, got ${s(p.value)}.`,
    ja: (p) =>
      `${s(p.path)}: ${s(p.expectedJa ?? p.expected)}を指定してください（実際の値: ${s(p.value)}）。`,
  },
  'config.type.fix': {
    en: (p) => `write a value of type ${s(p.expected)}.`,
    ja: (p) => `${s(p.expectedJa ?? p.expected)}の値を書いてください。`,
  },
  'config.type.seconds': {
    en: (p) =>
      `${s(p.path)}: ${s(p.value)} is a string, but the Kubernetes API takes an integer number of seconds and rejects a manifest with "180s".`,
    ja: (p) =>
      `${s(p.path)}: ${s(p.value)} は文字列です。Kubernetes API は秒数を整数で受け取り、"180s" のような値を含むマニフェストは拒否されます。`,
  },
  'config.type.seconds.fix': {
    en: (p) => `write the number alone: ${s(p.suggestion)}.`,
    ja: (p) => `数値だけを書いてください: ${s(p.suggestion)}`,
  },
  'config.unknownKey': {
    en: (p) => `${s(p.path)}: unknown key "${s(p.key)}".`,
    ja: (p) => `${s(p.path)}: 不明なキー "${s(p.key)}" があります。`,
  },
  'config.unknownKey.fix': {
    en: (p) =>
      p.suggestion
        ? `did you mean "${s(p.suggestion)}"? Valid keys here: ${s(p.known)}.`
        : `remove it; valid keys here: ${s(p.known)}.`,
    ja: (p) =>
      p.suggestion
        ? `"${s(p.suggestion)}" の誤りではありませんか。ここで使えるキー: ${s(p.known)}`
        : `このキーを削除してください。ここで使えるキー: ${s(p.known)}`,
  },
  'config.tooSmall': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is below the minimum of ${s(p.minimum)}.`,
    ja: (p) =>
      `${s(p.path)}: ${spaceLatin(s(p.valueJa ?? p.value)).trimStart()}は下限の${spaceLatin(s(p.minimumJa ?? p.minimum))}を下回っています。`,
  },
  'config.tooSmall.fix': {
    en: (p) => `use ${s(p.minimum)} or more.`,
    ja: (p) => `${spaceLatin(s(p.minimumJa ?? p.minimum)).trimStart()}以上にしてください。`,
  },
  'config.tooBig': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is above the maximum of ${s(p.maximum)}.`,
    ja: (p) =>
      `${s(p.path)}: ${spaceLatin(s(p.valueJa ?? p.value)).trimStart()}は上限の${spaceLatin(s(p.maximumJa ?? p.maximum))}を超えています。`,
  },
  'config.tooBig.fix': {
    en: (p) => `use ${s(p.maximum)} or less.`,
    ja: (p) => `${spaceLatin(s(p.maximumJa ?? p.maximum)).trimStart()}以下にしてください。`,
  },
  'config.enum': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is not one of ${s(p.values)}.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} は使えません。指定できる値: ${s(p.values)}`,
  },
  'config.enum.fix': {
    en: (p) => `choose one of ${s(p.values)}.`,
    ja: (p) => `${s(p.values)} のいずれかを指定してください。`,
  },
  'config.duplicate': {
    en: (p) => `${s(p.path)}: ${s(p.what)} "${s(p.value)}" is already used at ${s(p.first)}.`,
    ja: (p) =>
      `${s(p.path)}: ${s(p.whatJa)} "${s(p.value)}" は ${s(p.first)} で既に使われています。`,
  },
  'config.duplicate.fix': {
    en: (p) => `give each ${s(p.what)} a unique value.`,
    ja: (p) => `${spaceLatin(s(p.whatJa)).trimStart()}には重複しない値を付けてください。`,
  },
  'config.namespace.reserved': {
    en: (p) => `${s(p.path)}: namespace "${s(p.value)}" is reserved for ${s(p.owner)}.`,
    ja: (p) => `${s(p.path)}: Namespace "${s(p.value)}" は ${s(p.owner)} 用に予約されています。`,
  },
  'config.namespace.reserved.fix': {
    en: () => "choose a namespace of the system's own, such as its name.",
    ja: () => 'システム名など、そのシステム専用の Namespace を指定してください。',
  },
  'config.timing.grace': {
    en: (p) =>
      `${s(p.path)}: terminationGracePeriodSeconds ${s(p.grace)} s is not longer than the preStop sleep of ${s(p.sleep)} s, so the kubelet would kill the container before the sleep ends.`,
    ja: (p) =>
      `${s(p.path)}: terminationGracePeriodSeconds の ${s(p.grace)} 秒が preStop の sleep ${s(p.sleep)} 秒以下です。sleep が終わる前に kubelet がコンテナを強制終了します。`,
  },
  'config.timing.grace.fix': {
    en: (p) =>
      `set terminationGracePeriodSeconds above ${s(p.sleep)} with room for the longest request, for example ${s(p.suggestion)}.`,
    ja: (p) =>
      `terminationGracePeriodSeconds を ${s(p.sleep)} より大きく、最も長いリクエストが終わる余裕を持たせた値にしてください（例: ${s(p.suggestion)}）。`,
  },
  'config.replicas.single': {
    en: (p) =>
      `${s(p.path)}: replicas ${s(p.value)} leaves no replica serving while a node is drained or a zone fails.`,
    ja: (p) =>
      `${s(p.path)}: replicas が ${s(p.value)} だと、ノードのドレイン中やゾーン障害時に応答できるレプリカがなくなります。`,
  },
  'config.replicas.single.fix': {
    en: (p) =>
      `set replicas to 2 or more, or declare an exception with control "${s(p.control)}", target "${s(p.target)}" and a reason.`,
    ja: (p) =>
      `replicas を 2 以上にするか、control "${s(p.control)}"、target "${s(p.target)}" と理由を書いた例外を宣言してください。`,
  },
  'config.publicEndpoint.noException': {
    en: (p) =>
      `${s(p.path)}: a public API endpoint is a loosening of the private-only default and needs a declared exception.`,
    ja: (p) =>
      `${s(p.path)}: API エンドポイントの公開は、プライベートのみという既定値を緩める設定なので、例外の宣言が必要です。`,
  },
  'config.publicEndpoint.noException.fix': {
    en: (p) =>
      `add to exceptions: control "${s(p.control)}", target "${s(p.target)}", and the reason; or remove publicAccessCidrs.`,
    ja: (p) =>
      `exceptions に control "${s(p.control)}"、target "${s(p.target)}" と理由を追加するか、publicAccessCidrs を削除してください。`,
  },
  'config.publicEndpoint.openWorld': {
    en: (p) =>
      `${s(p.path)}: ${s(p.value)} opens the Kubernetes API endpoint to the whole internet.`,
    ja: (p) =>
      `${s(p.path)}: ${s(p.value)} は Kubernetes API エンドポイントをインターネット全体に公開します。`,
  },
  'config.publicEndpoint.openWorld.fix': {
    en: () => 'list only the CIDRs of your offices or bastion hosts, for example 203.0.113.0/24.',
    ja: () =>
      '社内ネットワークや踏み台ホストの CIDR だけを指定してください（例: 203.0.113.0/24）。',
  },
  'config.az.region': {
    en: (p) => `${s(p.path)}: Availability Zone ${s(p.value)} is not in region ${s(p.region)}.`,
    ja: (p) =>
      `${s(p.path)}: アベイラビリティーゾーン ${s(p.value)} はリージョン ${s(p.region)} のものではありません。`,
  },
  'config.az.region.fix': {
    en: (p) => `use zone names that start with ${s(p.region)}, for example ${s(p.region)}a.`,
    ja: (p) => `${s(p.region)} で始まるゾーン名を指定してください（例: ${s(p.region)}a）。`,
  },
  'config.name.tooLong': {
    en: (p) =>
      `${s(p.path)}: the derived ${s(p.what)} "${s(p.value)}" is ${s(p.length)} characters, above the limit of ${s(p.limit)}.`,
    ja: (p) =>
      `${s(p.path)}: この値から作る${spaceLatin(s(p.whatJa)).trimEnd()} "${s(p.value)}" は ${s(p.length)} 文字で、上限の ${s(p.limit)} 文字を超えます。`,
  },
  'config.name.tooLong.fix': {
    en: () => 'shorten the platform or system name.',
    ja: () => 'プラットフォーム名かシステム名を短くしてください。',
  },
  'config.image.latest': {
    en: (p) =>
      `${s(p.path)}: the tag "latest" moves, so the image that runs is not the one reviewed.`,
    ja: (p) =>
      `${s(p.path)}: タグ "latest" は指す先が変わるため、レビューしたイメージと実行されるイメージが一致しません。`,
  },
  'config.image.latest.fix': {
    en: () => 'use a release tag such as 1.4.2, or a digest (sha256:...).',
    ja: () => '1.4.2 のようなリリースタグか、ダイジェスト（sha256:...）を指定してください。',
  },
  'config.image.tagOrDigest': {
    en: (p) => `${s(p.path)}: give exactly one of tag and digest.`,
    ja: (p) => `${s(p.path)}: tag と digest はどちらか一方だけを指定してください。`,
  },
  'config.image.tagOrDigest.fix': {
    en: () => 'keep the digest if you have it: it pins the exact image.',
    ja: () => 'ダイジェストがあればそちらを残してください。イメージを厳密に固定できます。',
  },
  'config.resources.limit': {
    en: (p) =>
      `${s(p.path)}: the memory limit ${s(p.limit)} is below the memory request ${s(p.request)}.`,
    ja: (p) =>
      `${s(p.path)}: メモリの limit ${s(p.limit)} が request ${s(p.request)} を下回っています。`,
  },
  'config.resources.limit.fix': {
    en: () => 'set limits.memory equal to or above requests.memory.',
    ja: () => 'limits.memory は requests.memory 以上にしてください。',
  },
  'config.exception.unused': {
    en: (p) =>
      `${s(p.path)}: the exception for control "${s(p.control)}" on "${s(p.target)}" matches no setting.`,
    ja: (p) =>
      `${s(p.path)}: control "${s(p.control)}"、target "${s(p.target)}" の例外に該当する設定がありません。`,
  },
  'config.exception.unused.fix': {
    en: () => 'remove the stale exception so the controls report lists only loosenings in force.',
    ja: () =>
      '使われていない例外を削除してください。コントロールレポートには有効な例外だけを載せます。',
  },
  'config.type.quote': {
    en: (p) => `${s(p.path)}: expected text, but YAML read ${s(p.value)} as a number.`,
    ja: (p) =>
      `${s(p.path)}: 文字列が必要ですが、YAML は ${s(p.value)} を数値として読み込みました。`,
  },
  'config.type.quote.fix': {
    en: (p) => `put the value in quotes: "${s(p.raw)}".`,
    ja: (p) => `値を引用符で囲んでください: "${s(p.raw)}"`,
  },
  'config.blueGreen.previewImageWithRollout': {
    en: (p) =>
      `${s(p.path)}: an Argo Rollout makes its preview from a new image in the Rollout itself, so previewImage does not apply.`,
    ja: (p) =>
      `${s(p.path)}: Argo Rollout は Rollout 自体のイメージを変えるとプレビューを作るため、previewImage は使えません。`,
  },
  'config.blueGreen.previewImageWithRollout.fix': {
    en: () => 'remove previewImage, and change image to release a new revision.',
    ja: () => 'previewImage を削除し、新しいリビジョンは image を変えてリリースしてください。',
  },
  'config.image.missing': {
    en: (p) => `${s(p.path)}: the image has neither a tag nor a digest.`,
    ja: (p) => `${s(p.path)}: イメージにタグもダイジェストもありません。`,
  },
  'config.image.missing.fix': {
    en: () => 'add tag: with a release tag such as 1.4.2, or digest: with sha256:...',
    ja: () => 'tag に 1.4.2 のようなリリースタグを書くか、digest に sha256:... を書いてください。',
  },
  'config.yaml.multipleDocuments': {
    en: () => 'the file holds more than one YAML document (separated by ---).',
    ja: () => 'ファイルに YAML ドキュメントが複数あります（--- で区切られています）。',
  },
  'config.yaml.multipleDocuments.fix': {
    en: () => 'keep the whole platform in one document: remove the --- separators.',
    ja: () => 'プラットフォーム全体を 1 つのドキュメントにまとめ、--- の区切りを削除してください。',
  },
  'config.cidr.hostBits': {
    en: (p) =>
      `${s(p.path)}: ${s(p.value)} has host bits set; the network address of that block is ${s(p.network)}.`,
    ja: (p) =>
      `${s(p.path)}: ${s(p.value)} はホスト部が 0 ではありません。このブロックのネットワークアドレスは ${s(p.network)} です。`,
  },
  'config.cidr.hostBits.fix': {
    en: (p) =>
      `write the network address, ${s(p.network)}, so the address plan is exactly what you reviewed.`,
    ja: (p) =>
      `レビューしたアドレス計画のとおりになるよう、ネットワークアドレス ${s(p.network)} を書いてください。`,
  },
  'config.cidr.vpcPrefix': {
    en: (p) =>
      `${s(p.path)}: a /${s(p.prefix)} VPC is outside /16 to /22, the sizes Kinko can split into a public and a private subnet per zone.`,
    ja: (p) =>
      `${s(p.path)}: /${s(p.prefix)} の VPC は、Kinko がゾーンごとにパブリックとプライベートのサブネットに分けられる /16〜/22 の範囲外です。`,
  },
  'config.cidr.vpcPrefix.fix': {
    en: () => 'use a prefix length from 16 to 22, for example 10.0.0.0/16.',
    ja: () => 'プレフィックス長を 16〜22 にしてください（例: 10.0.0.0/16）。',
  },
  'config.instanceType.architecture': {
    en: (p) =>
      `${s(p.path)}: ${s(p.value)} is an ${s(p.architecture)} instance type, but amiType ${s(p.amiType)} is for the other architecture.`,
    ja: (p) =>
      `${s(p.path)}: ${s(p.value)} は ${s(p.architecture)} のインスタンスタイプですが、amiType の ${s(p.amiType)} は別のアーキテクチャ用です。`,
  },
  'config.instanceType.architecture.fix': {
    en: (p) =>
      `set amiType to ${s(p.suggestion)}, or keep the node group to instance types of one architecture.`,
    ja: (p) =>
      `amiType を ${s(p.suggestion)} にするか、ノードグループのインスタンスタイプを 1 つのアーキテクチャにそろえてください。`,
  },
  'config.mountPath.reserved': {
    en: (p) =>
      `${s(p.path)}: Kinko already mounts ${s(p.owner)} at ${s(p.value)} in every app container.`,
    ja: (p) =>
      `${s(p.path)}: ${s(p.value)} には、Kinko がすべてのアプリコンテナで${s(p.ownerJa)}をマウントしています。`,
  },
  'config.mountPath.reserved.fix': {
    en: () => 'choose another folder, for example /mnt/shared.',
    ja: () => '/mnt/shared など、別のフォルダーを指定してください。',
  },
  'config.namespace.platformReserved': {
    en: (p) =>
      `${s(p.path)}: the ${s(p.what)} namespace "${s(p.value)}" is reserved for ${s(p.owner)}.`,
    ja: (p) =>
      `${s(p.path)}: ${s(p.whatJa)}の Namespace "${s(p.value)}" は ${s(p.owner)} 用に予約されています。`,
  },
  'config.namespace.platformReserved.fix': {
    en: () => 'choose a namespace of its own, such as the default one.',
    ja: () => '既定値など、専用の Namespace を指定してください。',
  },
  'config.dr.sameRegion': {
    en: (p) => `${s(p.path)}: the DR region ${s(p.value)} is the primary region.`,
    ja: (p) => `${s(p.path)}: DR リージョン ${s(p.value)} がプライマリリージョンと同じです。`,
  },
  'config.dr.sameRegion.fix': {
    en: () => 'choose another region, for example ap-northeast-3 for a Tokyo primary.',
    ja: () => '別のリージョンを指定してください（例: 東京がプライマリなら ap-northeast-3）。',
  },
  'config.nodeGroup.sizes': {
    en: (p) =>
      `${s(p.path)}: sizes must satisfy minSize ≤ desiredSize ≤ maxSize, got ${s(p.min)} / ${s(p.desired)} / ${s(p.max)}.`,
    ja: (p) =>
      `${s(p.path)}: minSize ≤ desiredSize ≤ maxSize となるように指定してください（実際の値: ${s(p.min)} / ${s(p.desired)} / ${s(p.max)}）。`,
  },
  'config.nodeGroup.sizes.fix': {
    en: (p) =>
      `with ${s(p.zones)} Availability Zones, minSize ${s(p.zones)} keeps a node in every zone.`,
    ja: (p) =>
      `アベイラビリティーゾーンが ${s(p.zones)} つなら、minSize を ${s(p.zones)} にすると各ゾーンにノードが残ります。`,
  },
};

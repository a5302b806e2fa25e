/**
 * One-line descriptions of every platform.yaml field, keyed `field.<path>`. `kinko synth --help`
 * and docs/platform-yaml.md print them; a unit test checks that every schema field has one.
 */
import type { MessageTable } from '../catalog.js';

const FIELDS: Readonly<Record<string, readonly [en: string, ja: string]>> = {
  name: [
    'Platform name; prefixes stack, bucket, queue and role names.',
    'プラットフォーム名。スタック、バケット、キュー、ロールの名前の接頭辞になります。',
  ],
  account: [
    'AWS account id that owns the stacks and the ECR registry, in quotes.',
    'スタックと ECR レジストリを所有する AWS アカウント ID。引用符で囲んで書きます。',
  ],
  regions: ['Regions of the platform.', 'プラットフォームのリージョン。'],
  'regions.primary': ['Region the cluster runs in.', 'クラスターを動かすリージョン。'],
  'regions.primary.region': [
    'Region code, for example ap-northeast-1.',
    'リージョンコード（例: ap-northeast-1）。',
  ],
  'regions.primary.availabilityZones': [
    'Availability Zones for subnets and nodes; three or more (R2).',
    'サブネットとノードを置くアベイラビリティーゾーン。3 つ以上必要です（R2）。',
  ],
  'regions.dr': [
    'Disaster-recovery region (R1); declared now, used by the DR stacks.',
    '災害対策リージョン（R1）。ここで宣言し、DR 用スタックが使います。',
  ],
  'regions.dr.region': [
    'Region code, for example ap-northeast-3.',
    'リージョンコード（例: ap-northeast-3）。',
  ],
  'regions.dr.availabilityZones': [
    'Availability Zones of the DR region; three or more.',
    'DR リージョンのアベイラビリティーゾーン。3 つ以上必要です。',
  ],
  network: ['VPC settings.', 'VPC の設定。'],
  'network.vpcCidr': ['IPv4 CIDR of the VPC.', 'VPC の IPv4 CIDR。'],
  'network.natGateways': [
    'NAT gateways; defaults to one per Availability Zone so egress survives a zone failure.',
    'NAT ゲートウェイの数。既定はゾーンごとに 1 つで、ゾーン障害時も外向き通信を保ちます。',
  ],
  'network.flowLogRetentionDays': [
    'Days CloudWatch Logs keeps the VPC flow logs.',
    'VPC フローログを CloudWatch Logs に保持する日数。',
  ],
  clusters: [
    'EKS clusters; one, or two for cluster blue/green.',
    'EKS クラスター。1 つ、またはクラスター Blue/Green 用に 2 つ。',
  ],
  'clusters[].key': [
    'Short key of the cluster, for example main, blue or green.',
    'クラスターの短いキー（例: main、blue、green）。',
  ],
  'clusters[].name': [
    'EKS cluster name; defaults to <platform>-<key>.',
    'EKS クラスター名。既定は <platform>-<key>。',
  ],
  'clusters[].version': [
    'Kubernetes minor version, in quotes.',
    'Kubernetes のマイナーバージョン。引用符で囲みます。',
  ],
  'clusters[].publicAccessCidrs': [
    'CIDRs allowed to reach a public API endpoint; empty keeps the endpoint private. Needs a public-api-endpoint exception.',
    'パブリック API エンドポイントに接続できる CIDR。空ならプライベートのみ。指定には public-api-endpoint の例外が必要です。',
  ],
  'clusters[].eventRecordQPS': [
    'kubelet eventRecordQPS; 0 removes the limit so no event is dropped (S9).',
    'kubelet の eventRecordQPS。0 で上限をなくし、イベントを取りこぼしません（S9）。',
  ],
  'clusters[].nodeGroups': [
    'EC2 managed node groups, each over every Availability Zone.',
    'EC2 マネージドノードグループ。それぞれ全アベイラビリティーゾーンにまたがります。',
  ],
  'clusters[].nodeGroups[].name': ['Node group name.', 'ノードグループ名。'],
  'clusters[].nodeGroups[].instanceTypes': [
    'EC2 instance types; more than one gives room when a type runs short.',
    'EC2 インスタンスタイプ。複数指定すると、あるタイプが不足したときの余地になります。',
  ],
  'clusters[].nodeGroups[].minSize': ['Minimum node count.', '最小ノード数。'],
  'clusters[].nodeGroups[].desiredSize': ['Node count at creation.', '作成時のノード数。'],
  'clusters[].nodeGroups[].maxSize': ['Maximum node count.', '最大ノード数。'],
  'clusters[].nodeGroups[].diskSizeGiB': [
    'Encrypted gp3 root volume size in GiB.',
    '暗号化した gp3 ルートボリュームのサイズ（GiB）。',
  ],
  'clusters[].nodeGroups[].amiType': [
    'EKS-optimized Amazon Linux 2023 AMI type.',
    'EKS 最適化 Amazon Linux 2023 AMI の種類。',
  ],
  edge: [
    'Standalone ALB in front of every cluster, owned by neither (R4); required with two clusters.',
    'どのクラスターにも属さず、全クラスターの前に置く独立した ALB（R4）。クラスターが 2 つのときは必須です。',
  ],
  'edge.certificateArn': [
    'ACM certificate of the HTTPS listener in the primary region; it must cover every system host.',
    'プライマリリージョンの HTTPS リスナーに使う ACM 証明書。すべてのシステムのホスト名を含む必要があります。',
  ],
  'edge.drCertificateArn': [
    "ACM certificate of the DR region's ALB; required when regions.dr is declared.",
    'DR リージョンの ALB に使う ACM 証明書。regions.dr を宣言したときは必須です。',
  ],
  'edge.liveCluster': [
    'Cluster key that receives users when the edge stack is created; defaults to the first cluster.',
    'edge スタック作成時に利用者を受けるクラスターのキー。既定は先頭のクラスターです。',
  ],
  'edge.smokeTest': [
    'How a smoke test reaches a chosen cluster through the ALB before the switch.',
    '切り替え前のスモークテストが ALB 経由で特定のクラスターに届くための指定。',
  ],
  'edge.smokeTest.headerName': [
    'Request header whose value names the cluster to reach, for example x-kinko-smoke: green.',
    '値で到達先のクラスターを指定するリクエストヘッダー（例: x-kinko-smoke: green）。',
  ],
  'edge.smokeTest.cookieName': [
    'Cookie whose value names the cluster to reach, for example kinko-smoke=green.',
    '値で到達先のクラスターを指定する Cookie（例: kinko-smoke=green）。',
  ],
  'edge.hostedZone': [
    'Route 53 public hosted zone that contains the system hosts; the DR failover records go into it.',
    'システムのホスト名を含む Route 53 のパブリックホストゾーン。DR のフェイルオーバーレコードをここに作成します。',
  ],
  'edge.hostedZone.id': [
    'Hosted zone id, for example Z0123456789ABCDEFGHIJ.',
    'ホストゾーン ID（例: Z0123456789ABCDEFGHIJ）。',
  ],
  'edge.hostedZone.name': [
    'Domain name of the hosted zone, for example bank.example.co.jp.',
    'ホストゾーンのドメイン名（例: bank.example.co.jp）。',
  ],
  timing: [
    'Times of the shutdown timing model that synth checks each app against (R6). The defaults are estimates: measure them in your clusters.',
    'synth が各アプリの停止設定を照合するタイミングモデルの時間（R6）。既定値は見積もりなので、実際のクラスターで測ってください。',
  ],
  'timing.endpointPropagationSeconds': [
    "Seconds from a pod's deletion until kube-proxy and the ingress controller stop routing to it. The default of 30 is an estimate.",
    'Pod の削除から、kube-proxy と Ingress コントローラーがその Pod へ振り分けなくなるまでの秒数。既定の 30 は見積もりです。',
  ],
  'timing.albDeregistrationSeconds': [
    'Seconds from DeregisterTargets until the ALB stops sending new requests to the target; counted only with edge. The default of 60 is an estimate.',
    'DeregisterTargets から、ALB がそのターゲットへ新しいリクエストを送らなくなるまでの秒数。edge があるときだけ加算します。既定の 60 は見積もりです。',
  ],
  ingress: ['F5 NGINX Ingress Controller settings.', 'F5 NGINX Ingress Controller の設定。'],
  'ingress.namespace': [
    'Namespace of the ingress controller.',
    'Ingress コントローラーの Namespace。',
  ],
  'ingress.ingressClassName': [
    'IngressClass the VirtualServers use.',
    'VirtualServer が使う IngressClass。',
  ],
  'ingress.httpNodePort': [
    'NodePort of the controller, reached by the ALB target groups.',
    'ALB のターゲットグループが接続するコントローラーの NodePort。',
  ],
  gitops: [
    'Where the EKS Argo CD capability reads the synthesized manifests.',
    'EKS の Argo CD 機能が合成済みマニフェストを読み込む場所。',
  ],
  'gitops.repoURL': [
    'Git repository URL of the synthesized output.',
    '合成結果を置く Git リポジトリの URL。',
  ],
  'gitops.targetRevision': [
    'Branch or tag Argo CD follows.',
    'Argo CD が追従するブランチまたはタグ。',
  ],
  'gitops.path': [
    'Folder of the synthesized output inside the repository.',
    'リポジトリ内の合成結果のフォルダー。',
  ],
  'gitops.argocdNamespace': [
    'Namespace of the managed Argo CD.',
    'マネージド Argo CD の Namespace。',
  ],
  'gitops.identityCenter': [
    'IAM Identity Center that the EKS Argo CD capability signs users in with; without it the capability is not built.',
    'EKS の Argo CD 機能がユーザーのサインインに使う IAM Identity Center。指定しないと Argo CD 機能は作成されません。',
  ],
  'gitops.identityCenter.instanceArn': [
    'ARN of the IAM Identity Center instance.',
    'IAM Identity Center インスタンスの ARN。',
  ],
  'gitops.identityCenter.region': [
    'Region of the instance; defaults to the primary region.',
    'インスタンスのリージョン。既定はプライマリリージョン。',
  ],
  'gitops.identityCenter.adminGroupIds': [
    'Identity Center group ids given the Argo CD ADMIN role.',
    'Argo CD の ADMIN ロールを与える Identity Center のグループ ID。',
  ],
  security: ['Retention of audit logs.', '監査ログの保持期間。'],
  'security.cloudTrailRetentionDays': [
    'Days CloudTrail log files are kept; seven years by default.',
    'CloudTrail のログファイルを保持する日数。既定は 7 年です。',
  ],
  'security.controlPlaneLogRetentionDays': [
    'Days CloudWatch Logs keeps the EKS control-plane logs.',
    'EKS コントロールプレーンのログを CloudWatch Logs に保持する日数。',
  ],
  tags: ['Tags put on every AWS resource.', 'すべての AWS リソースに付けるタグ。'],
  systems: ['Business systems sharing the cluster.', 'クラスターを共有する業務システム。'],
  'systems[].name': [
    'System name; part of its namespace, group and AWS resource names.',
    'システム名。Namespace、グループ、AWS リソース名の一部になります。',
  ],
  'systems[].displayName': ['Name shown in reports.', 'レポートに表示する名前。'],
  'systems[].namespace': [
    'Namespace of the system; defaults to its name.',
    'システムの Namespace。既定はシステム名。',
  ],
  'systems[].adminRoleArn': [
    "IAM role of the system's administrators, mapped to the group <system>:admins (S6).",
    'システム管理者の IAM ロール。グループ <system>:admins に対応付けます（S6）。',
  ],
  'systems[].host': [
    'Host name of the system behind the ALB.',
    'ALB の背後でシステムが応答するホスト名。',
  ],
  'systems[].pathPrefix': [
    'Path prefix, such as /a, that the ALB rules of the system also match; unset matches every path on the host.',
    'システムの ALB ルールが併せて照合するパスの接頭辞（例: /a）。省略するとホスト上のすべてのパスに一致します。',
  ],
  'systems[].liveCluster': [
    'Cluster key the ALB sends the users of this system to when the edge stack is created; defaults to edge.liveCluster. kinko switch changes it afterwards.',
    'edge スタック作成時に、このシステムの利用者を ALB が振り向けるクラスターのキー。既定は edge.liveCluster です。作成後の切り替えは kinko switch で行います。',
  ],
  'systems[].dr': [
    'Disaster-recovery settings of the system (R1).',
    'システムの災害対策の設定（R1）。',
  ],
  'systems[].dr.healthCheckPath': [
    "Path the Route 53 health check requests on the system's host; defaults to the first app's health check path under its route path.",
    'Route 53 のヘルスチェックがシステムのホストに要求するパス。既定は先頭アプリのルートパス配下のヘルスチェックパスです。',
  ],
  'systems[].sharedFiles': [
    "Files shared by the system's pods on its S3 bucket, through Mountpoint for S3 (R5).",
    'Mountpoint for S3 を通じてシステムの Pod が共有する S3 バケット上のファイル（R5）。',
  ],
  'systems[].sharedFiles.prefix': [
    'Key prefix inside the bucket.',
    'バケット内のキーのプレフィックス。',
  ],
  'systems[].sharedFiles.mountPath': [
    'Mount path in the app containers.',
    'アプリコンテナ内のマウント先。',
  ],
  'systems[].sharedFiles.capacity': [
    'Capacity written on the PersistentVolume; S3 does not enforce it.',
    'PersistentVolume に記載する容量。S3 側では制限されません。',
  ],
  'systems[].efs': [
    'Amazon EFS file system of the system, mounted into every app and replicated to the DR region (R5, R1).',
    'システムの Amazon EFS ファイルシステム。すべてのアプリにマウントし、DR リージョンへ複製します（R5、R1）。',
  ],
  'systems[].efs.mountPath': [
    'Mount path in the app containers.',
    'アプリコンテナ内のマウント先。',
  ],
  'systems[].efs.throughputMode': [
    'EFS throughput mode: elastic scales with the load, bursting earns credits from the stored size.',
    'EFS のスループットモード。elastic は負荷に応じて拡張し、bursting は保存量に応じたクレジットを使います。',
  ],
  'systems[].efs.fileSystemId': [
    'File system id from the systems stack output FileSystemId, after the first deploy; with accessPointId, the apps mount the file system.',
    '初回デプロイ後に systems スタックの出力 FileSystemId から写すファイルシステム ID。accessPointId と揃うと、アプリがファイルシステムをマウントします。',
  ],
  'systems[].efs.accessPointId': [
    'Access point id from the systems stack output AccessPointId, after the first deploy.',
    '初回デプロイ後に systems スタックの出力 AccessPointId から写すアクセスポイント ID。',
  ],
  'systems[].database': [
    'Aurora cluster of the system; with regions.dr it becomes a global database with a secondary cluster there (R5, R1).',
    'システムの Aurora クラスター。regions.dr があるとグローバルデータベースになり、DR リージョンにセカンダリクラスターを置きます（R5、R1）。',
  ],
  'systems[].database.engine': [
    'Aurora engine: aurora-postgresql or aurora-mysql.',
    'Aurora のエンジン。aurora-postgresql か aurora-mysql。',
  ],
  'systems[].database.engineVersion': [
    'Full engine version, pinned, for example 17.7 or 8.0.mysql_aurora.3.08.0.',
    '固定するエンジンの完全なバージョン。例: 17.7、8.0.mysql_aurora.3.08.0。',
  ],
  'systems[].database.instanceClass': [
    'DB instance class of every instance.',
    'すべてのインスタンスの DB インスタンスクラス。',
  ],
  'systems[].database.instances': [
    'Instances of the primary cluster over the Availability Zones; one writer, the rest readers to fail over to.',
    'プライマリクラスターのインスタンス数。AZ に分散し、1 台がライター、残りはフェイルオーバー先のリーダーです。',
  ],
  'systems[].database.drInstances': [
    'Instances of the DR secondary cluster, 1 by default with regions.dr; 0 keeps it headless, which costs less but adds instance creation to the failover time.',
    'DR セカンダリクラスターのインスタンス数。regions.dr があれば既定は 1 です。0 にするとヘッドレスになり、費用は下がりますがフェイルオーバー時にインスタンス作成の時間が加わります。',
  ],
  'systems[].database.backupRetentionDays': [
    'Days of automated backups, 7 to 35.',
    '自動バックアップの保持日数（7〜35 日）。',
  ],
  'systems[].database.deletionProtection': [
    'Deletion protection of the clusters; turning it off lets the cluster be deleted.',
    'クラスターの削除保護。無効にするとクラスターを削除できるようになります。',
  ],
  'systems[].apps': ['Applications of the system.', 'システムのアプリケーション。'],
  'systems[].apps[].name': [
    'App name; names its Deployment and Service.',
    'アプリ名。Deployment と Service の名前になります。',
  ],
  'systems[].apps[].image': [
    "Image in the system's ECR repository: a tag or a digest.",
    'システムの ECR リポジトリにあるイメージ。タグかダイジェストを指定します。',
  ],
  'systems[].apps[].image.repository': [
    'ECR repository name; defaults to <platform>/<system>/<app>.',
    'ECR リポジトリ名。既定は <platform>/<system>/<app>。',
  ],
  'systems[].apps[].image.tag': [
    'Release tag; "latest" is rejected.',
    'リリースタグ。"latest" は使えません。',
  ],
  'systems[].apps[].image.digest': [
    'Image digest, sha256:...',
    'イメージのダイジェスト（sha256:...）。',
  ],
  'systems[].apps[].port': [
    'Container port the app listens on.',
    'アプリが待ち受けるコンテナのポート。',
  ],
  'systems[].apps[].replicas': [
    'Replicas, spread over zones and hosts; one needs a single-replica exception.',
    'レプリカ数。ゾーンとホストに分散します。1 にするには single-replica の例外が必要です。',
  ],
  'systems[].apps[].resources': ['CPU and memory of the container.', 'コンテナの CPU とメモリ。'],
  'systems[].apps[].resources.requests': ['Resource requests.', 'リソースの要求量。'],
  'systems[].apps[].resources.requests.cpu': [
    'CPU request, for example 250m.',
    'CPU の要求量（例: 250m）。',
  ],
  'systems[].apps[].resources.requests.memory': [
    'Memory request, for example 256Mi.',
    'メモリの要求量（例: 256Mi）。',
  ],
  'systems[].apps[].resources.limits': ['Resource limits.', 'リソースの上限。'],
  'systems[].apps[].resources.limits.cpu': [
    'CPU limit; unset by default.',
    'CPU の上限。既定では設定しません。',
  ],
  'systems[].apps[].resources.limits.memory': [
    'Memory limit; defaults to the request.',
    'メモリの上限。既定は要求量と同じ値です。',
  ],
  'systems[].apps[].runAsUser': [
    'Numeric non-root UID the container runs as (S1).',
    'コンテナを実行する root 以外の数値 UID（S1）。',
  ],
  'systems[].apps[].runAsGroup': [
    'Numeric GID; defaults to runAsUser.',
    '数値 GID。既定は runAsUser と同じ値です。',
  ],
  'systems[].apps[].preStopSleepSeconds': [
    'Seconds the preStop hook sleeps while endpoints and the ALB drop the pod (R6).',
    'エンドポイントと ALB から Pod が外れるまで preStop フックが待つ秒数（R6）。',
  ],
  'systems[].apps[].terminationGracePeriodSeconds': [
    'Integer seconds before the kubelet kills the pod; longer than the preStop sleep (R6).',
    'kubelet が Pod を強制終了するまでの秒数（整数）。preStop の sleep より長くします（R6）。',
  ],
  'systems[].apps[].longestRequestSeconds': [
    'Longest request the app serves, in seconds. The default of 15 is an estimate: replace it with a measurement (R6).',
    'アプリが処理する最も長いリクエストの秒数。既定の 15 は見積もりなので、実測値に置き換えてください（R6）。',
  ],
  'systems[].apps[].healthCheckPath': ['HTTP path of the probes.', 'プローブの HTTP パス。'],
  'systems[].apps[].routePath': [
    "Path prefix of the app on the system's host.",
    'システムのホスト上でのアプリのパス。',
  ],
  'systems[].apps[].blueGreen': [
    'Application blue/green (R3). Unset keeps one Deployment; set, the app runs a blue and a green copy and kinko switch app moves users between them.',
    'アプリケーションの Blue/Green（R3）。未設定なら Deployment は 1 つのままです。設定すると blue と green の 2 つを動かし、kinko switch app で利用者の向き先を切り替えます。',
  ],
  'systems[].apps[].blueGreen.method': [
    'How the switch is made: service patches the Service selector, upstream patches the VirtualServer route, rollout promotes an Argo Rollout.',
    '切り替えの方法。service は Service のセレクター、upstream は VirtualServer のルートを書き換え、rollout は Argo Rollout をプロモートします。',
  ],
  'systems[].apps[].blueGreen.live': [
    'Colour that serves users when the manifests are first applied. Not allowed with rollout, where the Argo Rollouts controller decides which revision users reach.',
    'マニフェストを最初に適用したときに利用者が使う色。rollout では利用者が使うリビジョンを Argo Rollouts のコントローラーが決めるため、指定できません。',
  ],
  'systems[].apps[].blueGreen.previewImage': [
    'Image of the colour that is not live; defaults to the app image. Not allowed with rollout, where a new image in the Rollout makes the preview.',
    'live でない色のイメージ。既定はアプリのイメージです。rollout では Rollout のイメージを変えるとプレビューができるため、指定できません。',
  ],
  'systems[].apps[].blueGreen.previewImage.repository': [
    'ECR repository of the preview image; defaults to the app repository.',
    'プレビュー用イメージの ECR リポジトリ。既定はアプリのリポジトリです。',
  ],
  'systems[].apps[].blueGreen.previewImage.tag': [
    'Tag of the preview image.',
    'プレビュー用イメージのタグ。',
  ],
  'systems[].apps[].blueGreen.previewImage.digest': [
    'Digest of the preview image (sha256:...).',
    'プレビュー用イメージのダイジェスト（sha256:...）。',
  ],
  'systems[].apps[].blueGreen.smokeCheck': [
    'HTTP GET that kinko switch app sends to the preview first; a failure blocks the switch unless --force.',
    'kinko switch app が切り替え前にプレビューへ送る HTTP GET。失敗すると --force がない限り切り替えません。',
  ],
  'systems[].apps[].blueGreen.smokeCheck.path': [
    'Path of the request; defaults to the health check path.',
    'リクエストのパス。既定はヘルスチェックのパスです。',
  ],
  'systems[].apps[].blueGreen.smokeCheck.expectStatus': [
    'HTTP status code the preview must return.',
    'プレビューが返すべき HTTP ステータスコード。',
  ],
  'systems[].apps[].blueGreen.smokeCheck.timeoutSeconds': [
    'Seconds the request may take before it counts as failed.',
    'リクエストが失敗とみなされるまでの秒数。',
  ],
  exceptions: [
    'Named loosenings of safe defaults, each with a reason; the controls report lists them.',
    '安全な既定値を緩める例外。それぞれ理由を書き、コントロールレポートに載ります。',
  ],
  'exceptions[].control': ['Control the exception loosens.', '例外で緩めるコントロール。'],
  'exceptions[].target': [
    'What it applies to: a cluster key, or <system>/<app>.',
    '対象。クラスターキー、または <system>/<app>。',
  ],
  'exceptions[].reason': ['Why the loosening is accepted.', '緩めることを受け入れる理由。'],
  guard: [
    'The kinko guard admission webhook deployed in every cluster (S2); no guard when left out.',
    'すべてのクラスターに配置する kinko guard アドミッション Webhook（S2）。省略するとガードを配置しません。',
  ],
  'guard.image': [
    'Image of the guard, built from deploy/guard/Dockerfile and pushed to the platform ECR.',
    'ガードのイメージ。deploy/guard/Dockerfile からビルドし、プラットフォームの ECR にプッシュしたもの。',
  ],
  'guard.image.repository': [
    'ECR repository in the primary region; defaults to <platform>/kinko-guard.',
    'プライマリリージョンの ECR リポジトリ。既定は <platform>/kinko-guard。',
  ],
  'guard.image.digest': [
    'sha256 digest of the pushed image, so the scanned image is the one that runs (S3).',
    'プッシュしたイメージの sha256 ダイジェスト。スキャンしたイメージがそのまま動きます（S3）。',
  ],
  audit: [
    'Settings of kinko audit, the detector over the Kubernetes audit log (S12).',
    'Kubernetes 監査ログを監視する kinko audit の設定（S12）。',
  ],
  'audit.watchedSourceRanges': [
    'IPv4 CIDR ranges whose every request is reported (detection watched-source); empty reports none.',
    'ここに挙げた IPv4 CIDR 範囲からのリクエストをすべて報告します（検知 watched-source）。空なら報告しません。',
  ],
  'audit.deniedBurst': [
    'When denied requests by one user count as a burst (detection denied-burst).',
    '1 人のユーザーの拒否されたリクエストを集中とみなす条件（検知 denied-burst）。',
  ],
  'audit.deniedBurst.threshold': [
    'Denied requests within the window that make a burst.',
    '集中とみなす、ウィンドウ内の拒否されたリクエストの数。',
  ],
  'audit.deniedBurst.windowSeconds': [
    'Length of the sliding window, in seconds.',
    'スライディングウィンドウの長さ（秒）。',
  ],
  'audit.repeatWindowSeconds': [
    'Seconds during which repeats of one alert (same detection, user and target) are counted instead of printed; 0 prints every one.',
    '同じ検知・ユーザー・対象のアラートを、出力せずに件数だけ数える秒数。0 ならすべて出力します。',
  ],
  'audit.exceptions': [
    'Exceptions to detections, each with a reason; every detection has none by default.',
    '検知の例外。それぞれ理由を書きます。既定ではどの検知にも例外はありません。',
  ],
  'audit.exceptions[].detection': [
    'Id of the detection the exception narrows, for example pod-exec.',
    '例外を設ける検知の ID（例: pod-exec）。',
  ],
  'audit.exceptions[].users': [
    'User names it covers; empty covers every user.',
    '対象のユーザー名。空ならすべてのユーザー。',
  ],
  'audit.exceptions[].groups': [
    'Groups it covers; empty covers every group.',
    '対象のグループ。空ならすべてのグループ。',
  ],
  'audit.exceptions[].namespaces': [
    'Namespaces it covers; empty covers every namespace.',
    '対象の名前空間。空ならすべての名前空間。',
  ],
  'audit.exceptions[].names': [
    'Object names it covers; empty covers every name.',
    '対象のオブジェクト名。空ならすべての名前。',
  ],
  'audit.exceptions[].sourceRanges': [
    'IPv4 CIDR ranges of source addresses it covers; empty covers every address.',
    '対象の送信元アドレスの IPv4 CIDR 範囲。空ならすべてのアドレス。',
  ],
  'audit.exceptions[].reason': [
    'Why the exception is accepted; at least 10 characters.',
    '例外を受け入れる理由。10 文字以上。',
  ],
  images: [
    'Settings of kinko images, the deploy gate on ECR scan findings.',
    'kinko images（ECR のスキャン結果によるデプロイゲート）の設定。',
  ],
  'images.exceptions': [
    'Accepted scan findings, each with a reason and an expiry date; none by default.',
    '受け入れるスキャン検出結果。それぞれ理由と有効期限を書きます。既定ではありません。',
  ],
  'images.exceptions[].finding': [
    'Vulnerability id as the scan reports it, for example CVE-2026-1234.',
    'スキャン結果に表示される脆弱性 ID（例: CVE-2026-1234）。',
  ],
  'images.exceptions[].repository': [
    'ECR repository name it covers, where * matches any characters; absent covers every repository.',
    '対象の ECR リポジトリ名。* は任意の文字列に一致します。省略するとすべてのリポジトリが対象です。',
  ],
  'images.exceptions[].reason': [
    'Why the finding is accepted; at least 10 characters.',
    '検出結果を受け入れる理由。10 文字以上。',
  ],
  'images.exceptions[].expires': [
    'Last day (UTC, YYYY-MM-DD) the exception applies; at most 180 days ahead.',
    '例外が有効な最終日（UTC、YYYY-MM-DD）。180 日先までです。',
  ],
};

export const FIELD_MESSAGES: MessageTable = Object.fromEntries(
  Object.entries(FIELDS).map(([path, [en, ja]]) => [
    `field.${path}`,
    { en: () => en, ja: () => ja },
  ]),
);

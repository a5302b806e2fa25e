/** Texts of the S1 policy rules: the pod and container security settings. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const POLICY_POD_MESSAGES: MessageTable = {
  'policy.run-as-non-root.title': {
    en: () => 'Containers run as a non-root user',
    ja: () => 'コンテナを root 以外のユーザーで実行する',
  },
  'policy.run-as-non-root.message': {
    en: (p) =>
      `${s(p.container)} may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set on the container or the pod.`,
    ja: (p) =>
      `${s(p.container)} は root で動く可能性があります。コンテナにも Pod にも runAsNonRoot: true や 0 以外の runAsUser が設定されていません。`,
  },
  'policy.run-as-non-root.message.rootUser': {
    en: (p) => `${s(p.container)} runs as root: runAsUser is 0.`,
    ja: (p) => `${s(p.container)} は root で動きます（runAsUser が 0）。`,
  },
  'policy.run-as-non-root.fix': {
    en: () =>
      'set securityContext.runAsNonRoot: true and a non-zero runAsUser on the pod or the container, and build the image with a non-root USER.',
    ja: () =>
      'Pod かコンテナの securityContext に runAsNonRoot: true と 0 以外の runAsUser を設定し、イメージも root 以外の USER でビルドしてください。',
  },
  'policy.no-privilege-escalation.title': {
    en: () => 'Containers cannot escalate privileges',
    ja: () => 'コンテナの権限昇格を禁止する',
  },
  'policy.no-privilege-escalation.message': {
    en: (p) =>
      `${s(p.container)} allows privilege escalation: allowPrivilegeEscalation is not false.`,
    ja: (p) =>
      `${s(p.container)} は権限昇格を許しています（allowPrivilegeEscalation が false ではありません）。`,
  },
  'policy.no-privilege-escalation.fix': {
    en: () => "set allowPrivilegeEscalation: false in the container's securityContext.",
    ja: () => 'コンテナの securityContext に allowPrivilegeEscalation: false を設定してください。',
  },
  'policy.no-privileged.title': {
    en: () => 'Containers are not privileged',
    ja: () => '特権コンテナを使わない',
  },
  'policy.no-privileged.message': {
    en: (p) => `${s(p.container)} is privileged: it has every device and capability of the node.`,
    ja: (p) =>
      `${s(p.container)} は特権コンテナです。ノードのすべてのデバイスとケーパビリティを持ちます。`,
  },
  'policy.no-privileged.fix': {
    en: () => "remove privileged: true from the container's securityContext, or set it to false.",
    ja: () =>
      'コンテナの securityContext から privileged: true を削除するか、false にしてください。',
  },
  'policy.drop-all-capabilities.title': {
    en: () => 'Containers drop all capabilities',
    ja: () => 'コンテナのケーパビリティをすべて外す',
  },
  'policy.drop-all-capabilities.message': {
    en: (p) =>
      `${s(p.container)} keeps the runtime's default capabilities: capabilities.drop does not contain ALL.`,
    ja: (p) =>
      `${s(p.container)} はランタイム既定のケーパビリティを持ったままです（capabilities.drop に ALL がありません）。`,
  },
  'policy.drop-all-capabilities.message.added': {
    en: (p) =>
      `${s(p.container)} adds capabilities back: ${s(p.capabilities)}; only NET_BIND_SERVICE may be added.`,
    ja: (p) =>
      `${s(p.container)} がケーパビリティ ${s(p.capabilities)} を追加しています。追加してよいのは NET_BIND_SERVICE だけです。`,
  },
  'policy.drop-all-capabilities.fix': {
    en: () =>
      'set securityContext.capabilities.drop: [ALL] and add nothing but NET_BIND_SERVICE, or listen on a port above 1023.',
    ja: () =>
      'securityContext.capabilities.drop: [ALL] を設定し、追加は NET_BIND_SERVICE だけにしてください。1024 以上のポートで待ち受ければ追加も不要です。',
  },
  'policy.seccomp-runtime-default.title': {
    en: () => 'Containers run under the RuntimeDefault seccomp profile',
    ja: () => 'コンテナに seccomp プロファイル RuntimeDefault を適用する',
  },
  'policy.seccomp-runtime-default.message': {
    en: (p) =>
      `${s(p.container)} has seccomp profile ${s(p.value)}; RuntimeDefault or Localhost is required.`,
    ja: (p) =>
      `${s(p.container)} の seccomp プロファイルが ${s(p.value)} です。RuntimeDefault か Localhost が必要です。`,
  },
  'policy.seccomp-runtime-default.fix': {
    en: () =>
      'set securityContext.seccompProfile.type: RuntimeDefault on the pod (it applies to every container) or on the container.',
    ja: () =>
      'Pod（全コンテナに適用されます）かコンテナの securityContext に seccompProfile.type: RuntimeDefault を設定してください。',
  },
  'policy.read-only-root-filesystem.title': {
    en: () => 'Containers have a read-only root filesystem',
    ja: () => 'コンテナのルートファイルシステムを読み取り専用にする',
  },
  'policy.read-only-root-filesystem.message': {
    en: (p) =>
      `${s(p.container)} can write to its root filesystem: readOnlyRootFilesystem is not true.`,
    ja: (p) =>
      `${s(p.container)} はルートファイルシステムに書き込めます（readOnlyRootFilesystem が true ではありません）。`,
  },
  'policy.read-only-root-filesystem.fix': {
    en: () =>
      'set readOnlyRootFilesystem: true and mount an emptyDir where the app writes, such as /tmp.',
    ja: () =>
      'readOnlyRootFilesystem: true を設定し、アプリが書き込む場所（/tmp など）には emptyDir をマウントしてください。',
  },
  'policy.no-host-path.title': {
    en: () => 'Pods mount no hostPath volume',
    ja: () => 'Pod に hostPath ボリュームをマウントしない',
  },
  'policy.no-host-path.message': {
    en: (p) => `volume "${s(p.volume)}" mounts the node's path ${s(p.path)}.`,
    ja: (p) => `ボリューム "${s(p.volume)}" がノードのパス ${s(p.path)} をマウントしています。`,
  },
  'policy.no-host-path.fix': {
    en: () => 'use an emptyDir, a PersistentVolumeClaim or a CSI volume instead of hostPath.',
    ja: () =>
      'hostPath の代わりに emptyDir、PersistentVolumeClaim、CSI ボリュームのいずれかを使ってください。',
  },
  'policy.no-host-network.title': {
    en: () => "Pods do not use the node's network namespace",
    ja: () => 'Pod でノードのネットワーク名前空間を使わない',
  },
  'policy.no-host-network.message': {
    en: (p) =>
      `${s(p.field)} is true: the pod shares the node's network and bypasses NetworkPolicy.`,
    ja: (p) =>
      `${s(p.field)} が true です。Pod がノードのネットワークを共有し、NetworkPolicy が効きません。`,
  },
  'policy.no-host-network.fix': {
    en: () => 'remove hostNetwork: true and expose the pod through a Service.',
    ja: () => 'hostNetwork: true を削除し、Service で Pod を公開してください。',
  },
  'policy.no-host-pid.title': {
    en: () => "Pods do not use the node's process namespace",
    ja: () => 'Pod でノードのプロセス名前空間を使わない',
  },
  'policy.no-host-pid.message': {
    en: (p) => `${s(p.field)} is true: the pod sees and can signal every process of the node.`,
    ja: (p) => `${s(p.field)} が true です。Pod からノードの全プロセスが見え、シグナルも送れます。`,
  },
  'policy.no-host-pid.fix': {
    en: () => 'remove hostPID: true.',
    ja: () => 'hostPID: true を削除してください。',
  },
  'policy.no-host-ipc.title': {
    en: () => "Pods do not use the node's IPC namespace",
    ja: () => 'Pod でノードの IPC 名前空間を使わない',
  },
  'policy.no-host-ipc.message': {
    en: (p) => `${s(p.field)} is true: the pod reads the node's shared memory.`,
    ja: (p) => `${s(p.field)} が true です。Pod からノードの共有メモリが読めます。`,
  },
  'policy.no-host-ipc.fix': {
    en: () => 'remove hostIPC: true.',
    ja: () => 'hostIPC: true を削除してください。',
  },
  'policy.no-host-port.title': {
    en: () => 'Containers bind no hostPort',
    ja: () => 'コンテナで hostPort を使わない',
  },
  'policy.no-host-port.message': {
    en: (p) =>
      `${s(p.container)} binds port ${s(p.port)} on the node's address, outside any Service.`,
    ja: (p) =>
      `${s(p.container)} がノードのアドレスでポート ${s(p.port)} を開いています。Service を経由しません。`,
  },
  'policy.no-host-port.fix': {
    en: () => 'remove hostPort and reach the pod through a Service.',
    ja: () => 'hostPort を削除し、Service 経由で Pod に接続してください。',
  },
};

import type { ResolvedCluster } from '../model/platform.js';

/** MIME boundary of the user data. Any string that never appears inside a part would do. */
const BOUNDARY = 'KINKO-NODECONFIG';

/**
 * Renders the launch template user data for AL2023 nodes: a MIME multipart document whose one
 * part is a nodeadm `NodeConfig`. EKS merges it with the cluster settings it adds for managed node
 * groups, so only the kubelet settings Kinko changes appear here.
 *
 * eventRecordQPS 0 lifts the kubelet's limit of 5 events per second, so no event is dropped before
 * an incident investigation needs it.
 */
export function renderNodeUserData(cluster: ResolvedCluster): string {
  if (!Number.isInteger(cluster.eventRecordQPS) || cluster.eventRecordQPS < 0) {
    throw new Error(
      `clusters.${cluster.key}.eventRecordQPS is ${cluster.eventRecordQPS}, which is invalid. Use a whole number, 0 (no limit) or more.`,
    );
  }

  const nodeConfig = [
    '---',
    'apiVersion: node.eks.aws/v1alpha1',
    'kind: NodeConfig',
    'spec:',
    '  kubelet:',
    '    config:',
    `      eventRecordQPS: ${cluster.eventRecordQPS}`,
  ].join('\n');

  return [
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${BOUNDARY}"`,
    '',
    `--${BOUNDARY}`,
    'Content-Type: application/node.eks.aws',
    '',
    nodeConfig,
    '',
    `--${BOUNDARY}--`,
    '',
  ].join('\n');
}

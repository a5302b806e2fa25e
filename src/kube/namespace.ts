/**
 * Namespaces with Pod Security Admission labels. Every namespace Kinko creates enforces the
 * `restricted` profile, so the API server itself rejects a pod that runs as root, keeps a
 * capability other than NET_BIND_SERVICE, allows privilege escalation or lacks a seccomp profile.
 */
import type { V1Namespace } from '@kubernetes/client-node';

import type { KubeObjectMeta, Manifest } from './kube-object.js';

const PSA_PREFIX = 'pod-security.kubernetes.io';
const PSA_LEVEL = 'restricted';

/**
 * `latest` follows the cluster's own version of the restricted profile. Pinning a version would
 * freeze the checks at that release and quietly skip what later releases add; Kinko upgrades
 * clusters blue/green, so a workload that a newer profile rejects fails on the new cluster
 * before end users are moved to it.
 */
const PSA_VERSION = 'latest';

/** Pod Security Admission labels: enforce, audit and warn, all at `restricted`. */
export function podSecurityLabels(): Record<string, string> {
  return {
    [`${PSA_PREFIX}/enforce`]: PSA_LEVEL,
    [`${PSA_PREFIX}/enforce-version`]: PSA_VERSION,
    [`${PSA_PREFIX}/audit`]: PSA_LEVEL,
    [`${PSA_PREFIX}/audit-version`]: PSA_VERSION,
    [`${PSA_PREFIX}/warn`]: PSA_LEVEL,
    [`${PSA_PREFIX}/warn-version`]: PSA_VERSION,
  };
}

export function buildNamespace(
  name: string,
  labels: Readonly<Record<string, string>>,
): Manifest<V1Namespace> {
  const metadata: KubeObjectMeta = { name, labels: { ...labels, ...podSecurityLabels() } };
  return { apiVersion: 'v1', kind: 'Namespace', metadata };
}

/**
 * Registration of the local cluster with the EKS Argo CD capability, which does not register
 * the cluster it runs in by itself.
 */
import type { V1Secret } from '@kubernetes/client-node';

import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import type { Manifest } from './kube-object.js';
import { clusterArn } from './names.js';

/** Label by which Argo CD finds cluster registrations among Secrets. */
const ARGOCD_SECRET_TYPE_LABEL = 'argocd.argoproj.io/secret-type';

/**
 * Builds the registration. It is a Secret only because Argo CD reads registrations from
 * Secrets: it carries a name and the cluster ARN, no credential, since the capability
 * authenticates to the cluster with its IAM role through an EKS access entry. It is the one
 * Secret Kinko writes to git.
 */
export function buildClusterRegistration(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  labels: Readonly<Record<string, string>>,
): Manifest<V1Secret> {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `cluster-${cluster.name}`,
      namespace: platform.gitops.argocdNamespace,
      labels: { ...labels, [ARGOCD_SECRET_TYPE_LABEL]: 'cluster' },
      annotations: {
        'suppress.kinko.dev/no-secret-data':
          'Argo CD reads cluster registrations only from Secrets; this one holds the cluster name and ARN, no credential',
      },
    },
    type: 'Opaque',
    stringData: { name: cluster.name, server: clusterArn(platform, cluster) },
  };
}

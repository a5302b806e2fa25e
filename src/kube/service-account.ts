/**
 * The ServiceAccount a system's pods run as. EKS Pod Identity associates it with the system's
 * IAM role, so it is the pods' only way to AWS credentials.
 */
import type { V1ServiceAccount } from '@kubernetes/client-node';

import type { ResolvedSystem } from '../model/platform.js';
import type { Manifest } from './kube-object.js';

/**
 * `automountServiceAccountToken: false` keeps the Kubernetes API token out of the pods: the apps
 * do not call the API server, and a stolen token could. Pod Identity does not need it, because
 * the EKS Pod Identity webhook injects its own projected token (audience
 * `pods.eks.amazonaws.com`, mounted under `/var/run/secrets/pods.eks.amazonaws.com/`) and the
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` variable into every pod of an associated ServiceAccount,
 * whatever this field is set to. The Secrets Store CSI provider for AWS requests its own token for
 * the pod through the TokenRequest API, so it does not need the mount either.
 */
export function buildServiceAccount(
  system: ResolvedSystem,
  labels: Readonly<Record<string, string>>,
): Manifest<V1ServiceAccount> {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: system.serviceAccountName,
      namespace: system.namespace,
      labels: { ...labels },
    },
    automountServiceAccountToken: false,
  };
}

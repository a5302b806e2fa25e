/**
 * The guard's namespace and its NetworkPolicies. The guard calls nothing: it reads no Kubernetes
 * object and resolves no name, so the namespace denies all egress and admits only the webhook
 * port.
 */
import type { V1Namespace, V1NetworkPolicy, V1NetworkPolicySpec } from '@kubernetes/client-node';

import type { ResolvedPlatform } from '../../model/platform.js';
import type { ResolvedGuard } from '../../model/guard.js';
import type { Manifest } from '../kube-object.js';
import { buildNamespace } from '../namespace.js';
import { GUARD_CONTAINER_PORT, guardSelector } from './names.js';

export function buildGuardNamespace(
  guard: ResolvedGuard,
  labels: Readonly<Record<string, string>>,
): Manifest<V1Namespace> {
  return buildNamespace(guard.namespace, labels);
}

/**
 * Builds the default deny and the one allow rule. EKS runs the apiserver outside the VPC, and it
 * reaches webhooks through the control plane's network interfaces in the cluster's subnets, so
 * the rule admits the VPC's CIDR on the guard's port. Kubelet probes come from the node's
 * address, also in the VPC.
 * NOTE: under the VPC CNI, pods take their addresses from the same CIDR, so any pod can also
 * reach this port. The guard returns only verdicts, health and metrics there.
 */
export function buildGuardNetworkPolicies(
  platform: ResolvedPlatform,
  guard: ResolvedGuard,
  labels: Readonly<Record<string, string>>,
): Manifest<V1NetworkPolicy>[] {
  const policy = (name: string, spec: V1NetworkPolicySpec): Manifest<V1NetworkPolicy> => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: guard.namespace, labels: { ...labels } },
    spec,
  });

  return [
    policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('allow-apiserver-to-webhook', {
      podSelector: { matchLabels: guardSelector() },
      policyTypes: ['Ingress'],
      ingress: [
        {
          _from: [{ ipBlock: { cidr: platform.network.vpcCidr } }],
          ports: [{ protocol: 'TCP', port: GUARD_CONTAINER_PORT }],
        },
      ],
    }),
  ];
}

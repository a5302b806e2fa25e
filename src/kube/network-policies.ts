/**
 * NetworkPolicies of a system namespace: deny everything, then allow only what the system needs.
 * The VPC CNI network policy agent enforces them. Policies are additive, so each allow below
 * opens one path and nothing else.
 */
import type { V1NetworkPolicy, V1NetworkPolicySpec } from '@kubernetes/client-node';

import type { ResolvedPlatform, ResolvedSystem } from '../model/platform.js';
import type { Manifest } from './kube-object.js';

/** Label the API server sets on every namespace to its own name (Kubernetes 1.22 and later). */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** EKS Pod Identity Agent, listening on every node at this link-local address, port 80. */
const POD_IDENTITY_AGENT_CIDR = '169.254.170.23/32';
const POD_IDENTITY_AGENT_PORT = 80;

export const NETWORK_POLICY_NAMES = {
  defaultDeny: 'default-deny',
  sameNamespace: 'allow-same-namespace',
  dns: 'allow-dns',
  ingressController: 'allow-from-ingress-controller',
  awsEndpoints: 'allow-aws-endpoints',
  podIdentityAgent: 'allow-pod-identity-agent',
} as const;

function policy(
  name: string,
  system: ResolvedSystem,
  labels: Readonly<Record<string, string>>,
  spec: V1NetworkPolicySpec,
): Manifest<V1NetworkPolicy> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: system.namespace, labels: { ...labels } },
    spec,
  };
}

/** Builds the system's policies, default deny first. */
export function buildNetworkPolicies(
  platform: ResolvedPlatform,
  system: ResolvedSystem,
  labels: Readonly<Record<string, string>>,
): Manifest<V1NetworkPolicy>[] {
  // Selecting every pod with no rules turns both directions into allow-list only.
  const defaultDeny = policy(NETWORK_POLICY_NAMES.defaultDeny, system, labels, {
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
  });

  const sameNamespace = policy(NETWORK_POLICY_NAMES.sameNamespace, system, labels, {
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ _from: [{ podSelector: {} }] }],
    egress: [{ to: [{ podSelector: {} }] }],
  });

  const dns = policy(NETWORK_POLICY_NAMES.dns, system, labels, {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: [
          {
            namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
    ],
  });

  // Only the apps' own ports, and only from the ingress controller's namespace.
  const appPorts = [...new Set(system.apps.map((app) => app.containerPort))].sort((a, b) => a - b);
  const ingressController = policy(NETWORK_POLICY_NAMES.ingressController, system, labels, {
    podSelector: {},
    policyTypes: ['Ingress'],
    ingress: [
      {
        _from: [
          {
            namespaceSelector: {
              matchLabels: { [NAMESPACE_NAME_LABEL]: platform.ingress.namespace },
            },
          },
        ],
        ports: appPorts.map((port) => ({ protocol: 'TCP', port })),
      },
    ],
  });

  // The VPC's interface endpoints (Secrets Manager, SQS, KMS, STS, ...) have addresses in the
  // VPC CIDR and listen on 443. Pod addresses come from the same CIDR under the VPC CNI, so this
  // rule alone would reach other systems' pods on 443; their default-deny ingress closes that.
  // NOTE: the S3 gateway endpoint is a route to S3's public address ranges, which a
  // NetworkPolicy can only name by copying the region's prefix list. Shared files need no S3
  // egress here (the Mountpoint driver reads S3 from its own pods); an app that calls S3 itself
  // needs an S3 interface endpoint in the VPC, which this rule then covers.
  const awsEndpoints = policy(NETWORK_POLICY_NAMES.awsEndpoints, system, labels, {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ ipBlock: { cidr: platform.network.vpcCidr } }],
        ports: [{ protocol: 'TCP', port: 443 }],
      },
    ],
  });

  // AWS SDKs fetch Pod Identity credentials from the node's agent
  // (AWS_CONTAINER_CREDENTIALS_FULL_URI is http://169.254.170.23/v1/credentials).
  const podIdentityAgent = policy(NETWORK_POLICY_NAMES.podIdentityAgent, system, labels, {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ ipBlock: { cidr: POD_IDENTITY_AGENT_CIDR } }],
        ports: [{ protocol: 'TCP', port: POD_IDENTITY_AGENT_PORT }],
      },
    ],
  });

  return [defaultDeny, sameNamespace, dns, ingressController, awsEndpoints, podIdentityAgent];
}

/**
 * NetworkPolicies of the ingress controller's namespace: deny everything, then allow the ALB in,
 * and the controller out to the system namespaces, cluster DNS and the API server.
 */
import type { V1NetworkPolicy, V1NetworkPolicySpec } from '@kubernetes/client-node';

import type { ResolvedPlatform } from '../model/platform.js';
import type { Manifest } from './kube-object.js';

/** Label the API server sets on every namespace to its own name (Kubernetes 1.22 and later). */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Port the controller's pods listen on for HTTP; the chart's NodePort Service targets it. */
const CONTROLLER_HTTP_PORT = 80;

export function buildIngressNetworkPolicies(
  platform: ResolvedPlatform,
  labels: Readonly<Record<string, string>>,
): Manifest<V1NetworkPolicy>[] {
  const namespace = platform.ingress.namespace;
  const policy = (name: string, spec: V1NetworkPolicySpec): Manifest<V1NetworkPolicy> => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels: { ...labels } },
    spec,
  });
  const vpc = { ipBlock: { cidr: platform.network.vpcCidr } };

  const appPorts = [
    ...new Set(platform.systems.flatMap((system) => system.apps.map((app) => app.containerPort))),
  ].sort((a, b) => a - b);

  return [
    policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    // With externalTrafficPolicy: Local the ALB's own address (in the VPC) reaches the pod, for
    // requests and for health checks alike.
    policy('allow-from-alb', {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ _from: [vpc], ports: [{ protocol: 'TCP', port: CONTROLLER_HTTP_PORT }] }],
    }),
    policy('allow-to-systems', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: platform.systems.map((system) => ({
            namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: system.namespace } },
          })),
          ports: appPorts.map((port) => ({ protocol: 'TCP', port })),
        },
      ],
    }),
    policy('allow-dns', {
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
    }),
    // The controller watches VirtualServers and EndpointSlices. The cluster's private API
    // endpoint has its network interfaces in the VPC's subnets and listens on 443.
    // NOTE: a cluster reached only through its public endpoint needs that endpoint's addresses
    // here instead.
    policy('allow-api-server', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [vpc], ports: [{ protocol: 'TCP', port: 443 }] }],
    }),
  ];
}

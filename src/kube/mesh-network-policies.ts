/**
 * NetworkPolicies that let the ambient mesh's own traffic through the default deny of a system
 * namespace and of the ingress controller's namespace. NetworkPolicy is enforced by the VPC CNI
 * on the node, outside the pod, so it sees what ztunnel puts on the wire: HBONE to the
 * destination pod on TCP 15008 in place of the app's port, and kubelet probes from the
 * link-local address the Istio CNI agent gives them. Policies are additive, so these open only
 * those two paths.
 */
import type { V1NetworkPolicy, V1NetworkPolicySpec } from '@kubernetes/client-node';

import type { ResolvedPlatform, ResolvedSystem } from '../model/platform.js';
import type { Manifest } from './kube-object.js';
import { HBONE_PORT, KUBELET_PROBE_SOURCE_CIDR } from './mesh.js';

/** Label the API server sets on every namespace to its own name (Kubernetes 1.22 and later). */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export const MESH_NETWORK_POLICY_NAMES = {
  hboneFromIngressController: 'allow-hbone-from-ingress-controller',
  hboneToSystems: 'allow-hbone-to-systems',
  kubeletProbes: 'allow-mesh-kubelet-probes',
} as const;

function policy(
  name: string,
  namespace: string,
  labels: Readonly<Record<string, string>>,
  spec: V1NetworkPolicySpec,
): Manifest<V1NetworkPolicy> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels: { ...labels } },
    spec,
  };
}

/**
 * Builds a system's mesh policies: HBONE in from the ingress controller's namespace, and kubelet
 * probes in on the apps' ports. Pods of the same namespace already reach each other on every
 * port, HBONE included, through `allow-same-namespace`.
 */
export function buildSystemMeshNetworkPolicies(
  platform: ResolvedPlatform,
  system: ResolvedSystem,
  labels: Readonly<Record<string, string>>,
): Manifest<V1NetworkPolicy>[] {
  const appPorts = [...new Set(system.apps.map((app) => app.containerPort))].sort((a, b) => a - b);

  const hboneFromIngressController = policy(
    MESH_NETWORK_POLICY_NAMES.hboneFromIngressController,
    system.namespace,
    labels,
    {
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
          ports: [{ protocol: 'TCP', port: HBONE_PORT }],
        },
      ],
    },
  );

  const kubeletProbes = policy(MESH_NETWORK_POLICY_NAMES.kubeletProbes, system.namespace, labels, {
    podSelector: {},
    policyTypes: ['Ingress'],
    ingress: [
      {
        _from: [{ ipBlock: { cidr: KUBELET_PROBE_SOURCE_CIDR } }],
        ports: appPorts.map((port) => ({ protocol: 'TCP', port })),
      },
    ],
  });

  return [hboneFromIngressController, kubeletProbes];
}

/**
 * Builds the ingress controller namespace's mesh policies: HBONE out to every system namespace,
 * and kubelet probes in. The controller chart sets its own probe port, so the probe rule names
 * no port: the link-local source is reachable only from the node itself.
 */
export function buildIngressMeshNetworkPolicies(
  platform: ResolvedPlatform,
  labels: Readonly<Record<string, string>>,
): Manifest<V1NetworkPolicy>[] {
  const namespace = platform.ingress.namespace;

  const hboneToSystems = policy(MESH_NETWORK_POLICY_NAMES.hboneToSystems, namespace, labels, {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: platform.systems.map((system) => ({
          namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: system.namespace } },
        })),
        ports: [{ protocol: 'TCP', port: HBONE_PORT }],
      },
    ],
  });

  const kubeletProbes = policy(MESH_NETWORK_POLICY_NAMES.kubeletProbes, namespace, labels, {
    podSelector: {},
    policyTypes: ['Ingress'],
    ingress: [{ _from: [{ ipBlock: { cidr: KUBELET_PROBE_SOURCE_CIDR } }] }],
  });

  return [hboneToSystems, kubeletProbes];
}

/**
 * The service mesh: Istio in ambient mode. A node proxy (ztunnel) on every node carries pod
 * traffic between enrolled pods over HBONE, an mTLS tunnel on TCP 15008, so pods need no sidecar.
 * A namespace joins the mesh by its `istio.io/dataplane-mode: ambient` label, and a
 * PeerAuthentication with mode STRICT makes ztunnel reject plaintext into its pods.
 */
import type { V1Namespace } from '@kubernetes/client-node';

import type { KubeObjectMeta, Manifest } from './kube-object.js';

/**
 * Istio release of the four Helm charts (base, istiod, cni, ztunnel). Istio tags its API module
 * `istio.io/api` with each release, and the test bed installs the CRDs of the same tag
 * (ISTIO_API_VERSION in testbed/versions.env), so bump both together.
 */
export const ISTIO_VERSION = '1.32.0';

/** Istio's Helm chart repository (HTTP), as the Istio install guide for Helm names it. */
export const ISTIO_CHART_REPOSITORY = 'https://istio-release.storage.googleapis.com/charts';

/**
 * Namespace of istiod, ztunnel and the Istio CNI node agent. It is also istiod's default root
 * namespace, where a PeerAuthentication without a selector applies to the whole mesh.
 */
export const MESH_NAMESPACE = 'istio-system';

/** Namespace label that enrols every pod of the namespace in the ambient data plane. */
export const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';
export const DATAPLANE_MODE_AMBIENT = 'ambient';

/** Sidecar injection label; a namespace that sets it is in sidecar mode, not ambient. */
export const SIDECAR_INJECTION_LABEL = 'istio-injection';

/**
 * TCP port of HBONE. ztunnel sends a pod's traffic to the destination pod's address on this
 * port, so a NetworkPolicy of an enrolled pod must allow it where it allows the app's port.
 */
export const HBONE_PORT = 15008;

/**
 * Source address of kubelet probes to an ambient pod. The Istio CNI agent SNATs them to this
 * link-local address so that ztunnel lets them through; NetworkPolicies then see this source.
 */
export const KUBELET_PROBE_SOURCE_CIDR = '169.254.7.127/32';

/**
 * Pod annotation (Istio 1.24 and later) that makes ztunnel capture only the pod's outbound
 * traffic, for a pod whose clients are all outside the mesh, such as the ingress controller
 * behind the ALB.
 */
export const BYPASS_INBOUND_CAPTURE_ANNOTATION = 'ambient.istio.io/bypass-inbound-capture';

/** Name of the namespace-wide PeerAuthentication, the name Istio's own examples use. */
export const PEER_AUTHENTICATION_NAME = 'default';

/** Pod Security labels of the mesh namespace, which runs privileged node agents. */
const PRIVILEGED_POD_SECURITY_LABELS = {
  'pod-security.kubernetes.io/enforce': 'privileged',
  'pod-security.kubernetes.io/enforce-version': 'latest',
};

/**
 * `security.istio.io/v1` PeerAuthentication, with the fields Kinko sets. A policy without a
 * selector covers its whole namespace, or the whole mesh in the root namespace.
 */
export interface PeerAuthentication {
  apiVersion: 'security.istio.io/v1';
  kind: 'PeerAuthentication';
  metadata: KubeObjectMeta;
  spec: { mtls: { mode: 'STRICT' } };
}

/** Labels that enrol a namespace in the ambient mesh. */
export function meshEnrolmentLabels(): Record<string, string> {
  return { [DATAPLANE_MODE_LABEL]: DATAPLANE_MODE_AMBIENT };
}

/** Builds the namespace-wide STRICT PeerAuthentication of `namespace`. */
export function buildStrictPeerAuthentication(
  namespace: string,
  labels: Readonly<Record<string, string>>,
): Manifest<PeerAuthentication> {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: { name: PEER_AUTHENTICATION_NAME, namespace, labels: { ...labels } },
    spec: { mtls: { mode: 'STRICT' } },
  };
}

/** Pod Security labels of the mesh namespace, shared by its manifest and its Argo CD sync. */
export function meshNamespaceLabels(): Record<string, string> {
  return { ...PRIVILEGED_POD_SECURITY_LABELS };
}

/**
 * Builds the mesh namespace. ztunnel and the Istio CNI agent are DaemonSets that change every
 * node's and every enrolled pod's network namespace, so Istio's charts run them as root with
 * added network capabilities (NET_ADMIN among them), the CNI agent privileged on the host
 * network. Pod Security `restricted` would reject both, so this platform namespace enforces `privileged`, and the two namespace rules
 * that hold system namespaces to a stricter standard are suppressed here with their reasons.
 * No business system runs here, and the RBAC of each system reaches only its own namespace.
 */
export function buildMeshNamespace(
  labels: Readonly<Record<string, string>>,
): Manifest<V1Namespace> {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: MESH_NAMESPACE,
      labels: { ...labels, ...meshNamespaceLabels() },
      annotations: {
        'suppress.kinko.dev/namespace-pod-security':
          'Istio ambient node agents (istio-cni privileged on the host network, ztunnel with added network capabilities) cannot run under the restricted profile; no business system runs in this namespace',
        'suppress.kinko.dev/namespace-default-deny':
          "istiod, ztunnel and istio-cni are installed by Istio's Helm charts, whose traffic (xDS on 15012, the webhook on 15017, the API server) Kinko has not yet verified NetworkPolicies against on a real cluster; a wrong deny here would stop mTLS for every enrolled pod",
      },
    },
  };
}

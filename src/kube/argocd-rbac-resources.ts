/**
 * The API resources that the Argo CD capability's RBAC names: the resource of a kind, and the
 * resources that its cluster-wide read covers.
 */

/** Kinds whose resource name the lowercase-plural rule below gets wrong. */
const IRREGULAR_RESOURCES: Readonly<Record<string, string>> = {
  Endpoints: 'endpoints',
};

/**
 * Returns the resource of `kind`: its lowercase plural, formed as Kubernetes forms the plural of a
 * kind that declares none (`-s`, `-es` after an `s`, `-ies` for a final `y`). Kubernetes kinds
 * and the CRDs that Kinko deploys follow that rule; the exceptions are listed above.
 */
export function resourceOfKind(kind: string): string {
  const irregular = IRREGULAR_RESOURCES[kind];
  if (irregular !== undefined) return irregular;
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** API group of an `apiVersion`: the part before `/`, or `''` for the core group (`v1`). */
export function groupOfApiVersion(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/**
 * Core-group resources that Argo CD reads cluster-wide for discovery and health: every core
 * resource of Kubernetes 1.37 that can be listed, except `secrets`, whose get, list and watch
 * all return the values. Subresources such as `pods/log` are left out too.
 */
export const CORE_READ_RESOURCES: readonly string[] = [
  'configmaps',
  'endpoints',
  'events',
  'limitranges',
  'namespaces',
  'nodes',
  'persistentvolumeclaims',
  'persistentvolumes',
  'pods',
  'podtemplates',
  'replicationcontrollers',
  'resourcequotas',
  'serviceaccounts',
  'services',
];

/**
 * Built-in API groups of Kubernetes 1.37 with listable resources. The review-only groups
 * (authentication.k8s.io, authorization.k8s.io) have nothing to read and are left out.
 */
export const BUILT_IN_READ_GROUPS: readonly string[] = [
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
];

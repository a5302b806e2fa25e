/**
 * Named predicates over an audit Event: the vocabulary detections are written in. Each is a
 * small pure function, so a detection's condition reads as a sentence and each predicate is
 * tested once.
 */
import { authorizationDecision, isDenied, targetObject, type AuditEvent } from './event.js';

const WRITE_VERBS = new Set(['create', 'update', 'patch']);
const DELETE_VERBS = new Set(['delete', 'deletecollection']);

/** Kinds whose spec embeds a pod template, with the path to the pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Resources that run pods: the pods themselves and every built-in workload controller. */
export const WORKLOAD_RESOURCES = [
  'pods',
  'deployments',
  'statefulsets',
  'daemonsets',
  'replicasets',
  'replicationcontrollers',
  'jobs',
  'cronjobs',
] as const;

export function hasVerb(event: AuditEvent, ...verbs: string[]): boolean {
  return verbs.includes(event.verb);
}

export function isCreate(event: AuditEvent): boolean {
  return event.verb === 'create';
}

/** create, update or patch. */
export function isWrite(event: AuditEvent): boolean {
  return WRITE_VERBS.has(event.verb);
}

/** delete or deletecollection. */
export function isDelete(event: AuditEvent): boolean {
  return DELETE_VERBS.has(event.verb);
}

/** The request addresses `resource` itself, not one of its subresources. */
export function targetsResource(event: AuditEvent, ...resources: string[]): boolean {
  const ref = event.objectRef;
  return ref?.resource !== undefined && resources.includes(ref.resource) && !ref.subresource;
}

/** The request addresses `resource/subresource` for one of `subresources`. */
export function targetsSubresource(
  event: AuditEvent,
  resource: string,
  ...subresources: string[]
): boolean {
  const ref = event.objectRef;
  return (
    ref?.resource === resource &&
    ref.subresource !== undefined &&
    subresources.includes(ref.subresource)
  );
}

/** The request addresses an API group; the core group is `''`. */
export function targetsApiGroup(event: AuditEvent, group: string): boolean {
  return (event.objectRef?.apiGroup ?? '') === group;
}

export function targetsNamespace(event: AuditEvent, ...namespaces: string[]): boolean {
  const namespace = event.objectRef?.namespace;
  return namespace !== undefined && namespaces.includes(namespace);
}

/** The identity the request acted as: the impersonated user when there is one. */
export function effectiveUser(event: AuditEvent): { username: string; groups: readonly string[] } {
  return event.impersonatedUser ?? event.user;
}

/**
 * Whether the acting user is part of the control plane or a node: `system:` users other than
 * anonymous, ServiceAccounts of kube-system, and the `eks:` users Amazon EKS runs its managed
 * components as. A ServiceAccount of any other namespace is a workload, not a component.
 */
export function userIsSystemComponent(event: AuditEvent): boolean {
  const { username } = effectiveUser(event);
  if (username === 'system:anonymous') return false;
  if (username.startsWith('system:serviceaccount:')) {
    return username.startsWith('system:serviceaccount:kube-system:');
  }
  return username.startsWith('system:') || username.startsWith('eks:');
}

/**
 * Whether the apiserver itself made the request: at every start it reconciles the built-in RBAC
 * policy (the cluster-admin ClusterRoleBinding among it) as this user.
 */
export function userIsApiserver(event: AuditEvent): boolean {
  return effectiveUser(event).username === 'system:apiserver';
}

export function userIsAnonymous(event: AuditEvent): boolean {
  const { username, groups } = effectiveUser(event);
  return username === 'system:anonymous' || groups.includes('system:unauthenticated');
}

export function userInGroup(event: AuditEvent, group: string): boolean {
  return effectiveUser(event).groups.includes(group);
}

/** The namespace of a ServiceAccount user `system:serviceaccount:<ns>:<name>`. */
export function serviceAccountNamespace(event: AuditEvent): string | undefined {
  const match = /^system:serviceaccount:([^:]+):[^:]+$/.exec(effectiveUser(event).username);
  return match?.[1];
}

/** The authorizer allowed the request and the response was not an authentication failure. */
export function isAllowed(event: AuditEvent): boolean {
  return authorizationDecision(event) === 'allow' && !isDenied(event);
}

export { isDenied };

/** A request for a URL outside the API's resources, such as /healthz or /version. */
export function isNonResourceRequest(event: AuditEvent): boolean {
  return event.objectRef === undefined;
}

/** The pod spec the request creates or changes, for a Pod or any workload with a template. */
export function podSpecOf(event: AuditEvent): Record<string, unknown> | undefined {
  const object = targetObject(event);
  const kind = object?.kind;
  if (typeof kind !== 'string') return undefined;
  const path = POD_SPEC_PATHS[kind];
  if (path === undefined) return undefined;
  let current: unknown = object;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current !== null && typeof current === 'object'
    ? (current as Record<string, unknown>)
    : undefined;
}

/** Containers of a pod spec: init, app and ephemeral containers alike. */
export function containersOf(spec: Record<string, unknown>): Record<string, unknown>[] {
  const all: Record<string, unknown>[] = [];
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    const list = spec[key];
    if (!Array.isArray(list)) continue;
    for (const container of list) {
      if (container !== null && typeof container === 'object') {
        all.push(container as Record<string, unknown>);
      }
    }
  }
  return all;
}

/** The RoleBinding's or ClusterRoleBinding's object, when the event carries it. */
export function bindingOf(
  event: AuditEvent,
):
  { roleRef?: { kind?: string; name?: string }; subjects?: Record<string, unknown>[] } | undefined {
  if (!targetsResource(event, 'rolebindings', 'clusterrolebindings')) return undefined;
  return targetObject(event) as
    | { roleRef?: { kind?: string; name?: string }; subjects?: Record<string, unknown>[] }
    | undefined;
}

/** The rules of a Role or ClusterRole the request creates or changes. */
export function roleRulesOf(event: AuditEvent): Record<string, unknown>[] | undefined {
  if (!targetsResource(event, 'roles', 'clusterroles')) return undefined;
  const rules = targetObject(event)?.rules;
  return Array.isArray(rules) ? (rules as Record<string, unknown>[]) : undefined;
}

/** The first source IP, which is the client's address unless a proxy forwarded the request. */
export function sourceIP(event: AuditEvent): string | undefined {
  return event.sourceIPs[0];
}

/** The object's name, falling back on the name in a created object's metadata. */
export function targetName(event: AuditEvent): string | undefined {
  if (event.objectRef?.name !== undefined) return event.objectRef.name;
  const metadata = targetObject(event)?.metadata;
  if (metadata === null || typeof metadata !== 'object') return undefined;
  const name = (metadata as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

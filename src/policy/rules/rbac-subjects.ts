/** How RBAC rules read the subjects of a RoleBinding or ClusterRoleBinding. */
import { arrayAt, isRecord, stringAt } from '../resource.js';

export interface Subject {
  readonly kind: string;
  readonly name: string;
  /** Namespace of a ServiceAccount subject; other kinds have none. */
  readonly namespace: string | undefined;
  readonly index: number;
}

export function subjectsOf(body: unknown): Subject[] {
  const subjects: Subject[] = [];
  arrayAt(body, 'subjects').forEach((subject, index) => {
    if (!isRecord(subject)) return;
    subjects.push({
      kind: stringAt(subject, 'kind') ?? '',
      name: stringAt(subject, 'name') ?? '',
      namespace: stringAt(subject, 'namespace'),
      index,
    });
  });
  return subjects;
}

/**
 * The namespace a subject belongs to, when its name or kind says so: a ServiceAccount, a
 * ServiceAccount's user name `system:serviceaccount:<namespace>:<name>`, or the group of a
 * namespace's ServiceAccounts `system:serviceaccounts:<namespace>`.
 */
export function namespaceOfSubject(subject: Subject, bindingNamespace: string): string | undefined {
  if (subject.kind === 'ServiceAccount') return subject.namespace ?? bindingNamespace;
  const user = /^system:serviceaccount:([^:]+):[^:]+$/.exec(subject.name);
  if (subject.kind === 'User' && user !== null) return user[1];
  const group = /^system:serviceaccounts:([^:]+)$/.exec(subject.name);
  if (subject.kind === 'Group' && group !== null) return group[1];
  return undefined;
}

export function describeSubject(subject: Subject): string {
  const namespace = subject.namespace !== undefined ? `${subject.namespace}/` : '';
  return `${subject.kind} ${namespace}${subject.name}`;
}

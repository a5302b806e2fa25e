/**
 * The Role and RoleBinding that give a system's administrators their rights inside the system's
 * namespace, and nowhere else (IAM authenticates them through an EKS access entry that maps
 * their role to `system.adminGroup`; this RBAC authorizes that group).
 */
import type { V1PolicyRule, V1Role, V1RoleBinding } from '@kubernetes/client-node';

import type { ResolvedSystem } from '../model/platform.js';
import type { Manifest } from './kube-object.js';
import { adminRoleName } from './names.js';

const READ = ['get', 'list', 'watch'];
const MANAGE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/**
 * The administrators' rules. Every verb and resource is named; none is a wildcard, so a CRD
 * installed later grants nothing until it is added here.
 *
 * What is left out, and why:
 * - `secrets`: get, list and watch all return the values, so there is no read-only view of a
 *   Secret. Secret values live in AWS Secrets Manager, where IAM decides who reads them and
 *   CloudTrail records each read; the pods receive them through the CSI volume, not a Secret.
 * - `pods/exec`, `pods/attach`, `pods/portforward`: a shell in a pod reads the mounted secrets
 *   and bypasses the NetworkPolicies, so interactive access is an audited break-glass step.
 * - roles, rolebindings and serviceaccounts beyond reading: changing them could widen these
 *   rights or rebind the pods' IAM role.
 * - networkpolicies and poddisruptionbudgets beyond reading: they carry the isolation and
 *   maintenance controls, which the platform team owns and Argo CD keeps in sync.
 */
export function adminPolicyRules(): V1PolicyRule[] {
  return [
    { apiGroups: ['apps'], resources: ['deployments', 'deployments/scale'], verbs: MANAGE },
    { apiGroups: ['apps'], resources: ['replicasets'], verbs: READ },
    { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch', 'delete'] },
    { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    { apiGroups: [''], resources: ['services', 'configmaps'], verbs: MANAGE },
    {
      apiGroups: [''],
      resources: ['events', 'persistentvolumeclaims', 'serviceaccounts'],
      verbs: READ,
    },
    { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: READ },
    { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: READ },
    { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: READ },
    {
      apiGroups: ['k8s.nginx.org'],
      resources: ['virtualservers', 'virtualserverroutes'],
      verbs: MANAGE,
    },
    {
      apiGroups: ['secrets-store.csi.x-k8s.io'],
      resources: ['secretproviderclasses'],
      verbs: MANAGE,
    },
  ];
}

export function buildAdminRole(
  system: ResolvedSystem,
  labels: Readonly<Record<string, string>>,
): Manifest<V1Role> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: adminRoleName(system), namespace: system.namespace, labels: { ...labels } },
    rules: adminPolicyRules(),
  };
}

export function buildAdminRoleBinding(
  system: ResolvedSystem,
  labels: Readonly<Record<string, string>>,
): Manifest<V1RoleBinding> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: adminRoleName(system), namespace: system.namespace, labels: { ...labels } },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: adminRoleName(system) },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: system.adminGroup }],
  };
}

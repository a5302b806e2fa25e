/**
 * The ValidatingWebhookConfiguration that sends workloads in system namespaces to the guard.
 *
 * Only the platform's system namespaces, selected by name, are intercepted, with
 * `failurePolicy: Fail`: when no guard replica responds, a create or update there is rejected
 * rather than admitted unchecked. Other namespaces are not sent to the guard at all. They hold
 * the cluster's add-ons (kube-system, cert-manager, the ingress controller), whose images come
 * from vendors' registries rather than the platform's ECR. A webhook there would reject them,
 * and with `Ignore` it would enforce only while the guard happens to be up. kube-system and the
 * guard's own namespace are excluded by name too, so a label put on them by mistake can never
 * make the guard's own restart depend on the guard.
 */
import type { V1ValidatingWebhookConfiguration } from '@kubernetes/client-node';

import type { ResolvedGuard } from '../../model/guard.js';
import type { Manifest } from '../kube-object.js';
import {
  GUARD_NAME,
  GUARD_SERVICE_PORT,
  GUARD_SERVING_CERTIFICATE,
  GUARD_VALIDATE_PATH,
  GUARD_WEBHOOK_NAME,
} from './names.js';

/** Label the apiserver sets on every namespace to its own name. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Kinds the rules judge, by API group and version, as resource names: the workloads, and the
 * system Namespaces and PeerAuthentications the mesh rules judge (S5). For a Namespace, the
 * apiserver matches the namespaceSelector against the Namespace's own labels, so only system
 * namespaces are sent.
 */
export const GUARD_RULES = [
  { apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], scope: 'Namespaced' },
  {
    apiGroups: ['apps'],
    apiVersions: ['v1'],
    resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'],
    scope: 'Namespaced',
  },
  {
    apiGroups: ['batch'],
    apiVersions: ['v1'],
    resources: ['jobs', 'cronjobs'],
    scope: 'Namespaced',
  },
  {
    apiGroups: ['argoproj.io'],
    apiVersions: ['v1alpha1'],
    resources: ['rollouts'],
    scope: 'Namespaced',
  },
  {
    apiGroups: ['security.istio.io'],
    apiVersions: ['v1', 'v1beta1'],
    resources: ['peerauthentications'],
    scope: 'Namespaced',
  },
  { apiGroups: [''], apiVersions: ['v1'], resources: ['namespaces'], scope: 'Cluster' },
] as const;

export function buildGuardWebhookConfiguration(
  guard: ResolvedGuard,
  labels: Readonly<Record<string, string>>,
): Manifest<V1ValidatingWebhookConfiguration> {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: {
      name: GUARD_NAME,
      labels: { ...labels },
      annotations: {
        'cert-manager.io/inject-ca-from': `${guard.namespace}/${GUARD_SERVING_CERTIFICATE}`,
      },
    },
    webhooks: [
      {
        name: GUARD_WEBHOOK_NAME,
        clientConfig: {
          service: {
            namespace: guard.namespace,
            name: GUARD_NAME,
            path: GUARD_VALIDATE_PATH,
            port: GUARD_SERVICE_PORT,
          },
        },
        rules: GUARD_RULES.map((rule) => ({
          apiGroups: [...rule.apiGroups],
          apiVersions: [...rule.apiVersions],
          resources: [...rule.resources],
          operations: ['CREATE', 'UPDATE'],
          scope: rule.scope,
        })),
        namespaceSelector: {
          matchExpressions: [
            // By name, not by the system label: removing a label in the same update that
            // breaks a rule must not take the namespace out of the guard's reach.
            {
              key: NAMESPACE_NAME_LABEL,
              operator: 'In',
              values: guard.systemGroups.map((entry) => entry.namespace),
            },
            {
              key: NAMESPACE_NAME_LABEL,
              operator: 'NotIn',
              values: ['kube-system', guard.namespace],
            },
          ],
        },
        failurePolicy: 'Fail',
        // A request for apps/v1beta2 or another version of the same kind is converted and sent.
        matchPolicy: 'Equivalent',
        sideEffects: 'None',
        timeoutSeconds: guard.timeoutSeconds,
        admissionReviewVersions: ['v1'],
      },
    ],
  };
}

/**
 * S1: the pod shares none of the node's namespaces. hostNetwork reaches every node-local service
 * and bypasses NetworkPolicy; hostPID sees and signals the node's processes; hostIPC reads the
 * node's shared memory. One rule per field, so each can be suppressed on its own.
 */
import { checkPod } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { celString, POD_SPEC } from '../cel/rule.js';

function hostNamespaceRule(id: string, field: 'hostNetwork' | 'hostPID' | 'hostIPC'): RuleUnit {
  return {
    id,
    scope: 'object',
    cel: {
      target: { scope: 'pod' },
      expression: () => `!has(${POD_SPEC}.${field}) || ${POD_SPEC}.${field} == false`,
      messageParams: () => ({ field: celString(field) }),
    },
    check: (resource) =>
      checkPod(resource, (pod) => {
        const value = pod.spec[field];
        if (value === undefined || value === null || value === false) return [];
        return [{ params: { field }, path: [...pod.specPath, field] }];
      }),
  };
}

export const noHostNetwork = hostNamespaceRule('no-host-network', 'hostNetwork');
export const noHostPid = hostNamespaceRule('no-host-pid', 'hostPID');
export const noHostIpc = hostNamespaceRule('no-host-ipc', 'hostIPC');

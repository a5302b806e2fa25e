/** S1: no hostPath volume, which exposes the node's filesystem to the pod. */
import { checkPod } from '../pod-rule.js';
import type { RuleUnit, Violation } from '../rule.js';
import { arrayAt, recordAt, stringAt } from '../resource.js';
import { POD_SPEC } from '../cel/rule.js';

export const noHostPath: RuleUnit = {
  id: 'no-host-path',
  scope: 'object',
  cel: {
    target: { scope: 'pod' },
    expression: () => `!has(${POD_SPEC}.volumes) || ${POD_SPEC}.volumes.all(v, !has(v.hostPath))`,
    messageParams: () => {
      const volumes = `${POD_SPEC}.volumes.filter(v, has(v.hostPath))`;
      return {
        volume: `${volumes}.map(v, v.name).join(', ')`,
        path: `${volumes}.map(v, v.hostPath.path).join(', ')`,
      };
    },
  },
  check: (resource) =>
    checkPod(resource, (pod) => {
      const violations: Violation[] = [];
      arrayAt(pod.spec, 'volumes').forEach((volume, index) => {
        const hostPath = recordAt(volume, 'hostPath');
        if (hostPath === undefined) return;
        violations.push({
          params: {
            volume: stringAt(volume, 'name') ?? `#${index}`,
            path: stringAt(hostPath, 'path') ?? '',
          },
          path: [...pod.specPath, 'volumes', index, 'hostPath'],
        });
      });
      return violations;
    }),
};

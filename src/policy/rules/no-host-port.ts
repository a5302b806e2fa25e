/**
 * S1: no container port binds a hostPort, which opens the port on the node's address outside any
 * Service and limits the pod to one per node.
 */
import { checkEachContainer } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { arrayAt, isRecord } from '../resource.js';
import { describeContainer } from '../workload.js';

export const noHostPort: RuleUnit = {
  id: 'no-host-port',
  scope: 'object',
  cel: {
    target: { scope: 'pod' },
    container: () => '!has(c.ports) || c.ports.all(p, !has(p.hostPort) || p.hostPort == 0)',
  },
  check: (resource) =>
    checkEachContainer(resource, (_pod, container) => {
      const ports = arrayAt(container.body, 'ports');
      const index = ports.findIndex(
        (port) =>
          isRecord(port) &&
          port['hostPort'] !== undefined &&
          port['hostPort'] !== null &&
          port['hostPort'] !== 0,
      );
      if (index < 0) return undefined;
      const port = ports[index] as Record<string, unknown>;
      return {
        params: { container: describeContainer(container), port: String(port['hostPort']) },
        path: [...container.path, 'ports', index, 'hostPort'],
      };
    }),
};

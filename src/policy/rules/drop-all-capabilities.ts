/**
 * S1: a container drops ALL capabilities and adds back none but NET_BIND_SERVICE, as the Pod
 * Security restricted profile requires. Names compare case-insensitively and with or without the
 * `CAP_` prefix, because container runtimes accept all of those spellings.
 */
import { checkEachContainer } from '../pod-rule.js';
import type { RuleUnit, Violation } from '../rule.js';
import { capabilityList, containerSecurityPath } from '../security-context.js';
import { describeContainer } from '../workload.js';
import { canonicalCapability } from '../cel/security-context.js';

const ALLOWED_ADDITIONS = new Set(['NET_BIND_SERVICE']);

export const dropAllCapabilities: RuleUnit = {
  id: 'drop-all-capabilities',
  scope: 'object',
  variants: ['added'],
  cel: {
    target: { scope: 'pod' },
    container: () => {
      const capabilities = 'c.securityContext.capabilities';
      const sets = (list: string): string =>
        `(has(c.securityContext) && has(${capabilities}) && has(${capabilities}.${list}))`;
      return (
        `${sets('drop')} && ${capabilities}.drop.exists(x, ${canonicalCapability('x')} == 'ALL')` +
        ` && (!${sets('add')} || ${capabilities}.add.all(x, ${canonicalCapability('x')} == 'NET_BIND_SERVICE'))`
      );
    },
  },
  check: (resource) =>
    checkEachContainer(resource, (_pod, container): Violation | undefined => {
      const capabilitiesPath = [...containerSecurityPath(container), 'capabilities'];
      const container_ = describeContainer(container);

      if (!capabilityList(container, 'drop').includes('ALL')) {
        return { params: { container: container_ }, path: capabilitiesPath };
      }
      const added = capabilityList(container, 'add').filter((name) => !ALLOWED_ADDITIONS.has(name));
      if (added.length > 0) {
        return {
          params: { container: container_, capabilities: added.join(', ') },
          path: [...capabilitiesPath, 'add'],
          variant: 'added',
        };
      }
      return undefined;
    }),
};

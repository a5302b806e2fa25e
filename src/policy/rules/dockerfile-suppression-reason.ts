/**
 * A `# kinko-suppress` comment in a Dockerfile names a registered rule, gives a reason and sits
 * directly above the instruction it suppresses. Otherwise it does not apply and is reported, so
 * an exception is never silently lost.
 */
import { dockerfileRule } from '../dockerfile/rule.js';
import { suppressionComments } from '../dockerfile/suppression.js';
import type { Violation } from '../rule.js';

export const dockerfileSuppressionReason = dockerfileRule({
  id: 'dockerfile-suppression-reason',
  variants: ['unknownRule', 'detached'],
  check: (dockerfile, { ruleIds }) => {
    const violations: Violation[] = [];
    for (const suppression of suppressionComments(dockerfile.syntax)) {
      const params = { rule: suppression.ruleId, comment: suppression.text };
      const path = ['comments', suppression.comment];
      if (!ruleIds.has(suppression.ruleId)) {
        violations.push({ params, path, variant: 'unknownRule' });
      } else if (suppression.reason === '') {
        violations.push({ params, path });
      } else if (suppression.instruction === undefined) {
        violations.push({ params, path, variant: 'detached' });
      }
    }
    return violations;
  },
});

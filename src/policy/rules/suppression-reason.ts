/**
 * A suppression annotation names a registered rule and gives a reason. A suppression without a
 * reason does not apply and is reported, so every exception an auditor reads is explained; one
 * that names no rule is reported as a likely typo.
 */
import { checkEachSuppression } from '../suppression.js';
import type { RuleUnit } from '../rule.js';

export const suppressionReason: RuleUnit = {
  id: 'suppression-reason',
  scope: 'object',
  variants: ['unknownRule'],
  check: (resource, { ruleIds }) =>
    checkEachSuppression(resource, (suppression) => {
      const params = { rule: suppression.ruleId, annotation: suppression.annotation };
      if (!ruleIds.has(suppression.ruleId)) {
        return { params, path: suppression.path, variant: 'unknownRule' };
      }
      if (suppression.reason === '') return { params, path: suppression.path };
      return undefined;
    }),
};

/**
 * A suppression annotation names a registered rule and gives a reason. A suppression without a
 * reason does not apply and is reported, so every exception an auditor reads is explained; one
 * that names no rule is reported as a likely typo.
 */
import { checkEachSuppression } from '../suppression.js';
import type { RuleUnit } from '../rule.js';
import { celString, celStringList } from '../cel/rule.js';
import { NON_BLANK } from '../cel/validation.js';
import { SUPPRESSION_PREFIX } from '../suppression.js';

export const suppressionReason: RuleUnit = {
  id: 'suppression-reason',
  scope: 'object',
  variants: ['unknownRule'],
  cel: {
    target: { scope: 'workload' },
    expression: ({ ruleIds }) => {
      const prefix = celString(SUPPRESSION_PREFIX);
      const explained = (annotations: string): string =>
        `(${celStringList([...ruleIds].sort())}.exists(id, k == ${prefix} + id) &&` +
        ` ${annotations}[k].matches(${celString(NON_BLANK)}))`;
      // An annotation on the object hides the pod template's annotation for the same rule.
      return (
        `variables.objectAnnotations.all(k, !k.startsWith(${prefix}) || ${explained('variables.objectAnnotations')}) &&` +
        ` variables.podAnnotations.all(k, !k.startsWith(${prefix}) || k in variables.objectAnnotations ||` +
        ` ${explained('variables.podAnnotations')})`
      );
    },
  },
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

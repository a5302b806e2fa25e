/**
 * S4: no Secret in the manifests carries values in `data` or `stringData`. Base64 is an encoding,
 * so such a manifest puts the secret in git. A Secret without values (one that a controller
 * fills, such as a service-account token) passes.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit, type Violation } from '../rule.js';
import { recordAt } from '../resource.js';

export const noSecretData: RuleUnit = {
  id: 'no-secret-data',
  scope: 'object',
  cel: {
    target: { scope: 'object', kinds: ['Secret'] },
    expression: () =>
      '(!has(object.data) || size(object.data) == 0) &&' +
      ' (!has(object.stringData) || size(object.stringData) == 0)',
    messageParams: () => ({
      field: "has(object.data) && size(object.data) > 0 ? 'data' : 'stringData'",
    }),
  },
  check: (resource) => {
    if (resource.kind !== 'Secret' || resource.apiVersion !== 'v1') return NOT_APPLICABLE;
    const violations: Violation[] = [];
    for (const field of ['data', 'stringData'] as const) {
      const values = recordAt(resource.body, field);
      if (values === undefined || Object.keys(values).length === 0) continue;
      violations.push({
        params: { field, keys: Object.keys(values).join(', ') },
        path: [field],
      });
    }
    return outcomeOf(violations);
  },
};

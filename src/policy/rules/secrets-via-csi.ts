/**
 * S4: pods read secrets through the Secrets Store CSI Driver (a `csi` volume whose
 * SecretProviderClass maps AWS Secrets Manager entries), not from Kubernetes Secrets through a
 * `secret` volume, `envFrom.secretRef` or `env[].valueFrom.secretKeyRef`.
 */
import { checkPod } from '../pod-rule.js';
import type { RuleUnit, Violation } from '../rule.js';
import { arrayAt, recordAt, stringAt } from '../resource.js';
import { containersOf, describeContainer } from '../workload.js';
import { everyContainer, POD_SPEC } from '../cel/rule.js';

export const secretsViaCsi: RuleUnit = {
  id: 'secrets-via-csi',
  scope: 'object',
  cel: {
    target: { scope: 'pod' },
    expression: () =>
      `(!has(${POD_SPEC}.volumes) || ${POD_SPEC}.volumes.all(v, !has(v.secret))) && ` +
      everyContainer(
        '(!has(c.envFrom) || c.envFrom.all(e, !has(e.secretRef)))' +
          ' && (!has(c.env) || c.env.all(e, !(has(e.valueFrom) && has(e.valueFrom.secretKeyRef))))',
      ),
  },
  check: (resource) =>
    checkPod(resource, (pod) => {
      const violations: Violation[] = [];

      arrayAt(pod.spec, 'volumes').forEach((volume, index) => {
        const secret = recordAt(volume, 'secret');
        if (secret === undefined) return;
        violations.push({
          params: {
            where: `volumes[${index}] "${stringAt(volume, 'name') ?? ''}"`,
            secret: stringAt(secret, 'secretName') ?? '',
          },
          path: [...pod.specPath, 'volumes', index, 'secret'],
        });
      });

      for (const container of containersOf(pod)) {
        arrayAt(container.body, 'envFrom').forEach((source, index) => {
          const secretRef = recordAt(source, 'secretRef');
          if (secretRef === undefined) return;
          violations.push({
            params: {
              where: `${describeContainer(container)} envFrom[${index}]`,
              secret: stringAt(secretRef, 'name') ?? '',
            },
            path: [...container.path, 'envFrom', index, 'secretRef'],
          });
        });
        arrayAt(container.body, 'env').forEach((variable, index) => {
          const secretKeyRef = recordAt(recordAt(variable, 'valueFrom'), 'secretKeyRef');
          if (secretKeyRef === undefined) return;
          violations.push({
            params: {
              where: `${describeContainer(container)} env "${stringAt(variable, 'name') ?? index}"`,
              secret: stringAt(secretKeyRef, 'name') ?? '',
            },
            path: [...container.path, 'env', index, 'valueFrom', 'secretKeyRef'],
          });
        });
      }
      return violations;
    }),
};

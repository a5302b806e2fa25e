/**
 * S3: every image comes from an allowed registry (the platform's ECR registries), where Kinko's
 * repositories scan on push and keep tags immutable. With no registry configured, every image
 * fails: the rule cannot tell a trusted registry from another, so it fails closed.
 */
import { checkEachContainer } from '../pod-rule.js';
import type { RuleUnit, Violation } from '../rule.js';
import { parseImageReference, registryAllows } from '../image.js';
import { stringAt } from '../resource.js';
import { describeContainer } from '../workload.js';
import { imageFromAllowedRegistry } from '../cel/image.js';

export const imageAllowedRegistry: RuleUnit = {
  id: 'image-allowed-registry',
  scope: 'object',
  variants: ['missing', 'noneAllowed'],
  cel: {
    target: { scope: 'pod' },
    container: ({ settings }) =>
      `has(c.image) && c.image.trim() != '' && ${imageFromAllowedRegistry('c.image', settings.allowedRegistries)}`,
  },
  check: (resource, { settings }) =>
    checkEachContainer(resource, (_pod, container): Violation | undefined => {
      const image = stringAt(container.body, 'image');
      const path = [...container.path, 'image'];
      const container_ = describeContainer(container);
      if (image === undefined || image.trim() === '') {
        return { params: { container: container_ }, path, variant: 'missing' };
      }
      const reference = parseImageReference(image);
      if (settings.allowedRegistries.some((allowed) => registryAllows(allowed, reference))) {
        return undefined;
      }
      return {
        params: {
          container: container_,
          image,
          registry: reference.host,
          allowed: settings.allowedRegistries.join(', '),
        },
        path,
        variant: settings.allowedRegistries.length === 0 ? 'noneAllowed' : undefined,
      };
    }),
};

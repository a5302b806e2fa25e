/**
 * S3: an image is pinned, by a sha256 digest or by a tag other than `latest`, so the scanned image
 * is the one that runs. A tag stays pinned only in a repository with immutable tags, which is how
 * Kinko creates its ECR repositories; the registry rule keeps images in those repositories.
 */
import { checkEachContainer } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { isValidDigest, parseImageReference } from '../image.js';
import { stringAt } from '../resource.js';
import { describeContainer } from '../workload.js';

export const imagePinned: RuleUnit = {
  id: 'image-pinned',
  scope: 'object',
  variants: ['badDigest'],
  cel: {
    target: { scope: 'pod' },
    container: () =>
      "!has(c.image) || c.image.trim() == '' || (c.image.contains('@')" +
      " ? c.image.substring(c.image.indexOf('@') + 1).matches('^sha256:[a-f0-9]{64}$')" +
      " : c.image.matches(':[^/:]+$') && !c.image.endsWith(':latest'))",
  },
  check: (resource) =>
    checkEachContainer(resource, (_pod, container) => {
      const image = stringAt(container.body, 'image');
      if (image === undefined || image.trim() === '') return undefined;
      const reference = parseImageReference(image);
      const params = { container: describeContainer(container), image };
      const path = [...container.path, 'image'];

      if (reference.digest !== undefined) {
        return isValidDigest(reference.digest) ? undefined : { params, path, variant: 'badDigest' };
      }
      if (reference.tag === undefined || reference.tag === '' || reference.tag === 'latest') {
        return { params, path };
      }
      return undefined;
    }),
};

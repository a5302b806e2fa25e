/**
 * `kinko nodes pin`: reads the latest release for every node group placement of the platform from
 * SSM and returns the new record, with each change as old → new.
 */
import type { ResolvedPlatform } from '../../model/platform.js';
import { KinkoError } from '../../errors.js';
import type { ReleaseCatalog } from './latest.js';
import {
  findPinnedRelease,
  releaseNeeds,
  type NodeReleaseRecord,
  type PinnedRelease,
} from './record.js';
import { NODES_FAILED } from './release.js';

export interface PinChange {
  readonly release: PinnedRelease;
  /** Release recorded before, if any. */
  readonly previous?: string;
}

export interface PinOptions {
  readonly platform: ResolvedPlatform;
  /** Returns the release catalogue of a region. */
  readonly catalogFor: (region: string) => ReleaseCatalog;
  readonly previous?: NodeReleaseRecord;
  /** UTC date of the lookup, YYYY-MM-DD. */
  readonly today: string;
}

export async function pinReleases(options: PinOptions): Promise<PinChange[]> {
  const changes: PinChange[] = [];
  for (const need of releaseNeeds(options.platform)) {
    const lookup = await options
      .catalogFor(need.region)
      .latest(need.kubernetesVersion, need.amiType);
    if (!lookup.found) {
      throw new KinkoError(
        NODES_FAILED,
        'user',
        { messageId: 'nodes.pin.failed', params: { ...need } },
        [{ messageId: lookup.reason.messageId, params: lookup.reason.params }],
      );
    }
    const old = findPinnedRelease(options.previous?.releases ?? [], need);
    changes.push({
      release: {
        ...need,
        releaseVersion: lookup.latest.release.text,
        parameter: lookup.latest.parameter,
        lookedUpAt: options.today,
      },
      ...(old !== undefined ? { previous: old.releaseVersion } : {}),
    });
  }
  return changes;
}

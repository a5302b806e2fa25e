/**
 * Reads the latest EKS-optimized AMI releases from the public SSM parameters of one region, and
 * maps an AMI id back to its release. Each lookup runs once per Kubernetes version and AMI type.
 */
import {
  GetParametersCommand,
  paginateGetParametersByPath,
  type SSMClient,
} from '@aws-sdk/client-ssm';

import { KinkoError } from '../../errors.js';
import type { MessageParams } from '../../i18n/catalog.js';
import { awsErrorText } from '../bluegreen/aws.js';
import { recommendedPath, releasesPath } from './ami-types.js';
import { badResponseOf, endpointOf } from './aws.js';
import {
  invalidRelease,
  NODES_FAILED,
  tryParseRelease,
  versionMismatch,
  type AmiRelease,
} from './release.js';

/** Reason that a release could not be determined, as a catalogue message. */
export interface UnknownReason {
  readonly messageId: string;
  readonly params: MessageParams;
}

export interface LatestRelease {
  readonly release: AmiRelease;
  /** Name of the SSM parameter the release was read from. */
  readonly parameter: string;
  /** AMI id of the latest release in this region, when SSM publishes `image_id`. */
  readonly imageId?: string;
}

export type LatestLookup =
  | { readonly found: true; readonly latest: LatestRelease }
  | { readonly found: false; readonly reason: UnknownReason };

export class ReleaseCatalog {
  private readonly latestCache = new Map<string, Promise<LatestLookup>>();
  private readonly imageCache = new Map<string, Promise<ReadonlyMap<string, string>>>();

  constructor(
    private readonly ssm: SSMClient,
    readonly region: string,
  ) {}

  /**
   * Returns the latest release for a Kubernetes version and AMI type. A missing parameter, an AMI
   * type without one, or a malformed value is returned as a reason. An SSM failure (unreachable
   * endpoint, denied request) throws, because every later lookup would fail the same way.
   */
  latest(kubernetesVersion: string, amiType: string): Promise<LatestLookup> {
    const key = `${kubernetesVersion} ${amiType}`;
    let lookup = this.latestCache.get(key);
    if (lookup === undefined) {
      lookup = this.readLatest(kubernetesVersion, amiType);
      this.latestCache.set(key, lookup);
    }
    return lookup;
  }

  /**
   * Returns the release string of AMI `imageId`, found among the per-release parameters that SSM
   * lists under the AMI type's path, or undefined when no listed release has that AMI id.
   */
  async releaseOfImage(
    kubernetesVersion: string,
    amiType: string,
    imageId: string,
  ): Promise<string | undefined> {
    const path = releasesPath(kubernetesVersion, amiType);
    if (path === undefined) return undefined;
    let images = this.imageCache.get(path);
    if (images === undefined) {
      images = this.listImages(path);
      this.imageCache.set(path, images);
    }
    return (await images).get(imageId);
  }

  private async readLatest(kubernetesVersion: string, amiType: string): Promise<LatestLookup> {
    const parent = recommendedPath(kubernetesVersion, amiType);
    if (parent === undefined) {
      return {
        found: false,
        reason: { messageId: 'nodes.reason.amiTypeUnchecked', params: { amiType } },
      };
    }
    const releaseName = `${parent}/release_version`;
    const imageName = `${parent}/image_id`;

    let values: Map<string, string>;
    try {
      const output = await this.ssm.send(
        new GetParametersCommand({ Names: [releaseName, imageName] }),
      );
      values = new Map(
        (output.Parameters ?? []).map((parameter) => [parameter.Name ?? '', parameter.Value ?? '']),
      );
    } catch (error) {
      throw await this.failure(error, 'GetParameters', releaseName);
    }

    const text = values.get(releaseName);
    if (text === undefined) {
      return {
        found: false,
        reason: {
          messageId: 'nodes.reason.parameterMissing',
          params: { parameter: releaseName, region: this.region },
        },
      };
    }
    const source = `SSM ${releaseName} (${this.region})`;
    const release = tryParseRelease(text);
    if (release === undefined) return { found: false, reason: invalidRelease(text, source) };
    const mismatch = versionMismatch(release, kubernetesVersion, source);
    if (mismatch !== undefined) return { found: false, reason: mismatch };
    const imageId = values.get(imageName);
    return {
      found: true,
      latest: { release, parameter: releaseName, ...(imageId !== undefined ? { imageId } : {}) },
    };
  }

  /**
   * Lists `image_id` → `release_version` over every parameter folder under `path` that contains both,
   * `recommended/` included.
   */
  private async listImages(path: string): Promise<ReadonlyMap<string, string>> {
    // NOTE: this relies on each release having its own folder of image_id and release_version
    // parameters under the AMI type's path. Where SSM lists none, nodes on an older AMI are
    // reported as unknown, never as current.
    const folders = new Map<string, { imageId?: string; release?: string }>();
    try {
      for await (const page of paginateGetParametersByPath(
        { client: this.ssm },
        { Path: path, Recursive: true },
      )) {
        for (const parameter of page.Parameters ?? []) {
          const name = parameter.Name ?? '';
          const slash = name.lastIndexOf('/');
          const folder = folders.get(name.slice(0, slash)) ?? {};
          const leaf = name.slice(slash + 1);
          if (leaf === 'image_id') folder.imageId = parameter.Value;
          if (leaf === 'release_version') folder.release = parameter.Value;
          folders.set(name.slice(0, slash), folder);
        }
      }
    } catch (error) {
      throw await this.failure(error, 'GetParametersByPath', `${path}/*`);
    }

    const images = new Map<string, string>();
    for (const folder of folders.values()) {
      if (folder.imageId !== undefined && folder.release !== undefined) {
        images.set(folder.imageId, folder.release);
      }
    }
    return images;
  }

  /** Wraps an SSM failure, and names the endpoint and request when the response could not be parsed. */
  private async failure(error: unknown, request: string, parameter: string): Promise<KinkoError> {
    const bad = badResponseOf(error);
    if (bad !== undefined) {
      return new KinkoError(NODES_FAILED, 'user', {
        messageId: 'nodes.ssm.badResponse',
        params: {
          request,
          parameter,
          region: this.region,
          endpoint: await endpointOf(this.ssm, 'ssm', this.region),
          ...bad,
        },
      });
    }
    return new KinkoError(NODES_FAILED, 'user', {
      messageId: 'nodes.ssm.failed',
      params: { parameter, region: this.region, reason: awsErrorText(error) },
    });
  }
}

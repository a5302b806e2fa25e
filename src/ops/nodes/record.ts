/**
 * The recorded release lookup, `node-releases.json` next to platform.yaml: the latest EKS-optimized
 * AMI release per region, Kubernetes version and AMI type, as `kinko nodes pin` read it from SSM.
 * `kinko synth` pins node groups from this file and sends no request itself, so two syntheses of
 * the same files give the same templates (the way cdk.context.json records CDK's lookups).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { z } from 'zod';

import { KinkoError } from '../../errors.js';
import type { ResolvedPlatform } from '../../model/platform.js';
import { NODES_FAILED, parseRelease } from './release.js';

export const NODE_RELEASES_FILE = 'node-releases.json';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const pinnedReleaseSchema = z.strictObject({
  region: z.string().min(1),
  kubernetesVersion: z.string().regex(/^\d+\.\d+$/),
  amiType: z.string().min(1),
  /** Checked by parseRelease after parsing, so the error shows the value. */
  releaseVersion: z.string(),
  /** SSM parameter the release was read from. */
  parameter: z.string().min(1),
  /** UTC date of the lookup, YYYY-MM-DD. */
  lookedUpAt: z.string().regex(DATE),
});

const recordSchema = z.strictObject({
  releases: z.array(pinnedReleaseSchema),
});

export type PinnedRelease = z.infer<typeof pinnedReleaseSchema>;
export type NodeReleaseRecord = z.infer<typeof recordSchema>;

/** One node group placement that needs a pinned release: a cluster in a region. */
export interface ReleaseNeed {
  readonly region: string;
  readonly kubernetesVersion: string;
  readonly amiType: string;
}

/** Returns the record file that belongs to a platform.yaml. */
export function recordPathFor(configFile: string): string {
  return join(dirname(configFile), NODE_RELEASES_FILE);
}

/** Reads a record file. Returns undefined when there is none, and throws on an invalid one. */
export function readRecord(path: string): NodeReleaseRecord | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw invalidRecord(path, error instanceof Error ? error.message : String(error));
  }
  const result = recordSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw invalidRecord(path, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  result.data.releases.forEach((release, index) =>
    parseRelease(release.releaseVersion, `${path} releases[${index}].releaseVersion`),
  );
  return result.data;
}

/** Writes the record through a temporary file and a rename, sorted so diffs stay small. */
export function writeRecord(path: string, record: NodeReleaseRecord): void {
  const releases = [...record.releases].sort(
    (a, b) =>
      a.region.localeCompare(b.region) ||
      a.kubernetesVersion.localeCompare(b.kubernetesVersion, undefined, { numeric: true }) ||
      a.amiType.localeCompare(b.amiType),
  );
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify({ releases }, null, 2)}\n`);
  renameSync(temporary, path);
}

/**
 * Lists the region, Kubernetes version and AMI type of every node group the platform synthesizes:
 * each cluster in the primary region, and the live cluster's copy in the DR region.
 */
export function releaseNeeds(platform: ResolvedPlatform): ReleaseNeed[] {
  const placements = platform.clusters.map((cluster) => ({
    region: platform.primary.region,
    cluster,
  }));
  const dr = platform.disasterRecovery;
  if (dr !== undefined) placements.push({ region: dr.region.region, cluster: dr.cluster });

  const needs = new Map<string, ReleaseNeed>();
  for (const { region, cluster } of placements) {
    for (const group of cluster.nodeGroups) {
      const need = { region, kubernetesVersion: cluster.version, amiType: group.amiType };
      needs.set(releaseKey(need), need);
    }
  }
  return [...needs.values()];
}

/** Returns the recorded release for a need, if any. */
export function findPinnedRelease(
  releases: readonly PinnedRelease[],
  need: ReleaseNeed,
): PinnedRelease | undefined {
  return releases.find((release) => releaseKey(release) === releaseKey(need));
}

function releaseKey(need: ReleaseNeed): string {
  return `${need.region} ${need.kubernetesVersion} ${need.amiType}`;
}

function invalidRecord(path: string, reason: string): KinkoError {
  return new KinkoError(NODES_FAILED, 'user', {
    messageId: 'nodes.record.invalid',
    params: { file: path, reason },
  });
}

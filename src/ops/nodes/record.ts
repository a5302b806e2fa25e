/**
 * The recorded release lookup, `node-releases.json` next to platform.yaml: the latest EKS-optimized
 * AMI release per region, Kubernetes version and AMI type, as `kinko nodes pin` read it from SSM.
 * `kinko synth` pins node groups from this file and sends no request itself, so two syntheses of
 * the same files give the same templates (the way cdk.context.json records CDK's lookups).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { z } from 'zod';

import { KinkoError, type Problem } from '../../errors.js';
import type { ResolvedPlatform } from '../../model/platform.js';
import { recommendedPath } from './ami-types.js';
import { invalidRelease, NODES_FAILED, tryParseRelease, versionMismatch } from './release.js';

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

/**
 * Reads a record file, or returns undefined when there is none. It throws on an invalid file: a
 * field of the wrong form, a release of another Kubernetes version than its entry, a parameter
 * other than the entry's public EKS-optimized AMI parameter, or two entries for one placement.
 */
export function readRecord(path: string): NodeReleaseRecord | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new KinkoError(NODES_FAILED, 'user', {
      messageId: 'nodes.record.invalid',
      params: { file: path, reason: error instanceof Error ? error.message : String(error) },
    });
  }
  const result = recordSchema.safeParse(parsed);
  const problems = result.success
    ? entryProblems(path, result.data)
    : result.error.issues.map((issue) => schemaProblem(path, issue, parsed));
  const [first] = problems;
  if (first === undefined) return result.success ? result.data : undefined;
  if (problems.length === 1) throw new KinkoError(NODES_FAILED, 'user', first);
  throw new KinkoError(
    NODES_FAILED,
    'user',
    { messageId: 'nodes.record.problems', params: { file: path, count: problems.length } },
    problems,
  );
}

/** Checks each entry's release and parameter against its placement, and that no placement repeats. */
function entryProblems(file: string, record: NodeReleaseRecord): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  record.releases.forEach((entry, index) => {
    const at = `releases[${index}]`;
    const source = `${file} ${at}.releaseVersion`;
    const release = tryParseRelease(entry.releaseVersion);
    if (release === undefined) {
      problems.push(invalidRelease(entry.releaseVersion, source));
    } else {
      const mismatch = versionMismatch(release, entry.kubernetesVersion, source);
      if (mismatch !== undefined) problems.push(mismatch);
    }

    const parent = recommendedPath(entry.kubernetesVersion, entry.amiType);
    const expected = parent === undefined ? undefined : `${parent}/release_version`;
    if (entry.parameter !== expected) {
      problems.push({
        messageId: expected === undefined ? 'nodes.record.amiType' : 'nodes.record.parameter',
        params: {
          file,
          path: `${at}.${expected === undefined ? 'amiType' : 'parameter'}`,
          value: expected === undefined ? entry.amiType : entry.parameter,
          expected: expected ?? '',
        },
      });
    }

    const key = releaseKey(entry);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, index);
    } else {
      problems.push({
        messageId: 'nodes.record.duplicate',
        params: {
          file,
          path: at,
          first: `releases[${earlier}]`,
          region: entry.region,
          version: entry.kubernetesVersion,
          amiType: entry.amiType,
        },
      });
    }
  });
  return problems;
}

/** The value each formatted field expects, in both languages. */
const FIELD_FORMATS: Readonly<Record<string, { en: string; ja: string }>> = {
  kubernetesVersion: {
    en: 'MAJOR.MINOR, for example "1.36"',
    ja: 'MAJOR.MINOR 形式（例: "1.36"）',
  },
  lookedUpAt: { en: 'a date YYYY-MM-DD', ja: 'YYYY-MM-DD 形式の日付' },
};

/** Japanese names of the JSON types a field can expect. */
const TYPE_NAMES_JA: Readonly<Record<string, string>> = {
  string: '文字列',
  object: 'オブジェクト',
  array: '配列',
};

/** Turns one zod issue into a catalogue problem, so the reason reads in the user's language. */
function schemaProblem(file: string, issue: z.core.$ZodIssue, data: unknown): Problem {
  const segments = issue.path.filter(
    (segment): segment is string | number => typeof segment !== 'symbol',
  );
  let input: unknown = data;
  for (const segment of segments) {
    input =
      input !== null && typeof input === 'object'
        ? (input as Record<string | number, unknown>)[segment]
        : undefined;
  }
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  const field = String(segments[segments.length - 1] ?? '');
  if (issue.code === 'unrecognized_keys') {
    return {
      messageId: 'nodes.record.unknownKey',
      params: { file, path, keys: issue.keys.join(', ') },
    };
  }
  if (issue.code === 'invalid_type') {
    if (input === undefined) {
      return { messageId: 'nodes.record.missing', params: { file, path } };
    }
    return {
      messageId: 'nodes.record.wrongType',
      params: {
        file,
        path,
        expected: issue.expected,
        expectedJa: TYPE_NAMES_JA[issue.expected] ?? issue.expected,
      },
    };
  }
  const format = FIELD_FORMATS[field];
  return {
    messageId: 'nodes.record.badValue',
    params: {
      file,
      path,
      value: JSON.stringify(input) ?? '',
      expected: format?.en ?? 'a non-empty string',
      expectedJa: format?.ja ?? '空でない文字列',
    },
  };
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

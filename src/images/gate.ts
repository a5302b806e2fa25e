/**
 * The operation behind `kinko images`: collect the images the manifests reference, read each
 * one's ECR scan, and judge it. The CLI only parses options and prints.
 */
import { ECRClient } from '@aws-sdk/client-ecr';

import type { AwsSettings } from '../ops/bluegreen/aws.js';
import type { InputProblem } from '../policy/input/parse.js';
import { collectImages, type ReferencedImage } from './collect.js';
import { locateInEcr } from './ecr-location.js';
import {
  evaluateImage,
  outsideRegistries,
  type EvaluationSettings,
  type ImageResult,
} from './evaluate.js';
import { isInForce, type ImageException } from './exceptions.js';
import { readImageScan } from './scan.js';
import type { RankedSeverity } from './severity.js';

/** Images read at once: enough to overlap ECR round trips, few enough to stay under API rate limits. */
const CONCURRENT_IMAGES = 4;

export interface ImageGateOptions extends EvaluationSettings {
  readonly paths: readonly string[];
  /** The platform's ECR registry hosts, one per region. */
  readonly registries: readonly string[];
  readonly aws: AwsSettings;
  readonly readStdin?: () => string;
}

export interface ImageGateResult {
  readonly failOn: RankedSeverity;
  readonly files: number;
  readonly objects: number;
  readonly images: readonly ImageResult[];
  /**
   * Exceptions in force that accepted no finding of these manifests: candidates for removal once
   * every image that needed them is fixed. Empty when an input could not be read.
   */
  readonly unusedExceptions: readonly ImageException[];
  readonly problems: readonly InputProblem[];
}

/** Exit codes of `kinko images`, the same convention as `kinko check`. */
export const IMAGES_EXIT = { pass: 0, failed: 1, input: 2 } as const;

export function imagesExitCode(result: ImageGateResult): number {
  if (result.problems.length > 0) return IMAGES_EXIT.input;
  return result.images.some((image) => image.verdict === 'fail')
    ? IMAGES_EXIT.failed
    : IMAGES_EXIT.pass;
}

function ecrClientFor(region: string, aws: AwsSettings): ECRClient {
  return new ECRClient({
    ...aws.clientConfig,
    region,
    ...(aws.endpoint !== undefined ? { endpoint: aws.endpoint } : {}),
  });
}

async function judge(
  referenced: ReferencedImage,
  options: ImageGateOptions,
  clients: Map<string, ECRClient>,
): Promise<ImageResult> {
  const located = locateInEcr(referenced.image, options.registries);
  if (!located.found) return outsideRegistries(referenced, options.registries.join(', '));

  const { region } = located.image;
  let client = clients.get(region);
  if (client === undefined) {
    client = ecrClientFor(region, options.aws);
    clients.set(region, client);
  }
  const scan = await readImageScan(client, located.image);
  return evaluateImage(referenced, located.image, scan, options);
}

export async function runImageGate(options: ImageGateOptions): Promise<ImageGateResult> {
  const collected = collectImages(options.paths, options.readStdin);
  const clients = new Map<string, ECRClient>();
  const results: ImageResult[] = new Array<ImageResult>(collected.images.length);

  // Skip the registry when an input could not be read: the exit code is then 2 whatever the scans.
  if (collected.problems.length === 0) {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < collected.images.length) {
        const index = next++;
        const referenced = collected.images[index];
        if (referenced !== undefined) results[index] = await judge(referenced, options, clients);
      }
    };
    try {
      await Promise.all(Array.from({ length: CONCURRENT_IMAGES }, worker));
    } finally {
      for (const client of clients.values()) client.destroy();
    }
  }

  const judged = collected.problems.length === 0;
  return {
    failOn: options.failOn,
    files: collected.files.length,
    objects: collected.objects,
    images: judged ? results : [],
    unusedExceptions: judged ? unusedExceptions(options, results) : [],
    problems: collected.problems,
  };
}

/** Build the key of an exception: entries with the same finding, repository and expiry are one. */
function exceptionKey(
  exception: Pick<ImageException, 'finding' | 'repository' | 'expires'>,
): string {
  return [exception.finding, exception.repository ?? '', exception.expires].join('\n');
}

function unusedExceptions(
  options: ImageGateOptions,
  results: readonly ImageResult[],
): ImageException[] {
  const used = new Set(
    results.flatMap((result) => result.exceptionsApplied.map((use) => exceptionKey(use))),
  );
  return options.exceptions.filter(
    (exception) => isInForce(exception, options.today) && !used.has(exceptionKey(exception)),
  );
}

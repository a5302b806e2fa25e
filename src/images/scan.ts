/**
 * Reads one image's scan from Amazon ECR: the tag resolved to a digest through DescribeImages,
 * then every page of DescribeImageScanFindings, basic findings and enhanced (Amazon Inspector)
 * findings alike. Anything that leaves the scan unknown is returned as a closed result, which the
 * gate fails.
 */
import {
  DescribeImagesCommand,
  paginateDescribeImageScanFindings,
  type ECRClient,
  type EnhancedImageScanFinding,
  type ImageScanFinding,
} from '@aws-sdk/client-ecr';

import { awsErrorText } from '../ops/bluegreen/aws.js';
import type { EcrImage } from './ecr-location.js';
import { reportedSeverity, type ReportedSeverity } from './severity.js';

/**
 * Scan statuses whose findings are final enough to judge: COMPLETE for basic scanning, ACTIVE
 * for enhanced scanning, which rescans continuously. Every other status (IN_PROGRESS, PENDING,
 * FAILED, UNSUPPORTED_IMAGE, FINDINGS_UNAVAILABLE, SCAN_ELIGIBILITY_EXPIRED, LIMIT_EXCEEDED,
 * IMAGE_ARCHIVED and any added later) fails closed.
 */
export const EVALUATED_SCAN_STATUSES: readonly string[] = ['COMPLETE', 'ACTIVE'];

export interface ScanFinding {
  /** CVE or other vulnerability id; the finding's name or ARN when the scan gives no id. */
  readonly id: string;
  readonly severity: ReportedSeverity;
  readonly packageName?: string;
  readonly packageVersion?: string;
  /** `basic` for `findings`, `enhanced` for `enhancedFindings`. */
  readonly source: 'basic' | 'enhanced';
}

/** Reason an image could not be judged; every reason fails the gate. */
export type ClosedCode =
  'repository-not-found' | 'image-not-found' | 'scan-not-found' | 'scan-status' | 'aws-error';

export type ScanRead =
  | {
      readonly evaluated: true;
      readonly digest: string;
      readonly status: string;
      readonly findings: readonly ScanFinding[];
    }
  | {
      readonly evaluated: false;
      readonly digest?: string;
      readonly code: ClosedCode;
      /** Scan status for `scan-status`, the AWS error text for `aws-error`. */
      readonly detail: string;
    };

function attribute(finding: ImageScanFinding, key: string): string | undefined {
  return finding.attributes?.find((entry) => entry.key === key)?.value;
}

function basicFinding(finding: ImageScanFinding): ScanFinding {
  const packageName = attribute(finding, 'package_name');
  const packageVersion = attribute(finding, 'package_version');
  return {
    id: finding.name ?? 'unknown',
    severity: reportedSeverity(finding.severity),
    ...(packageName !== undefined ? { packageName } : {}),
    ...(packageVersion !== undefined ? { packageVersion } : {}),
    source: 'basic',
  };
}

function enhancedFinding(finding: EnhancedImageScanFinding): ScanFinding {
  const details = finding.packageVulnerabilityDetails;
  const affected = details?.vulnerablePackages?.[0];
  return {
    id: details?.vulnerabilityId ?? finding.title ?? finding.findingArn ?? 'unknown',
    severity: reportedSeverity(finding.severity),
    ...(affected?.name !== undefined ? { packageName: affected.name } : {}),
    ...(affected?.version !== undefined ? { packageVersion: affected.version } : {}),
    source: 'enhanced',
  };
}

function closedByError(error: unknown, digest?: string): ScanRead {
  const name = error instanceof Error ? error.name : '';
  const code: ClosedCode =
    name === 'RepositoryNotFoundException'
      ? 'repository-not-found'
      : name === 'ImageNotFoundException'
        ? 'image-not-found'
        : name === 'ScanNotFoundException'
          ? 'scan-not-found'
          : 'aws-error';
  return {
    evaluated: false,
    ...(digest !== undefined ? { digest } : {}),
    code,
    detail: awsErrorText(error),
  };
}

/** Look the image up with DescribeImages and return its digest, or undefined when ECR returns none. */
async function resolveDigest(client: ECRClient, image: EcrImage): Promise<string | undefined> {
  // NOTE: a tag of a multi-architecture image resolves to the image index's digest, and the gate
  // reads the index's own scan. How ECR reports the scan of an index is untested (moto has no
  // image indexes), so such an image may fail closed until its per-platform digest is referenced.
  const imageId =
    image.digest !== undefined ? { imageDigest: image.digest } : { imageTag: image.tag };
  const described = await client.send(
    new DescribeImagesCommand({
      registryId: image.registryId,
      repositoryName: image.repository,
      imageIds: [imageId],
    }),
  );
  return described.imageDetails?.[0]?.imageDigest;
}

/** Resolve the image's digest and read its whole scan. An AWS error becomes a closed result. */
export async function readImageScan(client: ECRClient, image: EcrImage): Promise<ScanRead> {
  let digest: string | undefined;
  try {
    digest = await resolveDigest(client, image);
  } catch (error) {
    return closedByError(error);
  }
  if (digest === undefined) {
    return {
      evaluated: false,
      code: 'image-not-found',
      detail: 'DescribeImages returned no image',
    };
  }

  const findings: ScanFinding[] = [];
  let status: string | undefined;
  try {
    const pages = paginateDescribeImageScanFindings(
      { client },
      {
        registryId: image.registryId,
        repositoryName: image.repository,
        imageId: { imageDigest: digest },
      },
    );
    for await (const page of pages) {
      // Every page repeats the status; a scan that restarts between pages shows up on the last.
      status = page.imageScanStatus?.status ?? 'UNKNOWN';
      if (!EVALUATED_SCAN_STATUSES.includes(status)) {
        return { evaluated: false, digest, code: 'scan-status', detail: status };
      }
      findings.push(...(page.imageScanFindings?.findings ?? []).map(basicFinding));
      // CLOSED enhanced findings are fixed in this image; SUPPRESSED ones still count, because
      // only platform.yaml exceptions, with their reason and expiry, accept a finding.
      const enhanced = (page.imageScanFindings?.enhancedFindings ?? []).filter(
        (finding) => finding.status !== 'CLOSED',
      );
      findings.push(...enhanced.map(enhancedFinding));
    }
  } catch (error) {
    return closedByError(error, digest);
  }
  if (status === undefined) {
    return { evaluated: false, digest, code: 'scan-status', detail: 'UNKNOWN' };
  }
  return { evaluated: true, digest, status, findings };
}

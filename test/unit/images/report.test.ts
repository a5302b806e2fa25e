import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ImageResult } from '../../../src/images/evaluate.js';
import type { ImageGateResult } from '../../../src/images/gate.js';
import { imagesExitCode } from '../../../src/images/gate.js';
import { formatImagesJson } from '../../../src/images/report/json.js';
import { formatImagesSarif } from '../../../src/images/report/sarif.js';
import { formatImagesText } from '../../../src/images/report/text.js';
import { emptyCounts } from '../../../src/images/severity.js';

const REGISTRY = '111122223333.dkr.ecr.ap-northeast-1.amazonaws.com';
const DIGEST = `sha256:${'c'.repeat(64)}`;
const USE = {
  object: 'Deployment a/api',
  container: 'containers[0] "api"',
  location: { file: 'out/a/api.yaml', line: 21, column: 11 },
};

const BLOCKED: ImageResult = {
  image: `${REGISTRY}/a/api:1.0`,
  verdict: 'fail',
  registryId: '111122223333',
  region: 'ap-northeast-1',
  repository: 'a/api',
  digest: DIGEST,
  scanStatus: 'ACTIVE',
  counts: { ...emptyCounts(), CRITICAL: 2 },
  blocking: [
    {
      id: 'CVE-2026-1',
      severity: 'CRITICAL',
      packageName: 'openssl',
      packageVersion: '3.0.1',
      source: 'enhanced',
    },
  ],
  exceptionsApplied: [
    {
      finding: 'CVE-2026-2',
      severity: 'CRITICAL',
      reason: 'not reachable from any request',
      expires: '2027-01-31',
    },
  ],
  exceptionsExpired: [],
  uses: [USE],
};

const CLOSED: ImageResult = {
  image: 'nginx:1.27',
  verdict: 'fail',
  counts: emptyCounts(),
  blocking: [],
  exceptionsApplied: [],
  exceptionsExpired: [],
  closed: { reason: 'outside-registries', detail: REGISTRY },
  uses: [{ object: 'Pod a/debug', container: 'containers[0] "debug"' }],
};

const RESULT: ImageGateResult = {
  failOn: 'CRITICAL',
  files: 1,
  objects: 2,
  images: [BLOCKED, CLOSED],
  unusedExceptions: [
    {
      finding: 'CVE-2026-3',
      repository: 'b/*',
      reason: 'fixed upstream, waiting for the rebuild',
      expires: '2027-02-28',
    },
  ],
  problems: [],
};

describe('images report', () => {
  it('[S3][unit] exit code follows the verdicts', () => {
    assert.equal(imagesExitCode(RESULT), 1);
    assert.equal(imagesExitCode({ ...RESULT, images: [{ ...BLOCKED, verdict: 'pass' }] }), 0);
    assert.equal(
      imagesExitCode({
        ...RESULT,
        problems: [
          { file: 'x.yaml', line: 0, column: 0, messageId: 'check.input.notFound', params: {} },
        ],
      }),
      2,
    );
  });

  it('[S3][unit] JSON lists digest, counts and exceptions', () => {
    const report = JSON.parse(formatImagesJson(RESULT, 'en')) as {
      failed: number;
      unusedExceptions: { finding: string }[];
      images: {
        digest: string | null;
        counts: Record<string, number>;
        exceptionsApplied: unknown[];
        closed: { reason: string; message: string } | null;
      }[];
    };
    assert.equal(report.failed, 2);
    assert.deepEqual(
      report.unusedExceptions.map((exception) => exception.finding),
      ['CVE-2026-3'],
    );
    assert.equal(report.images[0]?.digest, DIGEST);
    assert.equal(report.images[0]?.counts.CRITICAL, 2);
    assert.equal(report.images[0]?.exceptionsApplied.length, 1);
    assert.equal(report.images[0]?.closed, null);
    assert.equal(report.images[1]?.closed?.reason, 'outside-registries');
    assert.equal(
      report.images[1]?.closed?.message,
      `not in the platform's ECR registries (${REGISTRY}), so its scan cannot be read`,
    );
  });

  it('[S3][unit] JSON writes repository null for an exception without one', () => {
    const withoutRepository = { ...RESULT.unusedExceptions[0]!, repository: undefined };
    const report = JSON.parse(
      formatImagesJson({ ...RESULT, unusedExceptions: [withoutRepository] }, 'en'),
    ) as {
      unusedExceptions: Record<string, unknown>[];
      images: { exceptionsApplied: Record<string, unknown>[] }[];
    };
    assert.deepEqual(report.images[0]?.exceptionsApplied, [
      {
        finding: 'CVE-2026-2',
        severity: 'CRITICAL',
        reason: 'not reachable from any request',
        expires: '2027-01-31',
        repository: null,
      },
    ]);
    assert.equal(report.unusedExceptions[0]?.['repository'], null);
  });

  it('[S3][unit] an unused exception without a repository reads as every repository', () => {
    const withoutRepository = { ...RESULT.unusedExceptions[0]!, repository: undefined };
    const result = { ...RESULT, unusedExceptions: [withoutRepository] };
    assert.match(
      formatImagesText(result, 'en', { colour: false }),
      /unused exception: CVE-2026-3 in every repository \(until 2027-02-28\)/,
    );
    const ja = formatImagesText(result, 'ja', { colour: false });
    assert.match(ja, /未使用の例外: 全リポジトリの CVE-2026-3（2027-02-28 まで）/);
    assert.doesNotMatch(ja, /\* の/);
  });

  it('[S3][unit] SARIF suppresses excepted findings', () => {
    const log = JSON.parse(formatImagesSarif(RESULT, 'en', '0.1.0')) as {
      runs: {
        results: {
          ruleId: string;
          suppressions?: { justification: string }[];
          locations: unknown[];
        }[];
      }[];
    };
    const results = log.runs[0]?.results ?? [];
    assert.deepEqual(
      results.map((result) => result.ruleId),
      ['image-vulnerability', 'image-vulnerability', 'image-not-scanned'],
    );
    assert.equal(results[1]?.suppressions?.[0]?.justification, 'not reachable from any request');
    assert.equal(results[2]?.locations.length, 0);
  });

  it('[S3][unit] text report in Japanese', () => {
    const text = formatImagesText(RESULT, 'ja', { colour: false });
    assert.match(text, new RegExp(`^不合格 ${REGISTRY}/a/api:1\\.0$`, 'm'));
    assert.match(text, /不合格の原因: CVE-2026-1（CRITICAL、パッケージ openssl 3\.0\.1）/);
    assert.match(text, /例外により 2027-01-31 まで受け入れ: CVE-2026-2（CRITICAL）/);
    assert.match(
      text,
      /使用箇所: Deployment a\/api containers\[0\] "api" \(out\/a\/api\.yaml:21:11\)/,
    );
    assert.match(text, /合格 0 件、不合格 2 件（CRITICAL 以上で不合格）/);
    assert.match(text, /^未使用の例外: b\/\* の CVE-2026-3（2027-02-28 まで）は/m);
  });
});

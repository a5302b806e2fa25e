/**
 * `kinko images` against moto 5.2.5's ECR on 127.0.0.1. PutImage stores the manifests and
 * DescribeImages resolves tags to digests as ECR does. For a scanned image, moto's
 * DescribeImageScanFindings returns one fixed basic finding (CVE-9999-9999, HIGH). When a result
 * is recorded for the image through moto's API (POST /moto-api/static/ecr/scan-finding-results),
 * it returns that recorded response verbatim instead. The enhanced findings and the IN_PROGRESS status below
 * are such recorded responses, shaped as ECR returns them for Amazon Inspector scans.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  CreateRepositoryCommand,
  ECRClient,
  PutImageCommand,
  StartImageScanCommand,
} from '@aws-sdk/client-ecr';
import { parseDocument } from 'yaml';

import { buildTestbed } from '../support/testbed/build.js';
import { AWS_REGION, DUMMY_AWS_CREDENTIALS, startMoto } from '../support/testbed/moto.js';
import type { ManagedProcess } from '../support/testbed/process.js';
import { createStateDir, removeStateDir } from '../support/testbed/state.js';

const CLI = 'dist/src/cli/main.js';
/** The account moto serves when given no other. */
const MOTO_ACCOUNT = '123456789012';
const REGISTRY = `${MOTO_ACCOUNT}.dkr.ecr.${AWS_REGION}.amazonaws.com`;
const DAY_MS = 24 * 60 * 60 * 1000;

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

/** Build a distribution manifest whose layer digest is unique to `seed`, so each image gets its own digest. */
function imageManifest(seed: string): string {
  const digest = (text: string) =>
    `sha256:${Buffer.from(text).toString('hex').padEnd(64, '0').slice(0, 64)}`;
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      size: 1024,
      digest: digest(`config-${seed}`),
    },
    layers: [
      {
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        size: 2048,
        digest: digest(`layer-${seed}`),
      },
    ],
  });
}

/** Build an enhanced-scanning (Amazon Inspector) response as ECR returns it, with one finding. */
function enhancedResponse(
  repository: string,
  tag: string,
  finding: { id: string; severity: string; packageName: string },
  status = 'ACTIVE',
) {
  return {
    registryId: MOTO_ACCOUNT,
    repositoryName: repository,
    imageId: { imageTag: tag },
    imageScanStatus: { status, description: 'Continuous scan is selected for image.' },
    imageScanFindings: {
      enhancedFindings: [
        {
          awsAccountId: MOTO_ACCOUNT,
          findingArn: `arn:aws:inspector2:${AWS_REGION}:${MOTO_ACCOUNT}:finding/${finding.id.toLowerCase()}`,
          packageVulnerabilityDetails: {
            vulnerabilityId: finding.id,
            source: 'NVD',
            vulnerablePackages: [
              { name: finding.packageName, version: '3.0.1', packageManager: 'OS' },
            ],
          },
          severity: finding.severity,
          status: 'ACTIVE',
          type: 'PACKAGE_VULNERABILITY',
        },
      ],
      findingSeverityCounts: { [finding.severity]: 1 },
    },
  };
}

const MANIFESTS = (images: Record<string, string>) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      initContainers:
        - name: migrate
          image: ${images.web}
      containers:
        - name: web
          image: ${images.api}
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly, namespace: shop }
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: batch
              image: ${images.batch}
`;

interface JsonImage {
  image: string;
  verdict: string;
  digest: string | null;
  scanStatus: string | null;
  counts: Record<string, number>;
  blocking: { id: string; severity: string; packageName?: string; source: string }[];
  exceptionsApplied: { finding: string; reason: string; expires: string }[];
  exceptionsExpired: { finding: string; expires: string }[];
  closed: { reason: string; detail: string } | null;
  uses: { object: string; container: string; location?: { file: string; line: number } }[];
}

interface JsonReport {
  failOn: string;
  unusedExceptions: { finding: string; expires: string }[];
  passed: number;
  failed: number;
  images: JsonImage[];
}

describe('kinko images gates on ECR scan findings (moto)', () => {
  let moto: ManagedProcess | undefined;
  let stateDir = '';
  let endpoint = '';
  let work = '';
  let config = '';
  const digests: Record<string, string> = {};
  const inForce = isoDay(30);

  before(async () => {
    const paths = await buildTestbed(['python']);
    stateDir = createStateDir();
    const started = await startMoto({ binary: paths.motoServer, stateDir });
    moto = started.process;
    endpoint = started.endpoint;

    const ecr = new ECRClient({
      endpoint,
      region: AWS_REGION,
      credentials: { ...DUMMY_AWS_CREDENTIALS },
    });
    // Each image is pushed and scanned; `shop/unscanned` is pushed only.
    for (const [repository, tag] of [
      ['shop/web', '1.0'],
      ['shop/api', '2.0'],
      ['shop/batch', '3.0'],
      ['shop/slow', '4.0'],
      ['shop/base', '5.0'],
      ['shop/unscanned', '6.0'],
    ] as const) {
      await ecr.send(new CreateRepositoryCommand({ repositoryName: repository }));
      const pushed = await ecr.send(
        new PutImageCommand({
          repositoryName: repository,
          imageTag: tag,
          imageManifest: imageManifest(repository),
        }),
      );
      digests[repository] = pushed.image?.imageId?.imageDigest ?? assert.fail('no digest');
      if (repository !== 'shop/unscanned') {
        await ecr.send(
          new StartImageScanCommand({ repositoryName: repository, imageId: { imageTag: tag } }),
        );
      }
    }
    ecr.destroy();

    const recorded = [
      enhancedResponse('shop/web', '1.0', {
        id: 'CVE-2026-1001',
        severity: 'CRITICAL',
        packageName: 'openssl',
      }),
      enhancedResponse('shop/api', '2.0', {
        id: 'CVE-2026-2002',
        severity: 'CRITICAL',
        packageName: 'glibc',
      }),
      enhancedResponse('shop/batch', '3.0', {
        id: 'CVE-2026-3003',
        severity: 'CRITICAL',
        packageName: 'zlib',
      }),
      enhancedResponse(
        'shop/slow',
        '4.0',
        { id: 'CVE-2026-4004', severity: 'LOW', packageName: 'curl' },
        'IN_PROGRESS',
      ),
    ];
    const response = await fetch(`${endpoint}/moto-api/static/ecr/scan-finding-results`, {
      method: 'POST',
      body: JSON.stringify({ results: recorded, region: AWS_REGION }),
    });
    assert.equal(response.status, 201);

    work = mkdtempSync(join(tmpdir(), 'kinko-images-'));
    const platform = parseDocument(
      readFileSync('examples/platform.yaml', 'utf8').replaceAll('111122223333', MOTO_ACCOUNT),
    );
    platform.set('images', {
      exceptions: [
        {
          finding: 'CVE-2026-2002',
          repository: 'shop/*',
          reason: 'glibc fix ships with the next base image; the vulnerable call is unused',
          expires: inForce,
        },
        {
          finding: 'CVE-2026-3003',
          repository: 'shop/batch',
          reason: 'accepted until the zlib rebuild of November',
          expires: '2026-11-30',
        },
      ],
    });
    config = join(work, 'platform.yaml');
    writeFileSync(config, platform.toString());
  });

  after(async () => {
    await moto?.stop();
    if (stateDir !== '') removeStateDir(stateDir);
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  function writeManifests(name: string, images: Record<string, string>): string {
    const file = join(work, name);
    writeFileSync(file, MANIFESTS(images));
    return file;
  }

  function kinko(args: string[]) {
    return spawnSync(process.execPath, [CLI, 'images', ...args, '--config', config], {
      encoding: 'utf8',
      input: '',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LANG: 'C',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ACCESS_KEY_ID: DUMMY_AWS_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: DUMMY_AWS_CREDENTIALS.secretAccessKey,
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        KINKO_AWS_ENDPOINT_URL: endpoint,
      },
    });
  }

  function jsonReport(args: string[]): {
    status: number | null;
    report: JsonReport;
    stderr: string;
  } {
    const run = kinko([...args, '--format', 'json']);
    let report: JsonReport;
    try {
      report = JSON.parse(run.stdout) as JsonReport;
    } catch {
      assert.fail(`kinko images printed no JSON (exit ${String(run.status)}): ${run.stderr}`);
    }
    return { status: run.status, report, stderr: run.stderr };
  }

  function imageOf(report: JsonReport, image: string): JsonImage {
    return report.images.find((entry) => entry.image === image) ?? assert.fail(`no ${image}`);
  }

  it('[S3][moto] blocks a critical image', () => {
    const file = writeManifests('critical.yaml', {
      web: `${REGISTRY}/shop/web:1.0`,
      api: `${REGISTRY}/shop/api:2.0`,
      batch: `${REGISTRY}/shop/base:5.0`,
    });
    const { status, report, stderr } = jsonReport([file]);

    assert.equal(status, 1, stderr);
    assert.match(stderr, /KINKO_IMAGES_FAILED/);
    const web = imageOf(report, `${REGISTRY}/shop/web:1.0`);
    assert.equal(web.verdict, 'fail');
    assert.equal(web.scanStatus, 'ACTIVE');
    assert.equal(web.counts.CRITICAL, 1);
    assert.deepEqual(web.blocking, [
      {
        id: 'CVE-2026-1001',
        severity: 'CRITICAL',
        packageName: 'openssl',
        packageVersion: '3.0.1',
        source: 'enhanced',
      },
    ]);
    assert.deepEqual(web.uses[0]?.container, 'initContainers[0] "migrate"');
    assert.equal(web.uses[0]?.location?.line, 11);
    assert.equal(report.failed, 1);
    assert.equal(report.passed, 2);
  });

  it('[S3][moto] passes an excepted image', () => {
    const file = writeManifests('excepted.yaml', {
      web: `${REGISTRY}/shop/api:2.0`,
      api: `${REGISTRY}/shop/api:2.0`,
      batch: `${REGISTRY}/shop/base:5.0`,
    });
    const { status, report, stderr } = jsonReport([file]);

    assert.equal(status, 0, stderr);
    const api = imageOf(report, `${REGISTRY}/shop/api:2.0`);
    assert.equal(api.verdict, 'pass');
    assert.equal(api.counts.CRITICAL, 1);
    assert.deepEqual(api.blocking, []);
    assert.deepEqual(api.exceptionsApplied, [
      {
        finding: 'CVE-2026-2002',
        severity: 'CRITICAL',
        repository: 'shop/*',
        reason: 'glibc fix ships with the next base image; the vulnerable call is unused',
        expires: inForce,
      },
    ]);
    assert.equal(api.uses.length, 2);
    assert.deepEqual(report.unusedExceptions, []);
  });

  it('[S3][moto] ignores an expired exception', () => {
    const file = writeManifests('expired.yaml', {
      web: `${REGISTRY}/shop/base:5.0`,
      api: `${REGISTRY}/shop/base:5.0`,
      batch: `${REGISTRY}/shop/batch:3.0`,
    });
    const { status, report, stderr } = jsonReport([file]);

    assert.equal(status, 1, stderr);
    const batch = imageOf(report, `${REGISTRY}/shop/batch:3.0`);
    assert.equal(batch.verdict, 'fail');
    assert.deepEqual(
      batch.blocking.map((finding) => finding.id),
      ['CVE-2026-3003'],
    );
    assert.deepEqual(batch.exceptionsApplied, []);
    assert.deepEqual(
      batch.exceptionsExpired.map((use) => [use.finding, use.expires]),
      [['CVE-2026-3003', '2026-11-30']],
    );
    assert.equal(batch.uses[0]?.object, 'CronJob shop/nightly');
    assert.deepEqual(
      report.unusedExceptions.map((exception) => [exception.finding, exception.expires]),
      [['CVE-2026-2002', inForce]],
    );
  });

  it('[S3][moto] fails closed on a scan in progress', () => {
    const file = writeManifests('slow.yaml', {
      web: `${REGISTRY}/shop/base:5.0`,
      api: `${REGISTRY}/shop/slow:4.0`,
      batch: `${REGISTRY}/shop/base:5.0`,
    });
    const { status, report, stderr } = jsonReport([file]);

    assert.equal(status, 1, stderr);
    const slow = imageOf(report, `${REGISTRY}/shop/slow:4.0`);
    assert.equal(slow.verdict, 'fail');
    assert.equal(slow.scanStatus, 'IN_PROGRESS');
    assert.equal(slow.closed?.reason, 'scan-status');
    assert.equal(slow.closed?.detail, 'IN_PROGRESS');
    assert.equal(slow.counts.LOW, 0);
  });

  it('[S3][moto] fails closed on an unscanned image', () => {
    const file = writeManifests('unscanned.yaml', {
      web: `${REGISTRY}/shop/base:5.0`,
      api: `${REGISTRY}/shop/unscanned:6.0`,
      batch: `${REGISTRY}/shop/base:5.0`,
    });
    const { status, report, stderr } = jsonReport([file]);

    assert.equal(status, 1, stderr);
    const unscanned = imageOf(report, `${REGISTRY}/shop/unscanned:6.0`);
    assert.equal(unscanned.closed?.reason, 'scan-not-found');
    assert.equal(unscanned.digest, digests['shop/unscanned']);
  });

  it('[S3][moto] fails closed outside the registries', () => {
    const file = writeManifests('outside.yaml', {
      web: `${REGISTRY}/shop/base:5.0`,
      api: 'docker.io/library/nginx:1.27',
      batch: `999999999999.dkr.ecr.${AWS_REGION}.amazonaws.com/shop/base:5.0`,
    });
    const { status, report, stderr } = jsonReport([file]);

    assert.equal(status, 1, stderr);
    const nginx = imageOf(report, 'docker.io/library/nginx:1.27');
    assert.equal(nginx.closed?.reason, 'outside-registries');
    assert.equal(nginx.digest, null);
    const otherAccount = imageOf(
      report,
      `999999999999.dkr.ecr.${AWS_REGION}.amazonaws.com/shop/base:5.0`,
    );
    assert.equal(otherAccount.closed?.reason, 'outside-registries');
  });

  it('[S3][moto] fails closed on a missing repository', () => {
    const file = writeManifests('missing.yaml', {
      web: `${REGISTRY}/shop/base:5.0`,
      api: `${REGISTRY}/shop/missing:1.0`,
      batch: `${REGISTRY}/shop/base:7.7`,
    });
    const { status, report, stderr } = jsonReport([file]);

    assert.equal(status, 1, stderr);
    const missing = imageOf(report, `${REGISTRY}/shop/missing:1.0`);
    assert.equal(missing.closed?.reason, 'repository-not-found');
    assert.match(missing.closed?.detail ?? '', /^RepositoryNotFoundException: /);
    const unknownTag = imageOf(report, `${REGISTRY}/shop/base:7.7`);
    assert.equal(unknownTag.closed?.reason, 'image-not-found');
  });

  it('[S3][moto] resolves a tag to its digest', () => {
    const byDigest = `${REGISTRY}/shop/base@${digests['shop/base'] ?? ''}`;
    const file = writeManifests('digest.yaml', {
      web: `${REGISTRY}/shop/base:5.0`,
      api: byDigest,
      batch: `${REGISTRY}/shop/base:5.0`,
    });
    const { status, report, stderr } = jsonReport([file]);

    assert.equal(status, 0, stderr);
    const byTag = imageOf(report, `${REGISTRY}/shop/base:5.0`);
    assert.equal(byTag.digest, digests['shop/base']);
    assert.equal(imageOf(report, byDigest).digest, digests['shop/base']);
  });

  it('[S3][moto] counts moto basic findings', () => {
    const file = writeManifests('basic.yaml', {
      web: `${REGISTRY}/shop/base:5.0`,
      api: `${REGISTRY}/shop/base:5.0`,
      batch: `${REGISTRY}/shop/base:5.0`,
    });
    const atCritical = jsonReport([file]);
    const atHigh = jsonReport([file, '--fail-on', 'HIGH']);

    assert.equal(atCritical.status, 0, atCritical.stderr);
    assert.equal(imageOf(atCritical.report, `${REGISTRY}/shop/base:5.0`).counts.HIGH, 1);
    assert.equal(atHigh.status, 1, atHigh.stderr);
    assert.equal(atHigh.report.failOn, 'HIGH');
    assert.deepEqual(
      imageOf(atHigh.report, `${REGISTRY}/shop/base:5.0`).blocking.map((finding) => [
        finding.id,
        finding.source,
      ]),
      [['CVE-9999-9999', 'basic']],
    );
  });

  it('[S3][moto] writes SARIF with suppressions', () => {
    const file = writeManifests('sarif.yaml', {
      web: `${REGISTRY}/shop/web:1.0`,
      api: `${REGISTRY}/shop/api:2.0`,
      batch: `${REGISTRY}/shop/slow:4.0`,
    });
    const run = kinko([file, '--format', 'sarif']);
    const log = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          properties: { finding?: string };
          locations: { physicalLocation: { region: { startLine: number } } }[];
          suppressions?: { kind: string; justification: string }[];
        }[];
      }[];
    };

    assert.equal(run.status, 1, run.stderr);
    assert.equal(log.version, '2.1.0');
    const sarifRun = log.runs[0] ?? assert.fail('no run');
    assert.deepEqual(
      sarifRun.tool.driver.rules.map((rule) => rule.id),
      ['image-vulnerability', 'image-not-scanned'],
    );
    assert.deepEqual(
      sarifRun.results.map((result) => [
        result.ruleId,
        result.properties.finding ?? null,
        result.suppressions?.[0]?.kind ?? null,
      ]),
      [
        ['image-vulnerability', 'CVE-2026-2002', 'external'],
        ['image-vulnerability', 'CVE-2026-1001', null],
        ['image-not-scanned', null, null],
      ],
    );
    assert.equal(sarifRun.results[1]?.locations[0]?.physicalLocation.region.startLine, 11);
  });

  it('[S3][moto] prints the text report', () => {
    const file = writeManifests('text.yaml', {
      web: `${REGISTRY}/shop/web:1.0`,
      api: `${REGISTRY}/shop/api:2.0`,
      batch: `${REGISTRY}/shop/base:5.0`,
    });
    const run = kinko([file]);

    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, new RegExp(`^FAIL ${REGISTRY}/shop/web:1\\.0$`, 'm'));
    assert.match(run.stdout, /blocks: CVE-2026-1001 \(CRITICAL\) in openssl 3\.0\.1/);
    assert.match(run.stdout, new RegExp(`accepted by exception until ${inForce}: CVE-2026-2002`));
    assert.match(
      run.stdout,
      /3 image\(s\) in 2 object\(s\) from 1 file\(s\): 2 passed, 1 failed \(fail on CRITICAL and above\)/,
    );
  });
});

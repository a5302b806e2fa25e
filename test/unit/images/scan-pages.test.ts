/**
 * readImageScan over several pages of DescribeImageScanFindings. moto 5.2.5 ignores nextToken, so
 * this test serves the two ECR operations from a stub HTTP server on 127.0.0.1 that speaks ECR's
 * JSON protocol, and the real ECRClient talks to it.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { ECRClient } from '@aws-sdk/client-ecr';

import { readImageScan } from '../../../src/images/scan.js';

const DIGEST = `sha256:${'d'.repeat(64)}`;
const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.';

type Pages = Record<string, Record<string, unknown>>;

/** Page bodies of DescribeImageScanFindings by request token ('' for the first page), per repository. */
const SCANS: Record<string, Pages> = {
  'team/paged': {
    '': {
      imageScanStatus: { status: 'ACTIVE' },
      imageScanFindings: {
        enhancedFindings: [
          {
            packageVulnerabilityDetails: { vulnerabilityId: 'CVE-2026-0001' },
            severity: 'HIGH',
            status: 'ACTIVE',
          },
          {
            packageVulnerabilityDetails: { vulnerabilityId: 'CVE-2026-0002' },
            severity: 'LOW',
            status: 'CLOSED',
          },
        ],
      },
      nextToken: 'page-2',
    },
    'page-2': {
      imageScanStatus: { status: 'ACTIVE' },
      imageScanFindings: {
        enhancedFindings: [
          {
            packageVulnerabilityDetails: {
              vulnerabilityId: 'CVE-2026-0003',
              vulnerablePackages: [{ name: 'libxml2', version: '2.9.14' }],
            },
            severity: 'CRITICAL',
            status: 'SUPPRESSED',
          },
        ],
      },
    },
  },
  'team/restarted': {
    '': {
      imageScanStatus: { status: 'COMPLETE' },
      imageScanFindings: { findings: [{ name: 'CVE-2026-0004', severity: 'MEDIUM' }] },
      nextToken: 'page-2',
    },
    'page-2': { imageScanStatus: { status: 'IN_PROGRESS' } },
  },
};

function respond(target: string, request: Record<string, unknown>): [number, unknown] {
  const repository = String(request['repositoryName']);
  const pages = SCANS[repository];
  if (pages === undefined) {
    return [400, { __type: 'RepositoryNotFoundException', message: `no ${repository}` }];
  }
  if (target === 'DescribeImages') {
    return [200, { imageDetails: [{ repositoryName: repository, imageDigest: DIGEST }] }];
  }
  const page = pages[String(request['nextToken'] ?? '')];
  return page === undefined ? [400, { __type: 'InvalidParameterException' }] : [200, page];
}

describe('image scan pages', () => {
  let server: Server;
  let client: ECRClient;
  const requests: string[] = [];

  before(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const target = String(request.headers['x-amz-target'] ?? '').replace(TARGET_PREFIX, '');
        const parsed = JSON.parse(body) as Record<string, unknown>;
        requests.push(`${target} ${String(parsed['nextToken'] ?? '-')}`);
        const [status, payload] = respond(target, parsed);
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(payload));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = new ECRClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'ap-northeast-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
  });

  after(async () => {
    client?.destroy();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('[S3][unit] reads every page of findings', async () => {
    requests.length = 0;
    const scan = await readImageScan(client, {
      registryId: '111122223333',
      region: 'ap-northeast-1',
      repository: 'team/paged',
      tag: '1.0',
    });

    assert.deepEqual(requests, [
      'DescribeImages -',
      'DescribeImageScanFindings -',
      'DescribeImageScanFindings page-2',
    ]);
    assert.ok(scan.evaluated);
    assert.equal(scan.digest, DIGEST);
    assert.equal(scan.status, 'ACTIVE');
    assert.deepEqual(scan.findings, [
      { id: 'CVE-2026-0001', severity: 'HIGH', source: 'enhanced' },
      {
        id: 'CVE-2026-0003',
        severity: 'CRITICAL',
        packageName: 'libxml2',
        packageVersion: '2.9.14',
        source: 'enhanced',
      },
    ]);
  });

  it('[S3][unit] fails closed when a later page is unfinished', async () => {
    const scan = await readImageScan(client, {
      registryId: '111122223333',
      region: 'ap-northeast-1',
      repository: 'team/restarted',
      tag: '1.0',
    });

    assert.ok(!scan.evaluated, 'the scan was evaluated');
    assert.equal(scan.code, 'scan-status');
    assert.equal(scan.detail, 'IN_PROGRESS');
    assert.equal(scan.digest, DIGEST);
  });
});

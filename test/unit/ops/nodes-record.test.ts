import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { loadPlatformConfig } from '../../../src/config/load.js';
import { KinkoError, renderError } from '../../../src/errors.js';
import { t } from '../../../src/i18n/catalog.js';
import { resolvePlatform } from '../../../src/model/resolve.js';
import { selectCluster } from '../../../src/cli/nodes.js';
import { eksClient, ssmClient } from '../../../src/ops/nodes/aws.js';
import { checkFreshness, type FreshnessReport } from '../../../src/ops/nodes/freshness.js';
import { ReleaseCatalog } from '../../../src/ops/nodes/latest.js';
import { pinReleases } from '../../../src/ops/nodes/pin.js';
import { readRecord } from '../../../src/ops/nodes/record.js';
import { parseRelease } from '../../../src/ops/nodes/release.js';
import { failedProblems, freshnessJson } from '../../../src/ops/nodes/render.js';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

const AL2023 = 'AL2023_x86_64_STANDARD';
const parameterOf = (version: string) =>
  `/aws/service/eks/optimized-ami/${version}/amazon-linux-2023/x86_64/standard/recommended/release_version`;

const entry = (overrides: Record<string, unknown> = {}) => ({
  region: 'ap-northeast-1',
  kubernetesVersion: '1.36',
  amiType: AL2023,
  releaseVersion: '1.36.5-20261119',
  parameter: parameterOf('1.36'),
  lookedUpAt: '2026-11-26',
  ...overrides,
});

/** Returns the KinkoError that `run` throws. */
function thrown(run: () => unknown): KinkoError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof KinkoError, String(error));
    return error;
  }
  return assert.fail('nothing was thrown');
}

describe('node-releases.json checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinko-node-record-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let count = 0;
  const recordWith = (content: unknown) => {
    const file = join(dir, `record-${count++}.json`);
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('[S9][unit] release of another version rejects record', () => {
    const file = recordWith({ releases: [entry({ releaseVersion: '1.37.2-20261119' })] });
    const error = thrown(() => readRecord(file));
    assert.equal(error.code, 'KINKO_NODES_FAILED');
    assert.deepEqual(error.summary, {
      messageId: 'nodes.release.versionMismatch',
      params: {
        value: '1.37.2-20261119',
        source: `${file} releases[0].releaseVersion`,
        expected: '1.36',
        actual: '1.37',
      },
    });
    assert.match(renderError(error, 'en'), /is for Kubernetes 1\.37, not 1\.36/);
  });

  it('[S9][unit] duplicate placement rejects record', () => {
    const file = recordWith({
      releases: [entry(), entry({ releaseVersion: '1.36.1-20260101' })],
    });
    const error = thrown(() => readRecord(file));
    assert.equal(error.summary.messageId, 'nodes.record.duplicate');
    assert.deepEqual(error.summary.params, {
      file,
      path: 'releases[1]',
      first: 'releases[0]',
      region: 'ap-northeast-1',
      version: '1.36',
      amiType: AL2023,
    });
  });

  it('[S9][unit] own parameter rejects record', () => {
    const file = recordWith({ releases: [entry({ parameter: '/my/own/param' })] });
    const error = thrown(() => readRecord(file));
    assert.equal(error.summary.messageId, 'nodes.record.parameter');
    assert.equal(error.summary.params.value, '/my/own/param');
    assert.equal(error.summary.params.expected, parameterOf('1.36'));
  });

  it('[S9][unit] parameter of another version rejects record', () => {
    const file = recordWith({ releases: [entry({ parameter: parameterOf('1.37') })] });
    assert.equal(thrown(() => readRecord(file)).summary.messageId, 'nodes.record.parameter');
  });

  it('[S9][unit] impossible date is a date error', () => {
    const error = thrown(() => parseRelease('1.36.5-20250230', 'node-releases.json'));
    assert.equal(error.summary.messageId, 'nodes.release.badDate');
    assert.equal(
      renderError(error, 'en').split('\n')[0],
      'error KINKO_NODES_FAILED: release "1.36.5-20250230" from node-releases.json has a release date that does not exist',
    );
    const file = recordWith({ releases: [entry({ releaseVersion: '1.36.5-20250230' })] });
    assert.equal(thrown(() => readRecord(file)).summary.messageId, 'nodes.release.badDate');
  });

  it('[S9][unit] unknown key reported in Japanese', () => {
    const file = recordWith({ releases: [entry({ extra: 1 })] });
    const error = thrown(() => readRecord(file));
    assert.equal(error.summary.messageId, 'nodes.record.unknownKey');
    assert.deepEqual(error.summary.params, { file, path: 'releases[0]', keys: 'extra' });
    const text = renderError(error, 'ja');
    assert.match(text, /releases\[0\] に未知のキー extra があります/);
    assert.doesNotMatch(text, /Unrecognized/);
  });

  it('[S9][unit] top-level array names the top level', () => {
    const file = recordWith([entry()]);
    const error = thrown(() => readRecord(file));
    assert.equal(error.summary.messageId, 'nodes.record.wrongType');
    assert.equal(
      renderError(error, 'en').split('\n')[0],
      `error KINKO_NODES_FAILED: ${file}: the top level must be an object with a releases list`,
    );
    assert.match(
      renderError(error, 'ja'),
      /最上位は releases を持つオブジェクトでなければなりません/,
    );
  });

  it('[S9][unit] bad version format names field', () => {
    const file = recordWith({ releases: [entry({ kubernetesVersion: '1.36.0' })] });
    const error = thrown(() => readRecord(file));
    assert.equal(error.summary.messageId, 'nodes.record.badValue');
    assert.equal(error.summary.params.path, 'releases[0].kubernetesVersion');
    assert.equal(error.summary.params.value, '"1.36.0"');
  });

  it('[S9][unit] every problem of a record is listed', () => {
    const file = recordWith({
      releases: [entry({ parameter: '/my/own/param' }), entry()],
    });
    const error = thrown(() => readRecord(file));
    assert.equal(error.summary.messageId, 'nodes.record.problems');
    assert.deepEqual(
      error.problems.map((problem) => problem.messageId),
      ['nodes.record.parameter', 'nodes.record.duplicate'],
    );
    assert.match(renderError(error, 'en'), /\(2 problems\)/);
  });

  it('[S9][unit] example record stays valid', () => {
    assert.equal(readRecord('examples/node-releases.json')?.releases.length, 3);
  });
});

/** Starts an HTTP server on 127.0.0.1 that replies to every request with `reply`. */
async function loopbackServer(
  replyTo: (body: string) => { status: number; body: string },
): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const reply = replyTo(body);
      response.writeHead(reply.status, {
        'content-type': reply.body.startsWith('<') ? 'text/html' : 'application/x-amz-json-1.1',
      });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, endpoint: `http://127.0.0.1:${port}` };
}

const SETTINGS_CREDENTIALS = {
  clientConfig: { credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } },
};

describe('node release lookups over HTTP', () => {
  let ssm: { server: Server; endpoint: string };
  let html: { server: Server; endpoint: string };

  before(async () => {
    // SSM publishes a 1.37 release under the 1.36 parameter.
    ssm = await loopbackServer((body) => {
      const names = (JSON.parse(body) as { Names: string[] }).Names;
      return {
        status: 200,
        body: JSON.stringify({
          Parameters: names
            .filter((name) => name.endsWith('/release_version'))
            .map((name) => ({ Name: name, Value: '1.37.9-20261130', Type: 'String' })),
          InvalidParameters: names.filter((name) => !name.endsWith('/release_version')),
        }),
      };
    });
    html = await loopbackServer(() => ({
      status: 500,
      body: '<!DOCTYPE html><html><title>500 Internal Server Error</title></html>',
    }));
  });

  after(() => {
    ssm.server.close();
    html.server.close();
  });

  it('[S9][unit] latest release of another version is rejected', async () => {
    const settings = { ...SETTINGS_CREDENTIALS, endpoint: ssm.endpoint };
    const catalog = new ReleaseCatalog(ssmClient('ap-northeast-1', settings), 'ap-northeast-1');
    const lookup = await catalog.latest('1.36', AL2023);
    assert.equal(lookup.found, false);
    assert.deepEqual(!lookup.found && lookup.reason, {
      messageId: 'nodes.release.versionMismatch',
      params: {
        value: '1.37.9-20261130',
        source: `SSM ${parameterOf('1.36')} (ap-northeast-1)`,
        expected: '1.36',
        actual: '1.37',
      },
    });
  });

  it('[S9][unit] pin refuses release of another version', async () => {
    const settings = { ...SETTINGS_CREDENTIALS, endpoint: ssm.endpoint };
    const platform = resolvePlatform(loadPlatformConfig('examples/platform.yaml'));
    await assert.rejects(
      pinReleases({
        platform,
        catalogFor: (region) => new ReleaseCatalog(ssmClient(region, settings), region),
        today: '2026-12-04',
      }),
      (error: unknown) => {
        assert.ok(error instanceof KinkoError);
        assert.equal(error.code, 'KINKO_NODES_FAILED');
        assert.equal(error.summary.messageId, 'nodes.pin.failed');
        assert.equal(error.problems[0]?.messageId, 'nodes.release.versionMismatch');
        return true;
      },
    );
  });

  it('[S9][unit] EKS HTML error names request', async () => {
    const settings = { ...SETTINGS_CREDENTIALS, endpoint: html.endpoint };
    await assert.rejects(
      checkFreshness({
        eks: eksClient('ap-northeast-1', settings),
        catalog: new ReleaseCatalog(ssmClient('ap-northeast-1', settings), 'ap-northeast-1'),
        clusterName: 'kinko-demo-blue',
        maxDaysBehind: 0,
      }),
      (error: unknown) => {
        assert.ok(error instanceof KinkoError);
        assert.equal(error.code, 'KINKO_NODES_FAILED');
        assert.equal(error.summary.messageId, 'nodes.eks.badResponse');
        assert.deepEqual(error.summary.params, {
          cluster: 'kinko-demo-blue',
          region: 'ap-northeast-1',
          request: 'ListNodegroups',
          endpoint: html.endpoint,
          status: '500',
          reason: `Unexpected token '<', "<!DOCTYPE "... is not valid JSON`,
        });
        assert.doesNotMatch(renderError(error, 'en'), /\$response|SyntaxError/);
        return true;
      },
    );
  });

  it('[S9][unit] SSM HTML error names request', async () => {
    const settings = { ...SETTINGS_CREDENTIALS, endpoint: html.endpoint };
    const catalog = new ReleaseCatalog(ssmClient('ap-northeast-1', settings), 'ap-northeast-1');
    await assert.rejects(catalog.latest('1.36', AL2023), (error: unknown) => {
      assert.ok(error instanceof KinkoError);
      assert.equal(error.summary.messageId, 'nodes.ssm.badResponse');
      assert.equal(error.summary.params.request, 'GetParameters');
      assert.equal(error.summary.params.endpoint, html.endpoint);
      return true;
    });
  });
});

describe('nodes status usage and results', () => {
  const platform = resolvePlatform(loadPlatformConfig('examples/platform.yaml'));

  it('[S9][unit] unknown --cluster is a usage error', () => {
    const error = thrown(() => selectCluster(platform, { cluster: 'purple' }));
    assert.equal(error.code, 'KINKO_NODES_USAGE');
    assert.equal(error.summary.messageId, 'nodes.unknownCluster');
    assert.match(renderError(error, 'en'), /fix: Pass --cluster with one of: blue, green\./);
  });

  it('[S9][unit] missing --cluster is a usage error', () => {
    const error = thrown(() => selectCluster(platform, {}));
    assert.equal(error.code, 'KINKO_NODES_USAGE');
    assert.equal(error.summary.messageId, 'nodes.needsCluster');
  });

  it('[S9][unit] --dr without DR copy has a fix', () => {
    const error = thrown(() => selectCluster(platform, { cluster: 'green', dr: true }));
    assert.equal(error.code, 'KINKO_NODES_USAGE');
    assert.match(
      renderError(error, 'en'),
      /fix: Drop --dr to check cluster green in the primary region, or pass --cluster blue --dr/,
    );
  });

  const unknownEntry = {
    kind: 'nodegroup' as const,
    name: 'arm',
    status: 'unknown' as const,
    passed: false,
    reason: {
      messageId: 'nodes.reason.parameterMissing',
      params: { parameter: parameterOf('1.37'), region: 'ap-northeast-1' },
    },
  };
  const laggingEntry = {
    kind: 'nodegroup' as const,
    name: 'general',
    status: 'lagging' as const,
    passed: false,
    current: '1.36.2-20261001',
    latest: '1.36.5-20261119',
    latestParameter: parameterOf('1.36'),
    daysBehind: 49,
  };
  const report = (entries: FreshnessReport['entries']): FreshnessReport => ({
    cluster: 'kinko-demo-green',
    region: 'ap-northeast-1',
    maxDaysBehind: 0,
    entries,
    failed: entries.length,
  });

  it('[S9][unit] unknown-only failure does not suggest pin', () => {
    const { summary, problems } = failedProblems(report([unknownEntry]));
    assert.equal(summary.fixId, 'nodes.failed.unknown.fix');
    assert.deepEqual(problems, []);
    const text = renderError(new KinkoError('KINKO_NODES_LAGGING', 'user', summary), 'en');
    assert.match(text, /1 node group or node lags the latest AMI release by more than 0 days/);
    assert.doesNotMatch(text, /kinko nodes pin/);
  });

  it('[S9][unit] mixed failure gives each its fix', () => {
    const { summary, problems } = failedProblems(report([laggingEntry, unknownEntry]));
    assert.equal(summary.fixId, undefined);
    assert.deepEqual(
      problems.map((problem) => problem.messageId),
      ['nodes.failed.lagging', 'nodes.failed.unknownToo'],
    );
  });

  it('[S9][unit] JSON unknown entry has every field', () => {
    const json = freshnessJson(report([unknownEntry])) as { entries: Record<string, unknown>[] };
    const [first] = json.entries;
    assert.deepEqual(first, {
      kind: 'nodegroup',
      name: 'arm',
      nodegroup: null,
      kubernetesVersion: null,
      amiType: null,
      imageId: null,
      status: 'unknown',
      passed: false,
      current: null,
      latest: null,
      latestParameter: null,
      daysBehind: null,
      reason: unknownEntry.reason,
    });
  });

  it('[unit] counts read as singular and plural', () => {
    assert.equal(
      t('nodes.failed', { count: 2, max: 1 }, 'en'),
      '2 node groups or nodes lag the latest AMI release by more than 1 day, or their release is unknown',
    );
    assert.equal(
      t('report.controls.summary', { implemented: 17, total: 18, missing: 1 }, 'en'),
      '17 of 18 practices have implementing resources; 1 is not implemented yet.',
    );
    assert.equal(
      t('report.controls.summary', { implemented: 18, total: 18, missing: 0 }, 'en'),
      '18 of 18 practices have implementing resources; none is missing.',
    );
    assert.equal(
      t('config.invalid.summary', { file: 'platform.yaml', count: 1 }, 'en'),
      'platform.yaml: 1 problem in the platform configuration.',
    );
    assert.equal(
      t('nodes.report.lagging', { subject: 'node group a', current: 'x', latest: 'y', days: 1 }),
      '  LAGGING  node group a: x, latest y, 1 day behind',
    );
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { parseDocument } from 'yaml';

import { parsePlatformConfig } from '../../../src/config/load.js';
import { KinkoError } from '../../../src/errors.js';
import { resolvePlatform } from '../../../src/model/resolve.js';
import { appLiveText, type AppStatus } from '../../../src/ops/bluegreen/app/status.js';
import { EDGE_NOT_FOUND } from '../../../src/ops/bluegreen/discover.js';
import { readStatus, readStatusReport } from '../../../src/ops/bluegreen/status.js';

const WEB: AppStatus = {
  system: 'a',
  app: 'web',
  method: 'service',
  live: 'blue',
  declared: 'blue',
};

const edgeMissing = () =>
  Promise.reject(
    new KinkoError(EDGE_NOT_FOUND, 'user', {
      messageId: 'ops.edge.loadBalancerNotFound',
      params: { name: 'kinko-demo-edge' },
    }),
  );

describe('status report', () => {
  it('[R3][unit] missing edge ALB still reports the app colours', async () => {
    const { report, edgeError } = await readStatusReport(edgeMissing, () => Promise.resolve([WEB]));

    assert.deepEqual(report.apps, [WEB]);
    assert.equal(report.loadBalancer, null);
    assert.equal(report.edgeError?.code, 'KINKO_EDGE_NOT_FOUND');
    assert.ok(edgeError instanceof KinkoError);
    assert.equal(edgeError.code, 'KINKO_EDGE_NOT_FOUND');
  });

  it('[R3][unit] missing edge ALB without apps to read fails as before', async () => {
    await assert.rejects(
      readStatusReport(edgeMissing),
      (error: unknown) => error instanceof KinkoError && error.code === 'KINKO_EDGE_NOT_FOUND',
    );
  });

  it('[R3][unit] platform without edge reports null, not a dash', async () => {
    const document = parseDocument(readFileSync('examples/platform.yaml', 'utf8'));
    document.deleteIn(['edge']);
    document.deleteIn(['regions', 'dr']);
    document.deleteIn(['clusters', 1]);
    const platform = resolvePlatform(parsePlatformConfig(document.toString(), 'platform.yaml'));
    // Without an edge, readStatus sends no request, so the client never connects.
    const client = new ElasticLoadBalancingV2Client({ region: 'ap-northeast-1' });

    assert.deepEqual(await readStatus(platform, { primary: client }), {
      loadBalancer: null,
      targetGroups: [],
      systems: [],
    });
  });

  it('[R3][unit] Rollout revisions are fields, and text for people', () => {
    const trade: AppStatus = {
      system: 'b',
      app: 'trade',
      method: 'rollout',
      live: null,
      declared: null,
      revisions: { stable: 'aaa111', current: 'bbb222', phase: 'paused' },
    };

    assert.equal(appLiveText(trade), 'revision aaa111, preview bbb222 paused');
    assert.equal(
      appLiveText({
        ...trade,
        revisions: { stable: 'aaa111', current: 'aaa111', phase: 'promoted' },
      }),
      'revision aaa111',
    );
    assert.equal(appLiveText({ ...WEB, live: null }), '-');
  });
});

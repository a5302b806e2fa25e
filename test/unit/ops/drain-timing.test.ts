import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadPlatformConfig } from '../../../src/config/load.js';
import { t } from '../../../src/i18n/catalog.js';
import { resolvePlatform } from '../../../src/model/resolve.js';
import {
  checkAppTiming,
  checkPlatformTiming,
  DEFAULT_TIMING_ASSUMPTIONS,
} from '../../../src/ops/drain/timing.js';

const ASSUMPTIONS = {
  endpointPropagationSeconds: 30,
  albDeregistrationSeconds: 60,
  longestRequestSeconds: 15,
};

describe('shutdown timing model', () => {
  it('[R6][unit] sleep 160, grace 180 pass', () => {
    const findings = checkAppTiming(
      {
        app: 'a/api',
        preStopSleepSeconds: 160,
        terminationGracePeriodSeconds: 180,
        deregistrationDelaySeconds: 160,
      },
      ASSUMPTIONS,
    );
    assert.deepEqual(
      findings.map((f) => [f.check, f.ok, f.actualSeconds, f.boundSeconds]),
      [
        ['preStopCoversPropagation', true, 160, 90],
        ['graceCoversPreStopAndRequest', true, 180, 175],
        ['delayCoversRequest', true, 160, 15],
        ['delayWithinPreStop', true, 160, 160],
      ],
    );
  });

  it('[R6][unit] short sleep and grace fail', () => {
    const findings = checkAppTiming(
      {
        app: 'a/web',
        preStopSleepSeconds: 5,
        terminationGracePeriodSeconds: 10,
        deregistrationDelaySeconds: 300,
      },
      ASSUMPTIONS,
    );
    assert.deepEqual(
      findings.filter((f) => !f.ok).map((f) => f.check),
      ['preStopCoversPropagation', 'graceCoversPreStopAndRequest', 'delayWithinPreStop'],
    );
    const first = findings[0]!;
    assert.equal(
      t(first.messageId, { ...first, ok: String(first.ok) }, 'en'),
      'a/web: preStop sleep 5 s must be at least 90 s (endpoint removal plus ALB deregistration).',
    );
  });

  it('[R6][unit] no ALB: endpoints only', () => {
    const findings = checkAppTiming(
      { app: 'b/trade', preStopSleepSeconds: 30, terminationGracePeriodSeconds: 60 },
      ASSUMPTIONS,
    );
    assert.deepEqual(
      findings.map((f) => [f.check, f.ok, f.boundSeconds]),
      [
        ['preStopCoversPropagation', true, 30],
        ['graceCoversPreStopAndRequest', true, 45],
      ],
    );
  });

  it('[R6][unit] example platform passes', () => {
    const platform = resolvePlatform(loadPlatformConfig('examples/platform.yaml'));
    const findings = checkPlatformTiming(platform, DEFAULT_TIMING_ASSUMPTIONS);
    assert.equal(findings.length, 12);
    assert.deepEqual(
      findings.filter((f) => !f.ok),
      [],
    );
  });
});

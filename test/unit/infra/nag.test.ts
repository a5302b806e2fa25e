import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { applyNagPacks, collectNagFindings, NAG_PLUGIN_NAME } from '../../../src/infra/nag.js';
import { infraFixture } from '../../support/infra-fixture.js';
import {
  synthInfra,
  TEST_IDENTITY_CENTER_ARN,
  type SynthesizedInfra,
} from '../../support/infra-synth.js';

interface ValidationReport {
  pluginReports: Array<{ pluginName: string; conclusion: string; violations: unknown[] }>;
}

function readValidationReport(directory: string): ValidationReport {
  return JSON.parse(
    readFileSync(join(directory, 'validation-report.json'), 'utf8'),
  ) as ValidationReport;
}

describe('cdk-nag checks', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthInfra(infraFixture(), {
      argoCdIdentityCenter: { instanceArn: TEST_IDENTITY_CENTER_ARN },
    });
  });

  it('[nag][cdk] example platform has zero unacknowledged findings', () => {
    assert.deepEqual(synth.findings, []);
  });

  it('[nag][cdk] validation report has no violations', () => {
    // CDK lists a plugin in the report only when it reports a violation or an acknowledgement.
    const report = readValidationReport(synth.assembly.directory);

    assert.ok(
      !report.pluginReports.some(
        (plugin) => plugin.pluginName === NAG_PLUGIN_NAME && plugin.violations.length > 0,
      ),
    );
    for (const plugin of report.pluginReports) {
      assert.deepEqual(plugin.violations, [], `${plugin.pluginName} reports violations`);
    }
  });

  it('[nag][cdk] acknowledgements reach the template metadata with reasons', () => {
    const resources = synth.json('kinko-systems').Resources;
    const suppressions = Object.values(resources).flatMap(
      (resource) =>
        (
          (resource.Metadata?.cdk_nag as {
            rules_to_suppress?: Array<{ id: string; reason: string }>;
          }) ?? {}
        ).rules_to_suppress ?? [],
    );

    assert.ok(suppressions.some((rule) => rule.id === 'AwsSolutions-SQS3'));
    for (const rule of suppressions) {
      assert.ok(
        rule.reason.length > 40,
        `reason of ${rule.id} is too short to explain the trade-off`,
      );
    }
  });

  it('[nag][cdk] an unencrypted unlogged bucket is reported as errors', () => {
    const app = new App({
      outdir: mkdtempSync(join(tmpdir(), 'kinko-nag-test-')),
      analyticsReporting: false,
    });
    const stack = new Stack(app, 'nag-test', {
      env: { account: '111122223333', region: 'ap-northeast-1' },
    });
    new s3.Bucket(stack, 'Plain', {
      encryption: s3.BucketEncryption.UNENCRYPTED,
      enforceSSL: false,
    });
    applyNagPacks(app);

    const findings = collectNagFindings(app.synth());
    const ruleIds = findings.map((finding) => finding.ruleId);

    assert.ok(ruleIds.includes('AwsSolutions-S1'), 'no server access log finding');
    assert.ok(ruleIds.includes('AwsSolutions-S10'), 'no TLS-only finding');
    const s1 = findings.find((finding) => finding.ruleId === 'AwsSolutions-S1');
    assert.equal(s1?.level, 'error');
    assert.equal(s1?.pack, 'AwsSolutions');
    assert.equal(s1?.path, 'nag-test/Plain/Resource');
  });
});

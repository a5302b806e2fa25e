import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  renderControlsReport,
  suppressionsFromTemplate,
  type ControlsReportInput,
} from '../../../src/synth/controls-report.js';

const INPUT: ControlsReportInput = {
  platform: 'kinko-demo',
  cloudFormation: [
    {
      practice: 'S9',
      stack: 'kinko-demo-cluster-main',
      logicalId: 'NodeLaunchTemplate',
      type: 'AWS::EC2::LaunchTemplate',
      summary: { en: 'IMDSv2 required', ja: 'IMDSv2 を必須にする' },
    },
  ],
  manifests: [
    {
      practice: 'R6',
      file: 'k8s/kinko-demo-main/b/40-trade.yaml',
      kind: 'Deployment',
      name: 'b/trade',
      summary: { en: 'sleep 160 under grace 180', ja: 'sleep 160、猶予 180' },
    },
  ],
  exceptions: [
    { control: 'single-replica', target: 'b/batch', reason: 'Runs one copy at a time.' },
  ],
  suppressions: [
    { ruleId: 'AwsSolutions-SQS3', stack: 's', logicalId: 'Dlq', reason: 'It is | the DLQ.' },
  ],
};

describe('controls report', () => {
  it('[evidence][unit] practice without resources reads as not implemented', () => {
    const report = renderControlsReport(INPUT, 'en');
    const r1 = report.slice(report.indexOf('## R1 '), report.indexOf('## R2 '));
    assert.match(
      r1,
      /Not implemented yet: no resource or manifest of this platform implements this practice\./,
    );
  });

  it('[evidence][unit] lists resources, manifests, exceptions and suppressions', () => {
    const report = renderControlsReport(INPUT, 'en');
    assert.match(
      report,
      /- `kinko-demo-cluster-main` \/ `NodeLaunchTemplate` \/ `AWS::EC2::LaunchTemplate`: IMDSv2 required/,
    );
    assert.match(
      report,
      /- `k8s\/kinko-demo-main\/b\/40-trade.yaml` \/ Deployment \/ `b\/trade`: sleep 160 under grace 180/,
    );
    assert.match(report, /- `single-replica` on `b\/batch`: Runs one copy at a time\./);
    assert.match(report, /\| AwsSolutions-SQS3 \| It is \\\| the DLQ\. \| s \/ Dlq \|/);
    assert.match(
      report,
      /2 of 18 practices have implementing resources; 16 are not implemented yet\./,
    );
  });

  it('[evidence][unit] renders in Japanese', () => {
    const report = renderControlsReport(INPUT, 'ja');
    assert.match(report, /# プラットフォーム kinko-demo のコントロール/);
    assert.match(report, /: IMDSv2 を必須にする/);
    assert.match(report, /未実装です。/);
  });

  it('[evidence][unit] reads suppressions from template metadata', () => {
    const template = {
      Resources: {
        Queue: {
          Metadata: {
            cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-SQS3', reason: 'DLQ' }] },
          },
        },
        Bucket: { Metadata: {} },
      },
    };
    assert.deepEqual(suppressionsFromTemplate('stack', template), [
      { ruleId: 'AwsSolutions-SQS3', stack: 'stack', logicalId: 'Queue', reason: 'DLQ' },
    ]);
  });
});

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ControlLedger } from '../../../src/infra/control-ledger.js';
import { infraFixture } from '../../support/infra-fixture.js';
import { synthInfra, type SynthesizedInfra } from '../../support/infra-synth.js';

describe('control ledger', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthInfra(infraFixture());
  });

  it('[ledger][cdk] every entry names a resource of its template', () => {
    const entries = synth.infra.ledger.entries();

    assert.ok(entries.length > 0);
    for (const entry of entries) {
      const resource = synth.json(entry.stack).Resources[entry.logicalId];
      assert.ok(resource !== undefined, `${entry.stack}/${entry.logicalId} is not in the template`);
      assert.equal(resource.Type, entry.type);
      assert.ok(entry.summary.en.length > 0 && entry.summary.ja.length > 0);
    }
  });

  it('[ledger][cdk] infra implements the expected practices', () => {
    assert.deepEqual(synth.infra.ledger.practices(), [
      'S3',
      'S4',
      'S6',
      'S7',
      'S8',
      'S9',
      'S10',
      'S11',
      'S12',
      'R2',
      'R5',
    ]);
  });

  it('[ledger][cdk] entries are ordered by practice', () => {
    const practices = synth.infra.ledger.entries().map((entry) => entry.practice);
    const order = ['S3', 'S4', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11', 'S12', 'R2', 'R5'];

    assert.deepEqual(
      practices,
      [...practices].sort((left, right) => order.indexOf(left) - order.indexOf(right)),
    );
  });

  it('[ledger][cdk] S6 entries are the two access entries', () => {
    const s6 = synth.infra.ledger.entries().filter((entry) => entry.practice === 'S6');

    assert.deepEqual(
      s6.map((entry) => entry.type),
      ['AWS::EKS::AccessEntry', 'AWS::EKS::AccessEntry'],
    );
    assert.deepEqual(
      s6.map((entry) => entry.stack),
      ['kinko-cluster-main', 'kinko-cluster-main'],
    );
  });

  it('[ledger][cdk] an overridden logical id is reported as overridden', () => {
    const app = new App();
    const stack = new Stack(app, 'ledger-test');
    const bucket = new s3.Bucket(stack, 'Bucket');
    const ledger = new ControlLedger();
    ledger.record('R5', bucket, { en: 'bucket', ja: 'バケット' });

    (bucket.node.defaultChild as s3.CfnBucket).overrideLogicalId('SharedFiles');

    assert.deepEqual(ledger.entries(), [
      {
        practice: 'R5',
        stack: 'ledger-test',
        logicalId: 'SharedFiles',
        type: 'AWS::S3::Bucket',
        summary: { en: 'bucket', ja: 'バケット' },
      },
    ]);
  });

  it('[ledger][cdk] a construct without a resource is rejected', () => {
    const stack = new Stack(new App(), 'ledger-test');
    const ledger = new ControlLedger();

    assert.throws(
      () => ledger.record('S1', new Construct(stack, 'Empty'), { en: 'nothing', ja: 'なし' }),
      /Cannot record ledger-test\/Empty as a control/,
    );
  });

  it('[ledger][cdk] a summary without Japanese text is rejected', () => {
    const stack = new Stack(new App(), 'ledger-test');
    const ledger = new ControlLedger();

    assert.throws(
      () => ledger.record('R5', new s3.Bucket(stack, 'Bucket'), { en: 'bucket', ja: ' ' }),
      /missing its English or Japanese text/,
    );
  });
});

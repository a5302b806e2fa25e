import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  type Route53Client,
} from '@aws-sdk/client-route-53';

import { normalizeDnsName, waitInSync, writeAlias } from '../../../src/ops/dr/records.js';

/**
 * A Route 53 client that replies from a list. moto reports every change INSYNC at once, so the
 * PENDING path of the wait cannot be reached on the test bed; this stands in for it.
 */
function scriptedClient(statuses: string[]) {
  const sent: unknown[] = [];
  const client = {
    send: (command: unknown) => {
      sent.push(command);
      if (command instanceof ChangeResourceRecordSetsCommand) {
        return Promise.resolve({ ChangeInfo: { Id: '/change/C1', Status: 'PENDING' } });
      }
      return Promise.resolve({ ChangeInfo: { Id: '/change/C1', Status: statuses.shift() } });
    },
  };
  return { client: client as unknown as Route53Client, sent };
}

describe('Route 53 failover record writes', () => {
  it('[R1][unit] write keeps the failover role and waits until INSYNC', async () => {
    const { client, sent } = scriptedClient(['PENDING', 'PENDING', 'INSYNC']);

    await writeAlias(
      client,
      'Z0412345ABCDEFGHIJKL',
      {
        Name: 'a.bank.example.co.jp.',
        Type: 'A',
        SetIdentifier: 'a-primary',
        Failover: 'PRIMARY',
        HealthCheckId: 'hc-1',
        AliasTarget: {
          DNSName: 'old.elb.amazonaws.com.',
          HostedZoneId: 'Z1',
          EvaluateTargetHealth: true,
        },
      },
      { dnsName: 'dr.elb.amazonaws.com', hostedZoneId: 'Z2' },
      0,
    );

    const change = sent[0] as ChangeResourceRecordSetsCommand;
    assert.deepEqual(change.input.ChangeBatch?.Changes?.[0]?.ResourceRecordSet, {
      Name: 'a.bank.example.co.jp.',
      Type: 'A',
      SetIdentifier: 'a-primary',
      Failover: 'PRIMARY',
      HealthCheckId: 'hc-1',
      AliasTarget: {
        DNSName: 'dr.elb.amazonaws.com',
        HostedZoneId: 'Z2',
        EvaluateTargetHealth: true,
      },
    });
    assert.equal(sent.filter((command) => command instanceof GetChangeCommand).length, 3);
  });

  it('[R1][unit] wait gives up without an error while the change stays PENDING', async () => {
    const { client, sent } = scriptedClient([]);

    assert.equal(await waitInSync(client, '/change/C1', 0), false);
    assert.equal(sent.length, 60);
  });

  it('[R1][unit] alias names compare without dualstack prefix, trailing dot or case', () => {
    assert.equal(
      normalizeDnsName('dualstack.Kinko-Demo-Edge-1.ap-northeast-3.elb.amazonaws.com.'),
      'kinko-demo-edge-1.ap-northeast-3.elb.amazonaws.com',
    );
  });
});

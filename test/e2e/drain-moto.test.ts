import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  CreateTargetGroupCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';

import { loadPlatformConfig } from '../../src/config/load.js';
import { resolvePlatform } from '../../src/model/resolve.js';
import { deregisterInstance } from '../../src/ops/drain/load-balancer.js';
import { AWS_REGION, startTestbed, type Testbed } from '../support/testbed/index.js';

/** One EC2 Query API call to moto (the package has no EC2 client; moto checks no signatures). */
async function ec2(endpoint: string, params: Record<string, string>): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    body: new URLSearchParams({ Version: '2016-11-15', ...params }),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20261204/${AWS_REGION}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
    },
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`EC2 ${params.Action ?? ''} returned ${response.status}: ${text}`);
  return text;
}

describe('kinko drain deregisters the node from the Kinko target groups (moto)', () => {
  let bed: Testbed;
  let elb: ElasticLoadBalancingV2Client;

  before(async () => {
    bed = await startTestbed({ moto: true, crds: false });
    elb = new ElasticLoadBalancingV2Client({ ...bed.awsClientSettings });
  });

  after(async () => {
    await bed?.stop();
  });

  it('[R6][moto] deregisters from Kinko group only', async () => {
    const endpoint = bed.awsEndpoint ?? assert.fail('moto is not running');
    const platform = resolvePlatform(loadPlatformConfig('examples/platform.yaml'));
    const kinkoGroup =
      platform.edge?.targetGroups.find((group) => group.clusterKey === 'blue') ??
      assert.fail('the example declares no blue target group');

    const vpcs = await ec2(endpoint, { Action: 'DescribeVpcs' });
    const vpcId = /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec(vpcs)?.[1] ?? assert.fail(vpcs);
    const run = await ec2(endpoint, {
      Action: 'RunInstances',
      ImageId: 'ami-12c6146b',
      InstanceType: 't3.large',
      MinCount: '1',
      MaxCount: '1',
    });
    const instanceId = /<instanceId>(i-[0-9a-f]+)<\/instanceId>/.exec(run)?.[1] ?? assert.fail(run);

    const arns: Record<string, string> = {};
    for (const name of [kinkoGroup.name, 'someone-else']) {
      const created = await elb.send(
        new CreateTargetGroupCommand({
          Name: name,
          Protocol: 'HTTP',
          Port: kinkoGroup.port,
          VpcId: vpcId,
          TargetType: 'instance',
        }),
      );
      const arn = created.TargetGroups?.[0]?.TargetGroupArn ?? assert.fail('no target group');
      arns[name] = arn;
      await elb.send(
        new RegisterTargetsCommand({
          TargetGroupArn: arn,
          Targets: [{ Id: instanceId, Port: kinkoGroup.port }],
        }),
      );
    }

    const events: string[] = [];
    await deregisterInstance(
      { client: elb, targetGroupNames: [kinkoGroup.name] },
      'node-1',
      instanceId,
      {
        dryRun: false,
        clock: {
          now: () => Date.now(),
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          deadline: Date.now() + 60_000,
        },
        onEvent: (event) => events.push(`${event.messageId} ${String(event.params.count ?? '')}`),
      },
    );

    const states = async (name: string) =>
      (
        await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arns[name] }))
      ).TargetHealthDescriptions?.filter((d) => d.Target?.Id === instanceId).map(
        (d) => d.TargetHealth?.State,
      ) ?? [];
    assert.deepEqual(
      (await states(kinkoGroup.name)).filter((state) => state !== 'unused'),
      [],
    );
    assert.equal((await states('someone-else')).length, 1);
    assert.deepEqual(events, ['drain.lb.deregister 1']);
  });
});

// Time from the operator's confirm to the new weights being live in the ELBv2 API: one
// ModifyRule per system, then DescribeRules until every switched rule shows the new weights.
// For 1 and 10 systems, the ten one after another (as ten `kinko switch cluster` runs) and all
// at once. Runs against moto from the test bed, so the figures measure the API round trips and
// kinko's call pattern, not AWS's own propagation.
// Usage (after `npm run build`): node bench/switch.mjs [runs]
import { performance } from 'node:perf_hooks';

import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
  ModifyRuleCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';

import { createStack } from '../dist/test/e2e/bluegreen-moto.js';
import { startTestbed } from '../dist/test/support/testbed/index.js';

const REGION = 'ap-northeast-1';
const SYSTEMS = 10;
const RUNS = Number(process.argv[2] ?? '9');

/** Builds a VPC, an ALB with one listener, blue and green target groups, and one weighted rule per system. */
function template() {
  const resources = {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    SubnetA: {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: { Ref: 'Vpc' },
        CidrBlock: '10.0.0.0/24',
        AvailabilityZone: `${REGION}a`,
      },
    },
    SubnetC: {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: { Ref: 'Vpc' },
        CidrBlock: '10.0.1.0/24',
        AvailabilityZone: `${REGION}c`,
      },
    },
    Alb: {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: { Name: 'bench-switch', Subnets: [{ Ref: 'SubnetA' }, { Ref: 'SubnetC' }] },
    },
    Listener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: { Ref: 'Alb' },
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
      },
    },
  };
  for (const cluster of ['blue', 'green']) {
    resources[`Tg${cluster}`] = {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: {
        Name: `bench-${cluster}`,
        Port: 30080,
        Protocol: 'HTTP',
        TargetType: 'instance',
        VpcId: { Ref: 'Vpc' },
      },
    };
  }
  for (let n = 0; n < SYSTEMS; n += 1) {
    resources[`Rule${n}`] = {
      Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
      Properties: {
        ListenerArn: { Ref: 'Listener' },
        Priority: 10 * (n + 1),
        Conditions: [{ Field: 'host-header', Values: [`s${n}.bank.example.co.jp`] }],
        Actions: [forward(100, 0, { Ref: 'Tgblue' }, { Ref: 'Tggreen' })],
      },
    };
  }
  return { Resources: resources };
}

function forward(blue, green, blueArn, greenArn) {
  return {
    Type: 'forward',
    ForwardConfig: {
      TargetGroups: [
        { TargetGroupArn: blueArn, Weight: blue },
        { TargetGroupArn: greenArn, Weight: green },
      ],
    },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const testbed = await startTestbed({ moto: true, crds: false });
try {
  await createStack(testbed.awsEndpoint, REGION, 'bench-switch', template());
  const elb = new ElasticLoadBalancingV2Client({ ...testbed.awsClientSettings });
  const loadBalancer = (
    await elb.send(new DescribeLoadBalancersCommand({ Names: ['bench-switch'] }))
  ).LoadBalancers[0];
  const listenerArn = (
    await elb.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancer.LoadBalancerArn }))
  ).Listeners[0].ListenerArn;
  const groups = await elb.send(
    new DescribeTargetGroupsCommand({ Names: ['bench-blue', 'bench-green'] }),
  );
  const arn = Object.fromEntries(
    groups.TargetGroups.map((g) => [g.TargetGroupName.replace('bench-', ''), g.TargetGroupArn]),
  );
  const rules = (
    await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn }))
  ).Rules.filter((rule) => rule.Priority !== 'default').sort(
    (a, b) => Number(a.Priority) - Number(b.Priority),
  );
  if (rules.length !== SYSTEMS) throw new Error(`expected ${SYSTEMS} rules, got ${rules.length}`);

  let green = 0;
  /** Switches `count` systems, returns ms from confirm until DescribeRules shows all of them. */
  async function switchOnce(count, concurrent) {
    green = green === 100 ? 0 : 100;
    const action = forward(100 - green, green, arn.blue, arn.green);
    const targets = rules.slice(0, count).map((rule) => rule.RuleArn);
    const modify = (ruleArn) =>
      elb.send(new ModifyRuleCommand({ RuleArn: ruleArn, Actions: [action] }));
    const started = performance.now();
    if (concurrent) await Promise.all(targets.map(modify));
    else for (const ruleArn of targets) await modify(ruleArn);
    for (;;) {
      const described = await elb.send(new DescribeRulesCommand({ RuleArns: targets }));
      const live = described.Rules.every((rule) =>
        rule.Actions[0].ForwardConfig.TargetGroups.some(
          (g) => g.TargetGroupArn === arn.green && g.Weight === green,
        ),
      );
      if (live) return performance.now() - started;
    }
  }

  const cases = [
    ['1 system', 1, false],
    [`${SYSTEMS} systems, one after another`, SYSTEMS, false],
    [`${SYSTEMS} systems, all at once`, SYSTEMS, true],
  ];
  await switchOnce(1, false); // warm the connection and moto's code paths
  process.stdout.write(
    `command: node bench/switch.mjs ${RUNS} (moto 5.2.5 on 127.0.0.1, Node.js ${process.version})\n`,
  );
  process.stdout.write(
    '| case | median (ms) | min (ms) | max (ms) | runs |\n| --- | ---: | ---: | ---: | ---: |\n',
  );
  for (const [name, count, concurrent] of cases) {
    const times = [];
    for (let run = 0; run < RUNS; run += 1) times.push(await switchOnce(count, concurrent));
    const format = (ms) => ms.toFixed(1);
    process.stdout.write(
      `| ${name} | ${format(median(times))} | ${format(Math.min(...times))} | ${format(Math.max(...times))} | ${RUNS} |\n`,
    );
  }
} finally {
  await testbed.stop();
}

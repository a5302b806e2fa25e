import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Match } from 'aws-cdk-lib/assertions';
import { infraFixture } from '../../support/infra-fixture.js';
import { synthInfra, type SynthesizedInfra } from '../../support/infra-synth.js';

const STACK = 'kinko-network';
const AZS = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'];

describe('network stack', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthInfra(infraFixture());
  });

  it('[R2][cdk] VPC subnets span exactly the three configured zones', () => {
    const subnets = synth.template(STACK).findResources('AWS::EC2::Subnet');
    const zones = Object.values(subnets).map(
      (subnet) => subnet.Properties.AvailabilityZone as string,
    );

    assert.equal(zones.length, 6);
    assert.deepEqual([...new Set(zones)].sort(), AZS);
  });

  it('[R2][cdk] one NAT gateway per zone', () => {
    synth.template(STACK).resourceCountIs('AWS::EC2::NatGateway', 3);
  });

  it('[network][cdk] public subnets do not assign public IPs', () => {
    const template = synth.template(STACK);
    const publicSubnets = template.findResources('AWS::EC2::Subnet', {
      Properties: { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Public' }]) },
    });

    assert.equal(Object.keys(publicSubnets).length, 3);
    for (const subnet of Object.values(publicSubnets)) {
      assert.equal(subnet.Properties.MapPublicIpOnLaunch, false);
    }
  });

  it('[network][cdk] S3 gateway endpoint and every interface endpoint private nodes need', () => {
    const endpoints = Object.values(synth.template(STACK).findResources('AWS::EC2::VPCEndpoint'));
    const services = endpoints.map((endpoint) => JSON.stringify(endpoint.Properties.ServiceName));

    const expected = [
      '.s3',
      '.ecr.api',
      '.ecr.dkr',
      '.sts',
      '.ec2"',
      '.logs',
      '.secretsmanager',
      '.sqs',
      '.eks"',
      '.eks-auth',
      '.guardduty-data',
    ];
    for (const suffix of expected) {
      assert.ok(
        services.some((service) => service.includes(suffix)),
        `no VPC endpoint for ${suffix}`,
      );
    }
    assert.equal(endpoints.length, expected.length);
  });

  it('[network][cdk] interface endpoints admit only HTTPS from the VPC CIDR', () => {
    synth.template(STACK).hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Kinko interface endpoints: HTTPS from inside the VPC',
      SecurityGroupIngress: [
        {
          CidrIp: '10.0.0.0/16',
          FromPort: 443,
          ToPort: 443,
          IpProtocol: 'tcp',
          Description: Match.anyValue(),
        },
      ],
    });
  });

  it('[network][cdk] interface endpoints use private DNS in the private subnets', () => {
    const interfaces = synth.template(STACK).findResources('AWS::EC2::VPCEndpoint', {
      Properties: { VpcEndpointType: 'Interface' },
    });

    assert.equal(Object.keys(interfaces).length, 10);
    for (const endpoint of Object.values(interfaces)) {
      assert.equal(endpoint.Properties.PrivateDnsEnabled, true);
      assert.equal((endpoint.Properties.SubnetIds as unknown[]).length, 3);
    }
  });

  it('[network][cdk] flow logs of all traffic go to a KMS-encrypted log group kept 365 days', () => {
    const template = synth.template(STACK);

    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 365,
      KmsKeyId: Match.objectLike({ 'Fn::GetAtt': Match.arrayWith(['Arn']) }),
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});

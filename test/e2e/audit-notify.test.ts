import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';

import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';

import { EVENT_DETAIL_TYPE_ALERT, EVENT_SOURCE } from '../../src/audit/output/aws-notifier.js';
import { awsEnvironment, startTestbed, type Testbed } from '../support/testbed/index.js';

const EVENT = '../shared/corpora/audit/falco-fixtures/create_nginx_pod_privileged.json';

/** Create an SQS queue and return its URL and ARN, so a test can read what SNS or EventBridge sent. */
async function createQueue(sqs: SQSClient, name: string): Promise<{ url: string; arn: string }> {
  const created = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const url = created.QueueUrl ?? '';
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  return { url, arn: attributes.Attributes?.QueueArn ?? '' };
}

async function receiveBodies(sqs: SQSClient, url: string): Promise<string[]> {
  const result = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
  );
  return (result.Messages ?? []).map((message) => message.Body ?? '');
}

describe('kinko audit notifications through the AWS SDK', () => {
  let bed: Testbed;

  before(async () => {
    bed = await startTestbed({ moto: true, crds: false });
  });

  after(async () => {
    await bed?.stop();
  });

  it('[S12][moto] alerts reach an SNS topic and an EventBridge bus', async () => {
    const settings = bed.awsClientSettings;
    assert.ok(settings !== undefined);
    const sns = new SNSClient(settings);
    const events = new EventBridgeClient(settings);
    const sqs = new SQSClient(settings);

    const topic = await sns.send(new CreateTopicCommand({ Name: 'kinko-alerts' }));
    const fromTopic = await createQueue(sqs, 'from-topic');
    await sns.send(
      new SubscribeCommand({
        TopicArn: topic.TopicArn,
        Protocol: 'sqs',
        Endpoint: fromTopic.arn,
        Attributes: { RawMessageDelivery: 'true' },
      }),
    );
    await events.send(new CreateEventBusCommand({ Name: 'security' }));
    const fromBus = await createQueue(sqs, 'from-bus');
    await events.send(
      new PutRuleCommand({
        Name: 'kinko-alerts',
        EventBusName: 'security',
        EventPattern: JSON.stringify({ source: [EVENT_SOURCE] }),
      }),
    );
    await events.send(
      new PutTargetsCommand({
        Rule: 'kinko-alerts',
        EventBusName: 'security',
        Targets: [{ Id: 'queue', Arn: fromBus.arn }],
      }),
    );

    const result = spawnSync(
      process.execPath,
      [
        'dist/src/cli/main.js',
        'audit',
        '--sns-topic-arn',
        topic.TopicArn ?? '',
        '--event-bus',
        'security',
        '--region',
        settings.region,
        '--endpoint-url',
        settings.endpoint,
        EVENT,
      ],
      { encoding: 'utf8', env: { ...process.env, ...awsEnvironment() } },
    );

    assert.equal(result.status, 1, result.stderr);
    const published = (await receiveBodies(sqs, fromTopic.url)).map(
      (body) => JSON.parse(body) as { detection: string },
    );
    assert.deepEqual(
      published.map((alert) => alert.detection),
      ['pod-privileged'],
    );
    const put = (await receiveBodies(sqs, fromBus.url)).map(
      (body) =>
        JSON.parse(body) as {
          source: string;
          'detail-type': string;
          detail: { detection: string };
        },
    );
    assert.equal(put.length, 1);
    assert.equal(put[0]?.source, EVENT_SOURCE);
    assert.equal(put[0]?.['detail-type'], EVENT_DETAIL_TYPE_ALERT);
    assert.equal(put[0]?.detail.detection, 'pod-privileged');
  });

  it('[S12][cli] an invalid SNS topic ARN is a usage error', () => {
    const result = spawnSync(
      process.execPath,
      ['dist/src/cli/main.js', 'audit', '--sns-topic-arn', 'kinko-alerts', EVENT],
      {
        encoding: 'utf8',
        env: { ...process.env, ...awsEnvironment() },
      },
    );
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /--sns-topic-arn kinko-alerts is not an SNS topic ARN/);
  });
});

/** `kinko audit`: wiring and printing only; the work is in src/audit. */
import { createWriteStream, existsSync } from 'node:fs';

import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SNSClient } from '@aws-sdk/client-sns';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { Option, type Command } from 'commander';

import { readCheckpoint, writeCheckpoint, CheckpointFileError } from '../audit/checkpoint.js';
import { DETECTIONS } from '../audit/detections/index.js';
import { Detector } from '../audit/detector.js';
import { createLog, LOG_LEVELS, type AuditLog, type LogLevel } from '../audit/log.js';
import { RepeatLimiter } from '../audit/output/repeats.js';
import { StreamSink, type AlertSink, type OutputFormat } from '../audit/output/sinks.js';
import { WebhookNotifier } from '../audit/output/webhook-notifier.js';
import { EventBridgeNotifier, SnsNotifier } from '../audit/output/aws-notifier.js';
import { CloudWatchSource, type CloudWatchCursor } from '../audit/readers/cloudwatch.js';
import { FileSource, type FilePosition } from '../audit/readers/file.js';
import type { AuditSource } from '../audit/readers/source.js';
import { StreamSource } from '../audit/readers/stream.js';
import { subscriptionLineRecords } from '../audit/readers/subscription.js';
import { isLoopback, parseListenAddress, WebhookSource } from '../audit/readers/webhook.js';
import { runAudit } from '../audit/run.js';
import { detectorSettings } from '../audit/settings.js';
import { loadPlatformConfig } from '../config/load.js';
import { KinkoError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { resolvePlatform } from '../model/resolve.js';

export const AUDIT_USAGE = 'KINKO_AUDIT_USAGE';
/** Code of the error `kinko audit` ends with when it reported alerts without --follow. */
export const AUDIT_ALERTS_FOUND = 'KINKO_AUDIT_ALERTS';

interface AuditCommandOptions {
  config?: string;
  format: OutputFormat;
  output?: string;
  follow: boolean;
  checkpoint?: string;
  listen?: string;
  cloudwatchLogGroup?: string;
  region?: string;
  endpointUrl?: string;
  inputFormat: 'events' | 'subscription';
  webhookUrl?: string;
  snsTopicArn?: string;
  eventBus?: string;
  logLevel: LogLevel;
  logFormat?: 'text' | 'json';
  list: boolean;
}

function usageError(messageId: string, params: Record<string, string> = {}): KinkoError {
  return new KinkoError(AUDIT_USAGE, 'user', { messageId, params });
}

export function registerAuditCommand(program: Command, locale: Locale): void {
  program
    .command('audit')
    .description(t('cli.audit.description', {}, locale))
    .argument('[input]', t('cli.audit.argument.input', {}, locale))
    .option('-c, --config <file>', t('cli.audit.option.config', {}, locale))
    .addOption(
      new Option('-o, --format <format>', t('cli.audit.option.format', {}, locale))
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--output <file>', t('cli.audit.option.output', {}, locale))
    .option('-f, --follow', t('cli.audit.option.follow', {}, locale), false)
    .option('--checkpoint <file>', t('cli.audit.option.checkpoint', {}, locale))
    .option('--listen <address>', t('cli.audit.option.listen', {}, locale))
    .option('--cloudwatch-log-group <name>', t('cli.audit.option.logGroup', {}, locale))
    .option('--region <region>', t('cli.audit.option.region', {}, locale))
    .option('--endpoint-url <url>', t('cli.audit.option.endpointUrl', {}, locale))
    .addOption(
      new Option('--input-format <format>', t('cli.audit.option.inputFormat', {}, locale))
        .choices(['events', 'subscription'])
        .default('events'),
    )
    .option('--webhook-url <url>', t('cli.audit.option.webhookUrl', {}, locale))
    .option('--sns-topic-arn <arn>', t('cli.audit.option.snsTopicArn', {}, locale))
    .option('--event-bus <name>', t('cli.audit.option.eventBus', {}, locale))
    .addOption(
      new Option('--log-level <level>', t('cli.audit.option.logLevel', {}, locale))
        .choices([...LOG_LEVELS])
        .default('info'),
    )
    .addOption(
      new Option('--log-format <format>', t('cli.audit.option.logFormat', {}, locale)).choices([
        'text',
        'json',
      ]),
    )
    .option('--list', t('cli.audit.option.list', {}, locale), false)
    .action(async (input: string | undefined, options: AuditCommandOptions) => {
      if (options.list) {
        printDetections(locale);
        return;
      }
      await runAuditCommand(input, options, locale);
    });
}

function printDetections(locale: Locale): void {
  for (const detection of DETECTIONS) {
    const description = t(`audit.detection.${detection.id}.description`, {}, locale);
    process.stdout.write(
      `${detection.id}\t${detection.severity}\t${detection.practice}\t${detection.tactic.id} ${detection.tactic.name}\t${description}\n`,
    );
  }
}

async function runAuditCommand(
  input: string | undefined,
  options: AuditCommandOptions,
  locale: Locale,
): Promise<void> {
  const log = createLog({
    level: options.logLevel,
    format: options.logFormat ?? (process.stderr.isTTY ? 'text' : 'json'),
    locale,
  });

  const platform =
    options.config === undefined ? undefined : resolvePlatform(loadPlatformConfig(options.config));
  if (platform === undefined) log.info('audit.log.noConfig');
  const settings = detectorSettings(platform);

  const checkpoint = loadCheckpoint(options.checkpoint);
  const detector = new Detector(DETECTIONS, settings.context, settings.exceptions);
  if (checkpoint !== undefined) detector.restore(checkpoint.detector);

  const sources = buildSources(input, options, checkpoint?.sources ?? {}, log);
  for (const source of sources) {
    if (!(source instanceof WebhookSource)) continue;
    const bound = await source.listen();
    log.info('audit.log.listening', { address: bound.address, port: bound.port });
  }
  const sinks = buildSinks(options, locale, log);

  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals): void => {
    log.info('audit.log.stopping', { signal });
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  log.info('audit.log.started', {
    sources: sources.map((source) => source.key).join(', '),
    detections: DETECTIONS.length,
    systems: settings.context.systems.length,
  });

  let stats;
  try {
    stats = await runAudit({
      sources,
      detector,
      repeats: new RepeatLimiter(settings.repeatWindowSeconds),
      sinks,
      log,
      signal: controller.signal,
      positions: checkpoint?.sources ?? {},
      ...(options.checkpoint !== undefined
        ? {
            saveCheckpoint: (positions) =>
              writeCheckpoint(options.checkpoint as string, positions, detector.state()),
          }
        : {}),
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    for (const sink of sinks) await sink.close();
  }

  log.info('audit.log.summary', { ...stats });
  // Only a run that read its inputs to their end reports alerts in its exit code. Following,
  // and listening, which has no end, stop by a signal and exit 0.
  const followed = options.follow || options.listen !== undefined;
  if (!followed && stats.alerts > 0) {
    throw new KinkoError(AUDIT_ALERTS_FOUND, 'user', {
      messageId: 'audit.exit.alertsFound',
      params: { count: stats.alerts },
    });
  }
}

function loadCheckpoint(file: string | undefined): ReturnType<typeof readCheckpoint> {
  if (file === undefined) return undefined;
  try {
    return readCheckpoint(file);
  } catch (error) {
    if (!(error instanceof CheckpointFileError)) throw error;
    throw usageError('audit.checkpoint.invalid', { file, reason: error.message });
  }
}

function buildSources(
  input: string | undefined,
  options: AuditCommandOptions,
  positions: Readonly<Record<string, unknown>>,
  log: AuditLog,
): AuditSource[] {
  const sources: AuditSource[] = [];

  if (input === '-') {
    const decode = options.inputFormat === 'subscription' ? subscriptionLineRecords : undefined;
    sources.push(new StreamSource('stdin', process.stdin, 'stdin', decode));
  } else if (input !== undefined) {
    if (!existsSync(input) && !options.follow) {
      throw usageError('audit.input.notFound', { file: input });
    }
    if (options.inputFormat === 'subscription') {
      throw usageError('audit.input.subscriptionFile');
    }
    const key = new FileSource({ path: input, follow: false }).key;
    const start = positions[key] as FilePosition | undefined;
    sources.push(
      new FileSource({
        path: input,
        follow: options.follow,
        ...(start !== undefined ? { start } : {}),
        onEvent: (kind, position) =>
          log.info(`audit.log.file.${kind}`, { file: position.path, offset: position.offset }),
      }),
    );
  }

  if (options.listen !== undefined) {
    const address = parseListenAddress(options.listen);
    if (address === undefined) throw usageError('audit.listen.invalid', { value: options.listen });
    if (!isLoopback(address.host)) log.warn('audit.log.listenNotLoopback', { host: address.host });
    sources.push(new WebhookSource(address));
  }

  if (options.cloudwatchLogGroup !== undefined) {
    const client = new CloudWatchLogsClient({
      ...(options.region !== undefined ? { region: options.region } : {}),
      ...(options.endpointUrl !== undefined ? { endpoint: options.endpointUrl } : {}),
    });
    const key = `cloudwatch:${options.cloudwatchLogGroup}`;
    const start = positions[key] as CloudWatchCursor | undefined;
    sources.push(
      new CloudWatchSource({
        client,
        logGroup: options.cloudwatchLogGroup,
        follow: options.follow,
        ...(start !== undefined ? { start } : {}),
        onPollError: (error) =>
          log.error('audit.log.cloudwatchFailed', {
            logGroup: options.cloudwatchLogGroup ?? '',
            reason: error.message,
          }),
      }),
    );
  }

  if (sources.length === 0) throw usageError('audit.input.missing');
  return sources;
}

function buildSinks(options: AuditCommandOptions, locale: Locale, log: AuditLog): AlertSink[] {
  const sinks: AlertSink[] = [];
  if (options.output !== undefined) {
    sinks.push(
      new StreamSink(
        createWriteStream(options.output, { flags: 'a' }),
        options.format,
        locale,
        true,
      ),
    );
  } else {
    sinks.push(new StreamSink(process.stdout, options.format, locale, false));
  }
  if (options.webhookUrl !== undefined) {
    if (!/^https?:\/\//.test(options.webhookUrl)) {
      throw usageError('audit.webhookUrl.invalid', { value: options.webhookUrl });
    }
    sinks.push(new WebhookNotifier(options.webhookUrl, locale, log));
  }
  const awsClientConfig = {
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.endpointUrl !== undefined ? { endpoint: options.endpointUrl } : {}),
  };
  if (options.snsTopicArn !== undefined) {
    if (
      !/^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/.test(
        options.snsTopicArn,
      )
    ) {
      throw usageError('audit.snsTopicArn.invalid', { value: options.snsTopicArn });
    }
    sinks.push(new SnsNotifier(new SNSClient(awsClientConfig), options.snsTopicArn, locale, log));
  }
  if (options.eventBus !== undefined) {
    sinks.push(
      new EventBridgeNotifier(
        new EventBridgeClient(awsClientConfig),
        options.eventBus,
        locale,
        log,
      ),
    );
  }
  return sinks;
}

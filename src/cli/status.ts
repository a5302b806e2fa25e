/** `kinko status`: wiring and printing only; the work is in src/ops/bluegreen/status.ts. */
import type { Command } from 'commander';

import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { elbv2Client, route53Client } from '../ops/bluegreen/aws.js';
import { readStatus } from '../ops/bluegreen/status.js';
import { formatWeights } from '../ops/bluegreen/weights.js';
import { addCommonOptions, awsSettings, loadPlatform, type CommonOptions } from './switch.js';

export function registerStatusCommand(program: Command, locale: Locale): void {
  addCommonOptions(
    program.command('status').description(t('cli.status.description', {}, locale)),
    locale,
  ).action(async (options: CommonOptions) => {
    const platform = loadPlatform(options);
    const settings = awsSettings(options);
    const drRegion = platform.disasterRecovery?.region.region;
    const status = await readStatus(platform, {
      primary: elbv2Client(platform.primary.region, settings),
      ...(drRegion !== undefined
        ? { dr: elbv2Client(drRegion, settings), route53: route53Client(settings) }
        : {}),
    });

    if (options.output === 'json') {
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      return;
    }
    const lines = [t('ops.status.loadBalancer', { arn: status.loadBalancer }, locale)];
    for (const group of status.targetGroups) {
      lines.push(t('ops.status.targetGroup', { ...group }, locale));
    }
    for (const system of status.systems) {
      lines.push(
        t(
          'ops.status.system',
          {
            system: system.system,
            host: system.host,
            live: system.liveCluster,
            weights: formatWeights(system.weights),
            declared: system.declaredLiveCluster,
            region: system.region,
          },
          locale,
        ),
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}

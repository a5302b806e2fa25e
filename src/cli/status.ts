/**
 * `kinko status`: wiring and printing only; the work is in src/ops/bluegreen/status.ts and, for
 * the colours of blue/green apps, src/ops/bluegreen/app/status.ts.
 */
import type { Command } from 'commander';

import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { elbv2Client, route53Client } from '../ops/bluegreen/aws.js';
import { readStatus } from '../ops/bluegreen/status.js';
import { formatWeights } from '../ops/bluegreen/weights.js';
import { readAppStatus, type AppStatus } from '../ops/bluegreen/app/status.js';
import { loadKubeConfig } from './apply.js';
import { addCommonOptions, awsSettings, loadPlatform, type CommonOptions } from './switch.js';

interface StatusOptions extends CommonOptions {
  kubeconfig?: string;
  context?: string;
}

/**
 * Reads app colours only when a cluster is named (--kubeconfig, --context or KUBECONFIG), so a
 * status of the edge alone never reaches for a default cluster.
 */
async function appStatuses(
  platform: Parameters<typeof readAppStatus>[0],
  options: StatusOptions,
): Promise<AppStatus[]> {
  const named =
    options.kubeconfig !== undefined ||
    options.context !== undefined ||
    (process.env.KUBECONFIG ?? '') !== '';
  if (!named || !platform.systems.some((system) => system.apps.some((app) => app.blueGreen))) {
    return [];
  }
  return readAppStatus(platform, loadKubeConfig(options.kubeconfig, options.context));
}

export function registerStatusCommand(program: Command, locale: Locale): void {
  addCommonOptions(
    program.command('status').description(t('cli.status.description', {}, locale)),
    locale,
  )
    .option('--kubeconfig <file>', t('cli.apply.option.kubeconfig', {}, locale))
    .option('--context <name>', t('cli.apply.option.context', {}, locale))
    .action(async (options: StatusOptions) => {
      const platform = loadPlatform(options);
      const settings = awsSettings(options);
      const drRegion = platform.disasterRecovery?.region.region;
      const status = await readStatus(platform, {
        primary: elbv2Client(platform.primary.region, settings),
        ...(drRegion !== undefined
          ? { dr: elbv2Client(drRegion, settings), route53: route53Client(settings) }
          : {}),
      });

      const apps = await appStatuses(platform, options);

      if (options.output === 'json') {
        process.stdout.write(`${JSON.stringify({ ...status, apps }, null, 2)}\n`);
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
      for (const app of apps) {
        lines.push(t('ops.status.app', { ...app }, locale));
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

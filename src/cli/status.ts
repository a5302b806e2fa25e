/**
 * `kinko status`: wiring and printing only; the work is in src/ops/bluegreen/status.ts and, for
 * the colours of blue/green apps, src/ops/bluegreen/app/status.ts.
 */
import type { Command } from 'commander';

import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { elbv2Client, route53Client } from '../ops/bluegreen/aws.js';
import { readStatus, readStatusReport, type StatusReport } from '../ops/bluegreen/status.js';
import { formatWeights } from '../ops/bluegreen/weights.js';
import { appLiveText, readAppStatus, type AppStatus } from '../ops/bluegreen/app/status.js';
import { loadKubeConfig } from './apply.js';
import { addCommonOptions, awsSettings, loadPlatform, type CommonOptions } from './switch.js';

interface StatusOptions extends CommonOptions {
  kubeconfig?: string;
  context?: string;
}

/**
 * Reads app colours only when a cluster is named (--kubeconfig, --context or KUBECONFIG), so a
 * status of the edge alone never reaches for a default cluster. Returns undefined when there is
 * nothing to read.
 */
function appReader(
  platform: Parameters<typeof readAppStatus>[0],
  options: StatusOptions,
): (() => Promise<AppStatus[]>) | undefined {
  const named =
    options.kubeconfig !== undefined ||
    options.context !== undefined ||
    (process.env.KUBECONFIG ?? '') !== '';
  if (!named || !platform.systems.some((system) => system.apps.some((app) => app.blueGreen))) {
    return undefined;
  }
  return () => readAppStatus(platform, loadKubeConfig(options.kubeconfig, options.context));
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
      const { report, edgeError } = await readStatusReport(
        () =>
          readStatus(platform, {
            primary: elbv2Client(platform.primary.region, settings),
            ...(drRegion !== undefined
              ? { dr: elbv2Client(drRegion, settings), route53: route53Client(settings) }
              : {}),
          }),
        appReader(platform, options),
      );

      if (options.output === 'json') {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        process.stdout.write(
          `${statusLines(report, edgeError !== undefined, locale).join('\n')}\n`,
        );
      }
      // The app colours are printed; the edge error still fails the command and names what is missing.
      if (edgeError !== undefined) throw edgeError;
    });
}

function statusLines(report: StatusReport, edgeFailed: boolean, locale: Locale): string[] {
  const lines = edgeFailed
    ? [t('ops.status.edgeUnavailable', {}, locale)]
    : [t('ops.status.loadBalancer', { arn: report.loadBalancer ?? '-' }, locale)];
  for (const group of report.targetGroups) {
    lines.push(t('ops.status.targetGroup', { ...group }, locale));
  }
  for (const system of report.systems) {
    lines.push(
      t(
        'ops.status.system',
        {
          system: system.system,
          host: system.host,
          live: system.liveCluster,
          weights: formatWeights(system.weights),
          declared: system.declaredLiveCluster,
          region: system.region ?? '-',
        },
        locale,
      ),
    );
  }
  for (const app of report.apps) {
    lines.push(
      t(
        'ops.status.app',
        {
          system: app.system,
          app: app.app,
          method: app.method,
          live: appLiveText(app),
          declared: app.declared ?? '-',
        },
        locale,
      ),
    );
  }
  return lines;
}

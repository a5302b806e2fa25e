/** `kinko nodes status` and `kinko nodes pin`: wiring and printing only; the work is in src/ops/nodes. */
import { Command, InvalidArgumentError, Option } from 'commander';

import { KinkoError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import type { ResolvedPlatform } from '../model/platform.js';
import { eksClient, ssmClient } from '../ops/nodes/aws.js';
import { checkFreshness } from '../ops/nodes/freshness.js';
import { ReleaseCatalog } from '../ops/nodes/latest.js';
import { pinReleases } from '../ops/nodes/pin.js';
import {
  readRecord,
  recordPathFor,
  writeRecord,
  type NodeReleaseRecord,
} from '../ops/nodes/record.js';
import {
  failedProblems,
  freshnessJson,
  renderFreshness,
  renderPinChanges,
} from '../ops/nodes/render.js';
import { loadKubeConfig } from './apply.js';
import { awsSettings, loadPlatform, type CommonOptions } from './switch.js';

export const NODES_LAGGING = 'KINKO_NODES_LAGGING';
/** A `--cluster` or `--dr` that selects no cluster: a mistake in the command line, not in AWS. */
export const NODES_USAGE = 'KINKO_NODES_USAGE';

interface StatusOptions extends CommonOptions {
  cluster?: string;
  dr?: boolean;
  kubeconfig?: string;
  context?: string;
  kube: boolean;
  maxDaysBehind: number;
}

interface PinOptions {
  config: string;
  endpointUrl?: string;
  dryRun?: boolean;
}

/** Returns a commander parser of a whole number of days that rejects anything else in `locale`. */
function daysParser(locale: Locale): (text: string) => number {
  return (text) => {
    if (!/^\d+$/.test(text.trim())) {
      throw new InvalidArgumentError(t('cli.nodes.option.maxDaysBehind.invalid', {}, locale));
    }
    return Number(text.trim());
  };
}

/** Returns the EKS cluster name and region that `--cluster` and `--dr` select. */
export function selectCluster(
  platform: ResolvedPlatform,
  options: Pick<StatusOptions, 'cluster' | 'dr'>,
): { name: string; region: string } {
  const keys = platform.clusters.map((cluster) => cluster.key);
  const key = options.cluster ?? (keys.length === 1 ? keys[0] : undefined);
  const cluster = platform.clusters.find((candidate) => candidate.key === key);
  if (cluster === undefined) {
    throw new KinkoError(NODES_USAGE, 'user', {
      messageId: options.cluster === undefined ? 'nodes.needsCluster' : 'nodes.unknownCluster',
      params: { value: options.cluster ?? '', clusters: keys.join(', ') },
    });
  }
  if (options.dr !== true) return { name: cluster.name, region: platform.primary.region };

  const dr = platform.disasterRecovery;
  if (dr === undefined || dr.cluster.key !== cluster.key) {
    throw new KinkoError(NODES_USAGE, 'user', {
      messageId: 'nodes.noDrCluster',
      params: { cluster: cluster.key, drCluster: dr?.cluster.key ?? '' },
    });
  }
  return { name: dr.cluster.name, region: dr.region.region };
}

/**
 * Reads the record that pin replaces, for its old → new lines. An invalid record does not stop pin,
 * because writing the file again is how the user repairs it.
 */
function readPreviousRecord(file: string): NodeReleaseRecord | undefined {
  try {
    return readRecord(file);
  } catch (error) {
    if (error instanceof KinkoError) return undefined;
    throw error;
  }
}

export function registerNodesCommand(program: Command, locale: Locale): void {
  const nodes = program.command('nodes').description(t('cli.nodes.description', {}, locale));

  nodes
    .command('status')
    .description(t('cli.nodes.status.description', {}, locale))
    .option('-c, --config <file>', t('cli.nodes.option.config', {}, locale), 'platform.yaml')
    .option('--cluster <key>', t('cli.nodes.option.cluster', {}, locale))
    .option('--dr', t('cli.nodes.option.dr', {}, locale), false)
    .option('--kubeconfig <file>', t('cli.apply.option.kubeconfig', {}, locale))
    .option('--context <name>', t('cli.apply.option.context', {}, locale))
    .option('--no-kube', t('cli.nodes.option.noKube', {}, locale))
    .option(
      '--max-days-behind <days>',
      t('cli.nodes.option.maxDaysBehind', {}, locale),
      daysParser(locale),
      0,
    )
    .addOption(
      new Option('-o, --output <format>', t('cli.ops.option.output', {}, locale))
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--endpoint-url <url>', t('cli.ops.option.endpointUrl', {}, locale))
    .action(async (options: StatusOptions) => {
      const platform = loadPlatform(options);
      const { name, region } = selectCluster(platform, options);
      const settings = awsSettings(options);
      const report = await checkFreshness({
        eks: eksClient(region, settings),
        ...(options.kube
          ? { kubeConfig: loadKubeConfig(options.kubeconfig, options.context) }
          : {}),
        catalog: new ReleaseCatalog(ssmClient(region, settings), region),
        clusterName: name,
        maxDaysBehind: options.maxDaysBehind,
      });

      process.stdout.write(
        options.output === 'json'
          ? `${JSON.stringify(freshnessJson(report), null, 2)}\n`
          : renderFreshness(report, locale),
      );
      if (report.failed > 0) {
        const { summary, problems } = failedProblems(report);
        throw new KinkoError(NODES_LAGGING, 'user', summary, problems);
      }
    });

  nodes
    .command('pin')
    .description(t('cli.nodes.pin.description', {}, locale))
    .option('-c, --config <file>', t('cli.nodes.option.pinConfig', {}, locale), 'platform.yaml')
    .option('--dry-run', t('cli.nodes.option.pinDryRun', {}, locale), false)
    .option('--endpoint-url <url>', t('cli.ops.option.endpointUrl', {}, locale))
    .action(async (options: PinOptions) => {
      const common: CommonOptions = {
        config: options.config,
        output: 'text',
        ...(options.endpointUrl !== undefined ? { endpointUrl: options.endpointUrl } : {}),
      };
      const platform = loadPlatform(common);
      const settings = awsSettings(common);
      const file = recordPathFor(options.config);
      const previous = readPreviousRecord(file);
      const catalogs = new Map<string, ReleaseCatalog>();
      const changes = await pinReleases({
        platform,
        catalogFor: (region) => {
          const catalog =
            catalogs.get(region) ?? new ReleaseCatalog(ssmClient(region, settings), region);
          catalogs.set(region, catalog);
          return catalog;
        },
        ...(previous !== undefined ? { previous } : {}),
        today: new Date().toISOString().slice(0, 10),
      });

      if (options.dryRun !== true) {
        writeRecord(file, { releases: changes.map((change) => change.release) });
      }
      process.stdout.write(renderPinChanges(changes, file, options.dryRun === true, locale));
    });
}

/** `kinko drain` and `kinko uncordon`: wiring and printing only; the work is in src/ops/drain. */
import { createInterface } from 'node:readline/promises';

import type { Command } from 'commander';

import { KinkoError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { elbv2Client } from '../ops/bluegreen/aws.js';
import { drainNodes, uncordonNodes, type DrainPlan } from '../ops/drain/drain.js';
import type { DrainEvent } from '../ops/drain/evict.js';
import type { LoadBalancerSettings } from '../ops/drain/load-balancer.js';
import { DRAIN_FAILED } from '../ops/drain/nodes.js';
import { defaultStatePath, DrainStateFile } from '../ops/drain/state.js';
import { loadKubeConfig } from './apply.js';
import { awsSettings, loadPlatform } from './switch.js';

interface DrainCommandOptions {
  kubeconfig?: string;
  context?: string;
  nodegroup?: string;
  zone?: string;
  state?: string;
  timeout: string;
  dryRun?: boolean;
  yes?: boolean;
  force?: boolean;
  loadBalancer: boolean;
  config: string;
  cluster?: string;
  endpointUrl?: string;
}

/** Parses `90s`, `10m`, `1h` or plain seconds into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)(s|m|h)?$/.exec(text.trim());
  if (match === null) {
    throw new KinkoError('KINKO_USAGE', 'user', {
      messageId: 'cli.drain.badTimeout',
      params: { value: text },
    });
  }
  const unitSeconds: Record<string, number> = { s: 1, m: 60, h: 3600 };
  const unit = unitSeconds[match[2] ?? 's'] ?? 1;
  return Number(match[1]) * unit * 1000;
}

/** Returns the cluster's Kinko target groups, or the reason deregistration is skipped. */
function loadBalancerFor(
  options: DrainCommandOptions,
  locale: Locale,
): { settings?: LoadBalancerSettings; skipped?: string } {
  if (!options.loadBalancer) return { skipped: t('drain.lbSkip.option', {}, locale) };
  const platform = loadPlatform({
    config: options.config,
    output: 'text',
    ...(options.endpointUrl !== undefined ? { endpointUrl: options.endpointUrl } : {}),
  });
  const edge = platform.edge;
  if (edge === undefined) return { skipped: t('drain.lbSkip.noEdge', {}, locale) };
  const keys = platform.clusters.map((cluster) => cluster.key);
  const cluster = options.cluster ?? (keys.length === 1 ? keys[0] : undefined);
  if (cluster === undefined || !keys.includes(cluster)) {
    throw new KinkoError(DRAIN_FAILED, 'user', {
      messageId: 'drain.needsCluster',
      params: { clusters: keys.join(', ') },
    });
  }
  const settings = awsSettings({
    config: options.config,
    output: 'text',
    ...(options.endpointUrl !== undefined ? { endpointUrl: options.endpointUrl } : {}),
  });
  return {
    settings: {
      client: elbv2Client(platform.primary.region, settings),
      targetGroupNames: edge.targetGroups
        .filter((group) => group.clusterKey === cluster)
        .map((group) => group.name),
    },
  };
}

function printer(locale: Locale) {
  const tty = process.stdout.isTTY === true;
  let progressShown = false;
  let evicted = 0;
  let total = 0;
  const write = (line: string) => {
    if (progressShown) process.stdout.write('\r\x1b[K');
    progressShown = false;
    process.stdout.write(`${line}\n`);
  };
  return {
    setTotal: (count: number) => {
      total = count;
    },
    onEvent: (event: DrainEvent) => {
      write(t(event.messageId, event.params, locale));
      if (event.messageId === 'drain.evict.done') evicted++;
      if (tty && total > 0) {
        const width = 20;
        const filled = Math.round((Math.min(evicted, total) / total) * width);
        const bar = '#'.repeat(filled) + '.'.repeat(width - filled);
        process.stdout.write(t('drain.progress', { bar, done: evicted, total }, locale));
        progressShown = true;
      }
    },
    write,
  };
}

export function registerDrainCommand(program: Command, locale: Locale): void {
  program
    .command('drain')
    .description(t('cli.drain.description', {}, locale))
    .argument('[nodes...]')
    .option('--nodegroup <name>', t('cli.drain.option.nodegroup', {}, locale))
    .option('--zone <zone>', t('cli.drain.option.zone', {}, locale))
    .option('--kubeconfig <file>', t('cli.apply.option.kubeconfig', {}, locale))
    .option('--context <name>', t('cli.apply.option.context', {}, locale))
    .option('--state <file>', t('cli.drain.option.state', {}, locale))
    .option('--timeout <duration>', t('cli.drain.option.timeout', {}, locale), '10m')
    .option('--dry-run', t('cli.ops.option.dryRun', {}, locale), false)
    .option('-y, --yes', t('cli.ops.option.yes', {}, locale), false)
    .option('--force', t('cli.drain.option.force', {}, locale), false)
    .option('--no-load-balancer', t('cli.drain.option.noLoadBalancer', {}, locale))
    .option('-c, --config <file>', t('cli.ops.option.config', {}, locale), 'platform.yaml')
    .option('--cluster <key>', t('cli.drain.option.cluster', {}, locale))
    .option('--endpoint-url <url>', t('cli.ops.option.endpointUrl', {}, locale))
    .action(async (nodes: string[], options: DrainCommandOptions) => {
      const timeoutMs = parseDuration(options.timeout);
      const kubeConfig = loadKubeConfig(options.kubeconfig, options.context);
      const lb = loadBalancerFor(options, locale);
      const dryRun = options.dryRun === true;
      const state = new DrainStateFile(options.state ?? defaultStatePath(), dryRun);
      const out = printer(locale);
      const confirm = async (plan: DrainPlan): Promise<boolean> => {
        for (const node of plan.nodes) {
          out.write(
            t(
              'drain.plan.node',
              {
                node: node.node,
                instance: node.instanceId ?? '-',
                evict: node.pods.evict.length,
                daemonset: node.pods.daemonset.length,
                mirror: node.pods.mirror.length,
                finished: node.pods.finished.length,
                unmanaged: node.pods.unmanaged.length,
              },
              locale,
            ),
          );
        }
        if (plan.loadBalancerSkipped !== undefined) {
          out.write(t('drain.plan.lbSkipped', { reason: plan.loadBalancerSkipped }, locale));
        }
        out.setTotal(
          plan.nodes.reduce(
            (sum, node) =>
              sum +
              node.pods.evict.length +
              (options.force === true ? node.pods.unmanaged.length : 0),
            0,
          ),
        );
        if (dryRun || options.yes === true) return true;
        if (!process.stdin.isTTY) {
          throw new KinkoError('KINKO_CHANGE_NEEDS_YES', 'user', {
            messageId: 'drain.needsYes',
            params: {},
          });
        }
        const prompt = createInterface({ input: process.stdin, output: process.stderr });
        try {
          const answer = await prompt.question(
            t(
              'drain.confirm.question',
              { count: plan.nodes.length, nodes: plan.nodes.map((n) => n.node).join(', ') },
              locale,
            ),
          );
          return /^(y|yes|はい)$/i.test(answer.trim());
        } finally {
          prompt.close();
        }
      };
      const start = Date.now();
      const result = await drainNodes({
        kubeConfig,
        target: {
          nodes,
          ...(options.nodegroup !== undefined ? { nodegroup: options.nodegroup } : {}),
          ...(options.zone !== undefined ? { zone: options.zone } : {}),
        },
        state,
        dryRun,
        force: options.force === true,
        ...(lb.settings !== undefined ? { loadBalancer: lb.settings } : {}),
        ...(lb.skipped !== undefined ? { loadBalancerSkipped: lb.skipped } : {}),
        clock: {
          now: () => Date.now(),
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          deadline: start + timeoutMs,
        },
        confirm,
        onEvent: out.onEvent,
      });
      out.write(
        t(
          'drain.summary',
          {
            mode: dryRun ? t('apply.dryRunPrefix', {}, locale) : '',
            nodes: result.nodes.length,
            evicted: result.nodes.reduce((sum, n) => sum + n.evicted, 0),
            skipped: result.nodes.reduce((sum, n) => sum + n.skipped, 0),
          },
          locale,
        ),
      );
    });

  program
    .command('uncordon')
    .description(t('cli.uncordon.description', {}, locale))
    .argument('[nodes...]')
    .option('--nodegroup <name>', t('cli.drain.option.nodegroup', {}, locale))
    .option('--zone <zone>', t('cli.drain.option.zone', {}, locale))
    .option('--kubeconfig <file>', t('cli.apply.option.kubeconfig', {}, locale))
    .option('--context <name>', t('cli.apply.option.context', {}, locale))
    .option('--state <file>', t('cli.drain.option.state', {}, locale))
    .option('--dry-run', t('cli.ops.option.dryRun', {}, locale), false)
    .action(async (nodes: string[], options: DrainCommandOptions) => {
      const dryRun = options.dryRun === true;
      await uncordonNodes({
        kubeConfig: loadKubeConfig(options.kubeconfig, options.context),
        target: {
          nodes,
          ...(options.nodegroup !== undefined ? { nodegroup: options.nodegroup } : {}),
          ...(options.zone !== undefined ? { zone: options.zone } : {}),
        },
        state: new DrainStateFile(options.state ?? defaultStatePath(), dryRun),
        dryRun,
        onEvent: (event) => process.stdout.write(`${t(event.messageId, event.params, locale)}\n`),
      });
    });
}

/** `kinko apply`: wiring and printing only; the work is in src/ops/apply. */
import { KubeConfig } from '@kubernetes/client-node';
import type { Command } from 'commander';

import { KinkoError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { APPLY_FAILED, applyManifests, type ChangeKind } from '../ops/apply/apply.js';
import { clusterManifestDir, readManifestSet } from '../ops/apply/manifest-set.js';

interface ApplyCommandOptions {
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  dryRun?: boolean;
  prune?: boolean;
}

/** Load the kubeconfig the way kubectl does, then switch to `context` if given. */
export function loadKubeConfig(file?: string, context?: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  try {
    if (file !== undefined) kubeConfig.loadFromFile(file);
    else kubeConfig.loadFromDefault();
  } catch (error) {
    throw new KinkoError(APPLY_FAILED, 'user', {
      messageId: 'apply.kubeconfig.invalid',
      params: { reason: error instanceof Error ? error.message : String(error) },
    });
  }
  if (context !== undefined) {
    const contexts = kubeConfig.getContexts().map((c) => c.name);
    if (!contexts.includes(context)) {
      throw new KinkoError(APPLY_FAILED, 'user', {
        messageId: 'apply.context.unknown',
        params: { context, contexts: contexts.join(', ') },
      });
    }
    kubeConfig.setCurrentContext(context);
  }
  return kubeConfig;
}

export function registerApplyCommand(program: Command, locale: Locale): void {
  program
    .command('apply')
    .description(t('cli.apply.description', {}, locale))
    .argument('<dir>', 'kinko synth --out')
    .option('--kubeconfig <file>', t('cli.apply.option.kubeconfig', {}, locale))
    .option('--context <name>', t('cli.apply.option.context', {}, locale))
    .option('--cluster <name>', t('cli.apply.option.cluster', {}, locale))
    .option('--dry-run', t('cli.apply.option.dryRun', {}, locale), false)
    .option('--prune', t('cli.apply.option.prune', {}, locale), false)
    .action(async (dir: string, options: ApplyCommandOptions) => {
      const objects = readManifestSet(clusterManifestDir(dir, options.cluster));
      const kubeConfig = loadKubeConfig(options.kubeconfig, options.context);
      const counts: Record<ChangeKind, number> = {
        created: 0,
        configured: 0,
        unchanged: 0,
        pruned: 0,
      };

      await applyManifests({
        kubeConfig,
        objects,
        dryRun: options.dryRun === true,
        prune: options.prune === true,
        onChange: (change) => {
          counts[change.change]++;
          process.stdout.write(
            `${t(`apply.change.${change.change}`, { object: change.object }, locale)}\n`,
          );
          if (change.diff !== undefined) process.stdout.write(change.diff);
        },
      });

      const mode = options.dryRun === true ? t('apply.dryRunPrefix', {}, locale) : '';
      process.stdout.write(`${t('apply.summary', { mode, ...counts }, locale)}\n`);
    });
}

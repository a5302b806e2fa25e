/** `kinko rollback cluster` and `kinko rollback app`: wiring only; the work is in src/ops/bluegreen. */
import type { Command } from 'commander';

import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { elbv2Client } from '../ops/bluegreen/aws.js';
import { switchCluster } from '../ops/bluegreen/switch-cluster.js';
import { switchApp } from '../ops/bluegreen/app/switch-app.js';
import { loadKubeConfig } from './apply.js';
import {
  addAppChangeOptions,
  addChangeOptions,
  awsSettings,
  changeIo,
  loadPlatform,
  openJournal,
  printResult,
  type AppChangeOptions,
  type ChangeOptions,
} from './switch.js';

export function registerRollbackCommand(program: Command, locale: Locale): void {
  const command = program
    .command('rollback')
    .description(t('cli.rollback.description', {}, locale));
  addChangeOptions(
    command.command('cluster').description(t('cli.rollback.cluster.description', {}, locale)),
    locale,
  ).action(async (options: ChangeOptions) => {
    const platform = loadPlatform(options);
    const result = await switchCluster({
      platform,
      system: options.system,
      operation: 'rollback-cluster',
      client: elbv2Client(platform.primary.region, awsSettings(options)),
      journal: openJournal(options),
      dryRun: options.dryRun === true,
      force: options.force === true,
      io: changeIo(options, locale),
    });
    printResult(result, options);
  });

  addAppChangeOptions(
    command.command('app').description(t('cli.rollback.app.description', {}, locale)),
    locale,
  ).action(async (options: AppChangeOptions) => {
    const result = await switchApp({
      platform: loadPlatform(options),
      system: options.system,
      app: options.app,
      operation: 'rollback-app',
      kubeConfig: loadKubeConfig(options.kubeconfig, options.context),
      journal: openJournal(options),
      dryRun: options.dryRun === true,
      force: options.force === true,
      io: changeIo(options, locale),
    });
    printResult(result, options);
  });
}

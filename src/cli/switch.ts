/**
 * `kinko switch cluster` and `kinko switch app`: wiring and printing only; the work is in
 * src/ops/bluegreen. Also the options and printing that `rollback`, `dr` and `status` share.
 */
import { createInterface } from 'node:readline/promises';
import { Command, Option } from 'commander';

import { loadPlatformConfig } from '../config/load.js';
import { KinkoError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import type { ResolvedPlatform } from '../model/platform.js';
import { resolvePlatform } from '../model/resolve.js';
import type { AwsSettings } from '../ops/bluegreen/aws.js';
import type { ChangeIo, ChangePlan, ChangeResult } from '../ops/bluegreen/change.js';
import { defaultJournalPath, Journal } from '../ops/bluegreen/journal.js';
import { elbv2Client } from '../ops/bluegreen/aws.js';
import { switchCluster } from '../ops/bluegreen/switch-cluster.js';
import { switchApp } from '../ops/bluegreen/app/switch-app.js';
import { loadKubeConfig } from './apply.js';

export const CHANGE_NEEDS_YES = 'KINKO_CHANGE_NEEDS_YES';

export interface CommonOptions {
  config: string;
  output: 'text' | 'json';
  endpointUrl?: string;
}

export interface ChangeOptions extends CommonOptions {
  system: string;
  yes?: boolean;
  force?: boolean;
  dryRun?: boolean;
  journal?: string;
}

/** Adds the options every edge command takes. */
export function addCommonOptions(command: Command, locale: Locale): Command {
  return command
    .option('-c, --config <file>', t('cli.ops.option.config', {}, locale), 'platform.yaml')
    .addOption(
      new Option('-o, --output <format>', t('cli.ops.option.output', {}, locale))
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--endpoint-url <url>', t('cli.ops.option.endpointUrl', {}, locale));
}

/** Adds the options of a command that changes something. */
export function addChangeOptions(command: Command, locale: Locale): Command {
  return addCommonOptions(command, locale)
    .requiredOption('--system <name>', t('cli.ops.option.system', {}, locale))
    .option('-y, --yes', t('cli.ops.option.yes', {}, locale), false)
    .option('--force', t('cli.ops.option.force', {}, locale), false)
    .option('--dry-run', t('cli.ops.option.dryRun', {}, locale), false)
    .option('--journal <file>', t('cli.ops.option.journal', {}, locale));
}

export function loadPlatform(options: CommonOptions): ResolvedPlatform {
  return resolvePlatform(loadPlatformConfig(options.config));
}

export function awsSettings(options: CommonOptions): AwsSettings {
  const endpoint = options.endpointUrl ?? process.env.KINKO_AWS_ENDPOINT_URL;
  return endpoint !== undefined && endpoint !== '' ? { endpoint } : {};
}

export function openJournal(options: ChangeOptions): Journal {
  return new Journal(options.journal ?? defaultJournalPath());
}

/**
 * Prompts on a terminal. Without one, `--yes` is the only way to approve, so a script that
 * forgot it stops instead of changing production.
 */
export function changeIo(options: ChangeOptions, locale: Locale): ChangeIo {
  return {
    confirm: async (plan: ChangePlan) => {
      if (options.yes === true) return true;
      if (!process.stdin.isTTY) {
        throw new KinkoError(CHANGE_NEEDS_YES, 'user', {
          messageId: 'ops.confirm.noTerminal',
          params: { system: plan.system },
        });
      }
      const prompt = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const answer = await prompt.question(
          t(
            'ops.confirm.question',
            { system: plan.system, old: plan.oldText, new: plan.newText },
            locale,
          ),
        );
        return /^(y|yes|はい)$/i.test(answer.trim());
      } finally {
        prompt.close();
      }
    },
    onEvent: (event) => {
      const line = t(event.messageId, event.params, locale);
      // With -o json, stdout carries only the result object.
      (options.output === 'json' ? process.stderr : process.stdout).write(`${line}\n`);
    },
  };
}

export function printResult(result: ChangeResult, options: CommonOptions): void {
  if (options.output === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

export interface AppChangeOptions extends ChangeOptions {
  app: string;
  kubeconfig?: string;
  context?: string;
}

/** Adds the options of `switch app` and `rollback app`. */
export function addAppChangeOptions(command: Command, locale: Locale): Command {
  return addChangeOptions(command, locale)
    .requiredOption('--app <name>', t('cli.switch.option.app', {}, locale))
    .option('--kubeconfig <file>', t('cli.apply.option.kubeconfig', {}, locale))
    .option('--context <name>', t('cli.apply.option.context', {}, locale));
}

export function registerSwitchCommand(program: Command, locale: Locale): void {
  const command = program.command('switch').description(t('cli.switch.description', {}, locale));
  addChangeOptions(
    command.command('cluster').description(t('cli.switch.cluster.description', {}, locale)),
    locale,
  )
    .requiredOption('--to <cluster>', t('cli.switch.option.to', {}, locale))
    .action(async (options: ChangeOptions & { to: string }) => {
      const platform = loadPlatform(options);
      const result = await switchCluster({
        platform,
        system: options.system,
        to: options.to,
        operation: 'switch-cluster',
        client: elbv2Client(platform.primary.region, awsSettings(options)),
        journal: openJournal(options),
        dryRun: options.dryRun === true,
        force: options.force === true,
        io: changeIo(options, locale),
      });
      printResult(result, options);
    });

  addAppChangeOptions(
    command.command('app').description(t('cli.switch.app.description', {}, locale)),
    locale,
  )
    .option('--to <colour>', t('cli.switch.option.colour', {}, locale))
    .option('--preview-url <url>', t('cli.switch.option.previewUrl', {}, locale))
    .action(async (options: AppChangeOptions & { to?: string; previewUrl?: string }) => {
      const result = await switchApp({
        platform: loadPlatform(options),
        system: options.system,
        app: options.app,
        ...(options.to !== undefined ? { to: options.to } : {}),
        ...(options.previewUrl !== undefined ? { previewUrl: options.previewUrl } : {}),
        operation: 'switch-app',
        kubeConfig: loadKubeConfig(options.kubeconfig, options.context),
        journal: openJournal(options),
        dryRun: options.dryRun === true,
        force: options.force === true,
        io: changeIo(options, locale),
      });
      printResult(result, options);
    });
}

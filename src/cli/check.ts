/** `kinko check`: wiring and printing only; the rules and the engine are in src/policy. */
import { Command, CommanderError, Option } from 'commander';

import { loadPlatformConfig } from '../config/load.js';
import { KinkoError, renderError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { resolvePlatform } from '../model/resolve.js';
import { CHECK_EXIT, checkExitCode, countFailing, runCheck } from '../policy/check.js';
import { createKinkoRegistry } from '../policy/pack.js';
import { formatJson } from '../policy/report/json.js';
import { formatJunit } from '../policy/report/junit.js';
import type { CheckReport } from '../policy/report/report.js';
import { formatSarif } from '../policy/report/sarif.js';
import { formatText } from '../policy/report/text.js';
import { SEVERITIES, type Severity } from '../policy/rule.js';
import {
  DEFAULT_ALLOWED_CLUSTER_ROLES,
  DEFAULT_GRACE_PERIOD_MARGIN_SECONDS,
  DEFAULT_SETTINGS,
  settingsFromPlatform,
  type PolicySettings,
} from '../policy/settings.js';

const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

interface CheckCommandOptions {
  format: Format;
  failOn: Severity;
  config?: string;
  allowedRegistry: string[];
  allowedClusterRole: string[];
  dockerfile: string[];
  graceMarginSeconds?: string;
  listRules?: boolean;
}

/** Leave with `code` through commander, which main maps to the usage exit code 2. */
function exitWithInputError(message: string): never {
  process.stderr.write(`${message}\n`);
  throw new CommanderError(CHECK_EXIT.input, 'kinko.check.input', message);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function settingsOf(options: CheckCommandOptions, locale: Locale): PolicySettings {
  let margin = DEFAULT_GRACE_PERIOD_MARGIN_SECONDS;
  if (options.graceMarginSeconds !== undefined) {
    margin = Number(options.graceMarginSeconds);
    if (!/^\d+$/.test(options.graceMarginSeconds)) {
      exitWithInputError(
        t(
          'check.invalidNumber',
          { option: '--grace-margin-seconds', value: options.graceMarginSeconds },
          locale,
        ),
      );
    }
  }

  let fromPlatform: Partial<PolicySettings> = {};
  if (options.config !== undefined) {
    try {
      const config = loadPlatformConfig(options.config);
      // The same times synth checks the platform's own apps against: endpoint propagation, plus
      // the ALB's deregistration when the platform has one.
      const minimumPreStopSleepSeconds =
        config.timing.endpointPropagationSeconds +
        (config.edge !== undefined ? config.timing.albDeregistrationSeconds : 0);
      fromPlatform = {
        ...settingsFromPlatform(resolvePlatform(config)),
        minimumPreStopSleepSeconds,
      };
    } catch (error) {
      if (error instanceof KinkoError) exitWithInputError(renderError(error, locale));
      throw error;
    }
  }

  return {
    ...DEFAULT_SETTINGS,
    ...fromPlatform,
    allowedRegistries: [...(fromPlatform.allowedRegistries ?? []), ...options.allowedRegistry],
    allowedClusterRoles:
      options.allowedClusterRole.length > 0
        ? options.allowedClusterRole
        : DEFAULT_ALLOWED_CLUSTER_ROLES,
    gracePeriodMarginSeconds: margin,
  };
}

function render(report: CheckReport, format: Format, version: string): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, version);
    case 'junit':
      return formatJunit(report);
    case 'text':
      return formatText(report, {
        colour: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
      });
  }
}

function listRules(locale: Locale): string {
  return createKinkoRegistry()
    .all()
    .map(
      (rule) =>
        `${rule.id}\t${rule.severity}\t${rule.practice}\t${t(`policy.${rule.id}.title`, {}, locale)}`,
    )
    .join('\n');
}

export function registerCheckCommand(program: Command, locale: Locale): void {
  program
    .command('check')
    .description(t('cli.check.description', {}, locale))
    .argument('[paths...]', 'files, folders, or - for standard input')
    .addOption(
      new Option('-f, --format <format>', t('cli.check.option.format', {}, locale))
        .choices(FORMATS)
        .default('text'),
    )
    .addOption(
      new Option('--fail-on <severity>', t('cli.check.option.failOn', {}, locale))
        .choices(SEVERITIES)
        .default('error'),
    )
    .option('-c, --config <file>', t('cli.check.option.config', {}, locale))
    .option(
      '--allowed-registry <host>',
      t('cli.check.option.allowedRegistry', {}, locale),
      collect,
      [],
    )
    .option(
      '--allowed-cluster-role <name>',
      t('cli.check.option.allowedClusterRole', {}, locale),
      collect,
      [],
    )
    .option('--dockerfile <path>', t('cli.check.option.dockerfile', {}, locale), collect, [])
    .option('--grace-margin-seconds <seconds>', t('cli.check.option.graceMargin', {}, locale))
    .option('--list-rules', t('cli.check.option.listRules', {}, locale))
    .action((paths: string[], options: CheckCommandOptions, command: Command) => {
      if (options.listRules === true) {
        process.stdout.write(`${listRules(locale)}\n`);
        return;
      }
      if (paths.length === 0 && options.dockerfile.length === 0)
        command.error(t('check.input.noPath', {}, locale), { exitCode: CHECK_EXIT.input });

      const report = runCheck({
        paths,
        dockerfiles: options.dockerfile,
        settings: settingsOf(options, locale),
        locale,
      });
      process.stdout.write(render(report, options.format, program.version() ?? '0.0.0'));

      const exitCode = checkExitCode(report, options.failOn);
      if (exitCode === CHECK_EXIT.input) {
        exitWithInputError(t('check.inputFailed', { count: report.problems.length }, locale));
      }
      // An empty folder or file is a broken render step, not a clean input.
      if (report.objects === 0) {
        const inputs = [...paths, ...options.dockerfile].join(', ');
        exitWithInputError(t('check.input.empty', { paths: inputs }, locale));
      }
      if (exitCode === CHECK_EXIT.findings) {
        throw new KinkoError('KINKO_CHECK_FAILED', 'user', {
          messageId: 'check.failed',
          params: { count: countFailing(report, options.failOn), failOn: options.failOn },
        });
      }
    });
}

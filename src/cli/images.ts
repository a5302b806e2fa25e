/** `kinko images`: wiring and printing only; the gate is in src/images. */
import { Command, CommanderError, Option } from 'commander';

import { loadPlatformConfig } from '../config/load.js';
import { KinkoError, renderError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { exceptionHorizonProblems, utcDate, type ImageException } from '../images/exceptions.js';
import { IMAGES_EXIT, imagesExitCode, runImageGate, type ImageGateResult } from '../images/gate.js';
import { formatImagesJson } from '../images/report/json.js';
import { formatImagesSarif } from '../images/report/sarif.js';
import { formatImagesText } from '../images/report/text.js';
import { DEFAULT_FAIL_ON, RANKED_SEVERITIES, type RankedSeverity } from '../images/severity.js';
import { resolvePlatform } from '../model/resolve.js';
import { settingsFromPlatform } from '../policy/settings.js';
import { awsSettings } from './switch.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface ImagesCommandOptions {
  format: Format;
  failOn: RankedSeverity;
  config: string;
  endpointUrl?: string;
}

/** Leave with the input exit code 2 through commander, after printing `message`. */
function exitWithInputError(message: string): never {
  process.stderr.write(`${message}\n`);
  throw new CommanderError(IMAGES_EXIT.input, 'kinko.images.input', message);
}

/** Load the platform's ECR registries and image exceptions; exit 2 when platform.yaml is invalid. */
function platformSettings(
  options: ImagesCommandOptions,
  today: string,
  locale: Locale,
): { registries: string[]; exceptions: ImageException[] } {
  try {
    const config = loadPlatformConfig(options.config);
    const registries = [...settingsFromPlatform(resolvePlatform(config)).allowedRegistries];
    const exceptions = config.images.exceptions;

    const problems = exceptionHorizonProblems(exceptions, today);
    if (problems.length > 0) {
      throw new KinkoError(
        'KINKO_IMAGES_EXCEPTION_INVALID',
        'user',
        { messageId: 'images.exception.invalid', params: { count: problems.length } },
        problems,
      );
    }
    return { registries, exceptions };
  } catch (error) {
    if (error instanceof KinkoError) exitWithInputError(renderError(error, locale));
    throw error;
  }
}

function render(result: ImageGateResult, format: Format, locale: Locale, version: string): string {
  switch (format) {
    case 'json':
      return formatImagesJson(result, locale);
    case 'sarif':
      return formatImagesSarif(result, locale, version);
    case 'text':
      return formatImagesText(result, locale, {
        colour: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
      });
  }
}

export function registerImagesCommand(program: Command, locale: Locale): void {
  program
    .command('images')
    .description(t('cli.images.description', {}, locale))
    .argument('<paths...>', 'files, folders, or - for standard input')
    .addOption(
      new Option('-f, --format <format>', t('cli.images.option.format', {}, locale))
        .choices(FORMATS)
        .default('text'),
    )
    .addOption(
      new Option('--fail-on <severity>', t('cli.images.option.failOn', {}, locale))
        .choices(RANKED_SEVERITIES)
        .default(DEFAULT_FAIL_ON),
    )
    .option('-c, --config <file>', t('cli.images.option.config', {}, locale), 'platform.yaml')
    .option('--endpoint-url <url>', t('cli.ops.option.endpointUrl', {}, locale))
    .action(async (paths: string[], options: ImagesCommandOptions) => {
      const today = utcDate(new Date());
      const platform = platformSettings(options, today, locale);

      const result = await runImageGate({
        paths,
        registries: platform.registries,
        exceptions: platform.exceptions,
        failOn: options.failOn,
        today,
        aws: awsSettings({
          config: options.config,
          output: 'text',
          ...(options.endpointUrl !== undefined ? { endpointUrl: options.endpointUrl } : {}),
        }),
      });
      process.stdout.write(render(result, options.format, locale, program.version() ?? '0.0.0'));

      const exitCode = imagesExitCode(result);
      if (exitCode === IMAGES_EXIT.input) {
        exitWithInputError(t('images.inputFailed', { count: result.problems.length }, locale));
      }
      // An empty folder or file is a broken render step, not a clean input.
      if (result.objects === 0) {
        exitWithInputError(t('images.input.empty', { paths: paths.join(', ') }, locale));
      }
      if (exitCode === IMAGES_EXIT.failed) {
        throw new KinkoError('KINKO_IMAGES_FAILED', 'user', {
          messageId: 'images.failed',
          params: {
            count: result.images.filter((image) => image.verdict === 'fail').length,
            failOn: options.failOn,
          },
        });
      }
    });
}

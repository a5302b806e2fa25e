#!/usr/bin/env node
/** The `kinko` command: parses arguments, wires each command, prints errors in the user's language. */
import { readFileSync } from 'node:fs';

import { Command, CommanderError } from 'commander';

import { KinkoError, renderError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import { isLocale, resolveLocale, type Locale } from '../i18n/locale.js';
import { registerApplyCommand } from './apply.js';
import { registerDrCommand } from './dr.js';
import { registerDrainCommand } from './drain.js';
import { registerRollbackCommand } from './rollback.js';
import { registerStatusCommand } from './status.js';
import { registerSwitchCommand } from './switch.js';
import { registerAuditCommand } from './audit.js';
import { registerCheckCommand } from './check.js';
import { registerEvidenceCommand } from './evidence.js';
import { registerGuardCommand } from './guard.js';
import { registerNodesCommand } from './nodes.js';
import { registerImagesCommand } from './images.js';
import { registerSynthCommand } from './synth.js';

/** Exit codes: 0 success, 1 user error (bad input), 2 usage error, 3 Kinko's own failure. */
export const EXIT_USER_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_TOOL_ERROR = 3;

/** Tell a KinkoError about the command line itself (KINKO_USAGE, KINKO_GUARD_USAGE), which exits 2 like commander's. */
function isUsageCode(code: string): boolean {
  return code === 'KINKO_USAGE' || code.endsWith('_USAGE');
}

/**
 * Leave quietly when a reader stops early (`kinko ... | head`) and closes the pipe: the rest of
 * the output has nowhere to go, which is not a failure, so no EPIPE crash and no stack trace.
 */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE')
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

/** Version of the installed kinko package, read from its package.json. */
function packageVersion(): string {
  const manifest = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/** Find `--lang X` or `--lang=X` before commander parses, so help text is localized too. */
function languageFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

export async function main(argv: readonly string[]): Promise<number> {
  const flag = languageFlag(argv);
  if (flag !== undefined && !isLocale(flag)) {
    const error = new KinkoError('KINKO_USAGE', 'user', {
      messageId: 'cli.lang.invalid',
      params: { value: flag },
    });
    process.stderr.write(renderError(error, resolveLocale()) + '\n');
    return EXIT_USAGE;
  }
  const locale: Locale = resolveLocale(flag);

  const program = new Command('kinko')
    .description(t('cli.description', {}, locale))
    .version(packageVersion(), '-V, --version', t('cli.option.version', {}, locale))
    .option('--lang <language>', t('cli.option.lang', {}, locale))
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerSynthCommand(program, locale);
  registerApplyCommand(program, locale);
  registerStatusCommand(program, locale);
  registerSwitchCommand(program, locale);
  registerRollbackCommand(program, locale);
  registerDrCommand(program, locale);
  registerAuditCommand(program, locale);
  registerCheckCommand(program, locale);
  registerEvidenceCommand(program, locale);
  registerDrainCommand(program, locale);
  registerNodesCommand(program, locale);
  registerGuardCommand(program, locale);
  registerImagesCommand(program, locale);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof KinkoError) {
      process.stderr.write(renderError(error, locale) + '\n');
      if (isUsageCode(error.code)) return EXIT_USAGE;
      return error.fault === 'user' ? EXIT_USER_ERROR : EXIT_TOOL_ERROR;
    }
    const internal = new KinkoError('KINKO_INTERNAL', 'tool', {
      messageId: 'cli.error.internal',
      params: { reason: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    });
    process.stderr.write(renderError(internal, locale) + '\n');
    return EXIT_TOOL_ERROR;
  }
}

exitQuietlyOnClosedPipe(process.stdout);
exitQuietlyOnClosedPipe(process.stderr);
process.exitCode = await main(process.argv.slice(2));

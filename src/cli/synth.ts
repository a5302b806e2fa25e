/** `kinko synth`: wiring and printing only; the work is in src/synth. */
import type { Command } from 'commander';

import { renderFieldReference } from '../config/reference.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { PRACTICES } from '../model/practices.js';
import { synth, type SynthPhase } from '../synth/synth.js';

export function registerSynthCommand(program: Command, locale: Locale): void {
  program
    .command('synth')
    .description(t('cli.synth.description', {}, locale))
    .option('-c, --config <file>', t('cli.synth.option.config', {}, locale), 'platform.yaml')
    .option('-o, --out <dir>', t('cli.synth.option.out', {}, locale), 'out')
    .addHelpText(
      'after',
      () => `\n${t('cli.synth.help.fields', {}, locale)}\n${renderFieldReference(locale)}\n`,
    )
    .action((options: { config: string; out: string }) => {
      const progress = process.stderr.isTTY
        ? (phase: SynthPhase) =>
            process.stderr.write(`kinko synth: ${t(`synth.phase.${phase}`, {}, locale)}\n`)
        : undefined;
      const result = synth({
        configFile: options.config,
        outDir: options.out,
        ...(progress !== undefined ? { onPhase: progress } : {}),
      });
      for (const warning of result.warnings) {
        process.stderr.write(`${t('synth.warning', { warning }, locale)}\n`);
      }
      process.stdout.write(
        t(
          'synth.done',
          {
            out: options.out,
            templates: result.templates.length,
            manifests: result.manifestFiles.length,
            implemented: result.implementedPractices,
            total: PRACTICES.length,
            suppressions: result.suppressions,
          },
          locale,
        ) + '\n',
      );
    });
}

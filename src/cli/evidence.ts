/** `kinko evidence`: wiring and printing only; the work is in src/evidence. */
import type { Command } from 'commander';

import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { summaryParams } from '../evidence/markdown.js';
import { runEvidence } from '../evidence/run.js';

export function registerEvidenceCommand(program: Command, locale: Locale): void {
  program
    .command('evidence')
    .description(t('cli.evidence.description', {}, locale))
    .option('-c, --config <file>', t('cli.evidence.option.config', {}, locale), 'platform.yaml')
    .option(
      '-r, --results <file>',
      t('cli.evidence.option.results', {}, locale),
      '.test-results/junit.xml',
    )
    .option('--controls <file>', t('cli.evidence.option.controls', {}, locale), 'out/controls.json')
    .option('-o, --out <dir>', t('cli.evidence.option.out', {}, locale), 'out/evidence')
    .action((options: { config: string; results: string; controls: string; out: string }) => {
      const result = runEvidence({
        configFile: options.config,
        resultsFile: options.results,
        controlsFile: options.controls,
        outDir: options.out,
        locale,
      });
      process.stdout.write(
        t('evidence.done', { out: options.out, ...summaryParams(result.pack) }, locale) + '\n',
      );
    });
}

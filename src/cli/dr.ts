/** `kinko dr failover|failback`: wiring only; the work is in src/ops/dr. */
import type { Command } from 'commander';

import { KinkoError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { elbv2Client, route53Client } from '../ops/bluegreen/aws.js';
import { SWITCH_INVALID } from '../ops/bluegreen/switch-cluster.js';
import { switchRegion, type DrDirection } from '../ops/dr/failover.js';
import {
  addChangeOptions,
  awsSettings,
  changeIo,
  loadPlatform,
  openJournal,
  printResult,
  type ChangeOptions,
} from './switch.js';

export function registerDrCommand(program: Command, locale: Locale): void {
  const command = program.command('dr').description(t('cli.dr.description', {}, locale));
  for (const direction of ['failover', 'failback'] as const satisfies readonly DrDirection[]) {
    addChangeOptions(
      command.command(direction).description(t(`cli.dr.${direction}.description`, {}, locale)),
      locale,
    ).action(async (options: ChangeOptions) => {
      const platform = loadPlatform(options);
      const drRegion = platform.disasterRecovery?.region.region;
      if (drRegion === undefined) {
        throw new KinkoError(SWITCH_INVALID, 'user', {
          messageId: 'ops.dr.notDeclared',
          params: {},
        });
      }
      const settings = awsSettings(options);
      const result = await switchRegion({
        platform,
        system: options.system,
        direction,
        clients: {
          primary: elbv2Client(platform.primary.region, settings),
          dr: elbv2Client(drRegion, settings),
          route53: route53Client(settings),
        },
        journal: openJournal(options),
        dryRun: options.dryRun === true,
        force: options.force === true,
        io: changeIo(options, locale),
      });
      printResult(result, options);
    });
  }
}

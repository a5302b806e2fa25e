/** `kinko guard serve`: wiring only; the webhook is in src/guard. */
import { readFileSync } from 'node:fs';

import type { Command } from 'commander';

import { parseListenAddress } from '../audit/readers/webhook.js';
import { loadPlatformConfig } from '../config/load.js';
import { KinkoError } from '../errors.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { resolvePlatform } from '../model/resolve.js';
import { createAdmissionRegistry } from '../guard/rules.js';
import { startGuardServer } from '../guard/server.js';
import { renderObjects } from '../kube/render.js';
import { buildValidatingAdmissionPolicies } from '../policy/cel/export.js';
import {
  DEFAULT_ALLOWED_CLUSTER_ROLES,
  DEFAULT_GRACE_PERIOD_MARGIN_SECONDS,
  DEFAULT_SETTINGS,
  settingsFromPlatform,
  type PolicySettings,
} from '../policy/settings.js';

const DEFAULT_LISTEN = '127.0.0.1:8443';

interface GuardServeOptions {
  tlsCert: string;
  tlsKey: string;
  listen: string;
  config?: string;
  allowedRegistry: string[];
  allowedClusterRole: string[];
  graceMarginSeconds?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function readPem(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new KinkoError('KINKO_GUARD_TLS', 'user', {
      messageId: 'guard.tlsUnreadable',
      params: { file, reason: error instanceof Error ? error.message : String(error) },
      fixId: 'guard.tlsUnreadable.fix',
    });
  }
}

type SettingsOptions = Pick<
  GuardServeOptions,
  'config' | 'allowedRegistry' | 'allowedClusterRole' | 'graceMarginSeconds'
>;

function settingsOf(options: SettingsOptions): PolicySettings {
  const margin = options.graceMarginSeconds;
  if (margin !== undefined && !/^\d+$/.test(margin)) {
    throw new KinkoError('KINKO_GUARD_USAGE', 'user', {
      messageId: 'guard.invalidNumber',
      params: { option: '--grace-margin-seconds', value: margin },
    });
  }
  const fromPlatform =
    options.config === undefined
      ? undefined
      : settingsFromPlatform(resolvePlatform(loadPlatformConfig(options.config)));
  return {
    ...DEFAULT_SETTINGS,
    ...fromPlatform,
    allowedRegistries: [...(fromPlatform?.allowedRegistries ?? []), ...options.allowedRegistry],
    allowedClusterRoles:
      options.allowedClusterRole.length > 0
        ? options.allowedClusterRole
        : DEFAULT_ALLOWED_CLUSTER_ROLES,
    gracePeriodMarginSeconds:
      margin === undefined ? DEFAULT_GRACE_PERIOD_MARGIN_SECONDS : Number(margin),
  };
}

/** Serve until SIGTERM or SIGINT, then close the listener and return. */
async function serve(options: GuardServeOptions, locale: Locale): Promise<void> {
  const address = parseListenAddress(options.listen);
  if (address === undefined) {
    throw new KinkoError('KINKO_GUARD_LISTEN', 'user', {
      messageId: 'guard.listenInvalid',
      params: { value: options.listen },
      fixId: 'guard.listenInvalid.fix',
    });
  }
  const settings = settingsOf(options);
  const cert = readPem(options.tlsCert);
  const key = readPem(options.tlsKey);
  let server;
  try {
    server = await startGuardServer({
      cert,
      key,
      host: address.host,
      port: address.port,
      registry: createAdmissionRegistry(),
      settings,
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    throw new KinkoError('KINKO_GUARD_LISTEN', 'user', {
      messageId: 'guard.listenFailed',
      params: {
        address: options.listen,
        reason: error instanceof Error ? error.message : String(error),
      },
      fixId: 'guard.listenFailed.fix',
    });
  }
  const bound = `${server.address.address}:${server.address.port}`;
  process.stderr.write(`${t('guard.listening', { address: bound }, locale)}\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await server.close();
}

/** Print the exported ValidatingAdmissionPolicies and bindings as YAML documents. */
function exportPolicies(options: SettingsOptions): void {
  const objects = buildValidatingAdmissionPolicies(settingsOf(options));
  process.stdout.write(renderObjects(objects));
}

export function registerGuardCommand(program: Command, locale: Locale): void {
  const guard = program.command('guard').description(t('cli.guard.description', {}, locale));
  guard
    .command('serve')
    .description(t('cli.guard.serve.description', {}, locale))
    .requiredOption('--tls-cert <file>', t('cli.guard.option.tlsCert', {}, locale))
    .requiredOption('--tls-key <file>', t('cli.guard.option.tlsKey', {}, locale))
    .option('--listen <address>', t('cli.guard.option.listen', {}, locale), DEFAULT_LISTEN)
    .option('-c, --config <file>', t('cli.guard.option.config', {}, locale))
    .option(
      '--allowed-registry <host>',
      t('cli.guard.option.allowedRegistry', {}, locale),
      collect,
      [],
    )
    .option(
      '--allowed-cluster-role <name>',
      t('cli.guard.option.allowedClusterRole', {}, locale),
      collect,
      [],
    )
    .option('--grace-margin-seconds <seconds>', t('cli.guard.option.graceMargin', {}, locale))
    .action((options: GuardServeOptions) => serve(options, locale));
  guard
    .command('export-policies')
    .description(t('cli.guard.exportPolicies.description', {}, locale))
    .option('-c, --config <file>', t('cli.guard.option.config', {}, locale))
    .option(
      '--allowed-registry <host>',
      t('cli.guard.option.allowedRegistry', {}, locale),
      collect,
      [],
    )
    .option(
      '--allowed-cluster-role <name>',
      t('cli.guard.option.allowedClusterRole', {}, locale),
      collect,
      [],
    )
    .action((options: SettingsOptions) => exportPolicies(options));
}

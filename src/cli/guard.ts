/** `kinko guard serve`: wiring only; the webhook is in src/guard. */
import { readFileSync, type Stats, unwatchFile, watchFile } from 'node:fs';
import { createSecureContext } from 'node:tls';

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
  systemGroup: string[];
  certificatePollSeconds: string;
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

/** Load the pair as the server will, so a swapped or mismatched pair is named as such. */
function checkTlsPair(options: GuardServeOptions, cert: Buffer, key: Buffer): void {
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new KinkoError('KINKO_GUARD_TLS', 'user', {
      messageId: 'guard.tlsInvalid',
      params: {
        cert: options.tlsCert,
        key: options.tlsKey,
        reason: error instanceof Error ? error.message : String(error),
      },
    });
  }
}

type SettingsOptions = Pick<
  GuardServeOptions,
  'config' | 'allowedRegistry' | 'allowedClusterRole' | 'graceMarginSeconds' | 'systemGroup'
>;

/** `GROUP=NAMESPACE` of `--system-group`, for example `a:admins=a`. */
function parseSystemGroup(value: string): { group: string; namespace: string } {
  const at = value.lastIndexOf('=');
  const group = value.slice(0, at);
  const namespace = value.slice(at + 1);
  if (at < 1 || !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) {
    throw new KinkoError('KINKO_GUARD_USAGE', 'user', {
      messageId: 'guard.systemGroupInvalid',
      params: { value },
      fixId: 'guard.systemGroupInvalid.fix',
    });
  }
  return { group, namespace };
}

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
    systemGroups: [
      ...(fromPlatform?.systemGroups ?? []),
      ...(options.systemGroup ?? []).map(parseSystemGroup),
    ],
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
  const poll = Number(options.certificatePollSeconds);
  if (!Number.isInteger(poll) || poll < 1 || poll > 3600) {
    throw new KinkoError('KINKO_GUARD_USAGE', 'user', {
      messageId: 'guard.invalidNumber',
      params: { option: '--certificate-poll-seconds', value: options.certificatePollSeconds },
    });
  }
  const cert = readPem(options.tlsCert);
  const key = readPem(options.tlsKey);
  checkTlsPair(options, cert, key);
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
  const stopWatching = watchCertificate(options, server);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  stopWatching();
  await server.close();
}

/**
 * Reloads the serving certificate when cert-manager renews it. The kubelet updates a Secret
 * volume by swapping a symbolic link, which file watchers miss, so the files are polled by
 * `stat`, which follows the link. A pair that does not load (a half-written renewal, a key that
 * does not match) is logged and the previous pair stays in force until the next change.
 */
function watchCertificate(
  options: GuardServeOptions,
  server: { replaceCertificate(cert: Buffer, key: Buffer): void },
): () => void {
  const files = [options.tlsCert, options.tlsKey];
  const interval = Number(options.certificatePollSeconds) * 1000;
  const reload = (current: Stats, previous: Stats): void => {
    if (current.mtimeMs === previous.mtimeMs && current.ino === previous.ino) return;
    const time = new Date().toISOString();
    try {
      server.replaceCertificate(readFileSync(options.tlsCert), readFileSync(options.tlsKey));
      process.stdout.write(
        `${JSON.stringify({ time, level: 'info', msg: 'certificate reloaded' })}\n`,
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stdout.write(
        `${JSON.stringify({ time, level: 'error', msg: 'certificate reload failed', error: reason })}\n`,
      );
    }
  };
  for (const file of files) watchFile(file, { interval }, reload);
  return () => {
    for (const file of files) unwatchFile(file, reload);
  };
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
    .option(
      '--system-group <group=namespace>',
      t('cli.guard.option.systemGroup', {}, locale),
      collect,
      [],
    )
    .option(
      '--certificate-poll-seconds <seconds>',
      t('cli.guard.option.certificatePoll', {}, locale),
      '30',
    )
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

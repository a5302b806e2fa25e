/**
 * Application blue/green for one app of one system (R3): move users to the other colour with
 * the app's method, through the same plan, health, confirm, journal, apply and verify steps as a
 * cluster switch. Only the app's own objects change, so other apps and systems are untouched.
 */
import { CoreV1Api, CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';

import { KinkoError } from '../../../errors.js';
import type { AppColour, ResolvedPlatform } from '../../../model/platform.js';
import { isAppColour } from '../../../kube/app-colour.js';
import { runChange, type ChangeIo, type ChangeResult } from '../change.js';
import type { Journal, JournalOperation } from '../journal.js';
import { SWITCH_INVALID } from '../switch-cluster.js';
import type { AppClients, MethodPlan } from './method.js';
import { planRolloutChange } from './rollout-method.js';
import { planServiceSwitch } from './service-method.js';
import { runSmokeCheck, SMOKE_FAILED, SMOKE_INVALID } from './smoke.js';
import { findAppTarget, type AppTarget } from './target.js';
import { planUpstreamSwitch } from './upstream-method.js';

export interface SwitchAppOptions {
  readonly platform: ResolvedPlatform;
  readonly system: string;
  readonly app: string;
  /** Target colour of a `service` or `upstream` switch; unset for a rollback and for `rollout`. */
  readonly to?: string;
  readonly operation: Extract<JournalOperation, 'switch-app' | 'rollback-app'>;
  readonly kubeConfig: KubeConfig;
  readonly journal: Journal;
  readonly dryRun: boolean;
  readonly force: boolean;
  /** Base URL that reaches the preview, for the smoke check. */
  readonly previewUrl?: string;
  readonly io: ChangeIo;
}

/** Returns the colour that was live before the app's last completed switch in the journal. */
function rollbackColour(journal: Journal, target: AppTarget): AppColour {
  const last = journal.lastCompleted(target.system.name, ['switch-app'], target.app.name);
  const previous = last?.old.live;
  if (!isAppColour(previous)) {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.app.rollbackNothing',
      params: { system: target.system.name, app: target.app.name, journal: journal.path },
    });
  }
  return previous;
}

/** Checks `--to` against the app's method and returns the colour a switch moves to. */
function targetColour(options: SwitchAppOptions, target: AppTarget): AppColour {
  const params = { system: target.system.name, app: target.app.name };
  if (options.operation === 'rollback-app') {
    return rollbackColour(options.journal, target);
  }
  if (options.to === undefined) {
    throw new KinkoError(SWITCH_INVALID, 'user', { messageId: 'ops.app.toMissing', params });
  }
  if (!isAppColour(options.to)) {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.app.toInvalid',
      params: { ...params, to: options.to },
    });
  }
  return options.to;
}

async function planMethod(
  options: SwitchAppOptions,
  target: AppTarget,
  clients: AppClients,
): Promise<MethodPlan> {
  if (target.blueGreen.method === 'rollout') {
    if (options.to !== undefined) {
      throw new KinkoError(SWITCH_INVALID, 'user', {
        messageId: 'ops.app.toWithRollout',
        params: { system: target.system.name, app: target.app.name, to: options.to },
      });
    }
    return planRolloutChange(
      target,
      clients,
      options.operation === 'switch-app' ? 'promote' : 'abort',
    );
  }
  const to = targetColour(options, target);
  return target.blueGreen.method === 'service'
    ? planServiceSwitch(target, clients, to)
    : planUpstreamSwitch(target, clients, to);
}

/** Sends the smoke check; a failure stops the change unless `force`, which turns it into a warning. */
async function smokeCheckStep(
  options: SwitchAppOptions,
  target: AppTarget,
  plan: MethodPlan,
): Promise<void> {
  // A rollback returns users to the pods that served them before the switch, so it needs no
  // preview URL in an emergency.
  const check = target.blueGreen.smokeCheck;
  if (check === undefined || options.operation === 'rollback-app') return;
  const params = {
    system: target.system.name,
    app: target.app.name,
    service: plan.previewService,
    namespace: target.system.namespace,
    port: target.app.containerPort,
  };
  if (options.previewUrl === undefined || options.previewUrl === '') {
    throw new KinkoError(SMOKE_INVALID, 'user', {
      messageId: 'ops.app.previewUrlMissing',
      params,
    });
  }

  const outcome = await runSmokeCheck(options.previewUrl, check);
  const result = {
    ...params,
    url: outcome.url,
    status: outcome.status ?? '-',
    expected: check.expectStatus,
    reason: outcome.error ?? `HTTP ${outcome.status ?? '-'}`,
  };
  if (outcome.passed) {
    options.io.onEvent?.({ step: 'health', messageId: 'ops.app.smokePassed', params: result });
    return;
  }
  if (!options.force) {
    throw new KinkoError(SMOKE_FAILED, 'user', {
      messageId: 'ops.app.smokeFailed',
      params: result,
    });
  }
  options.io.onEvent?.({ step: 'health', messageId: 'ops.app.smokeForced', params: result });
}

/**
 * Names an interrupted `switch app` of the app before a rollback. The rollback reads the state
 * from the cluster, so it cannot tell whether that change took effect.
 */
function warnPendingSwitch(options: SwitchAppOptions, target: AppTarget): void {
  const pending = options.journal.interrupted(target.system.name, ['switch-app'], target.app.name);
  if (pending === undefined) return;
  options.io.onEvent?.({
    step: 'plan',
    messageId: 'ops.app.pendingSwitch',
    params: {
      system: target.system.name,
      app: target.app.name,
      id: pending.id,
      state: Object.entries(pending.new)
        .map(([key, value]) => `${key} ${String(value)}`)
        .join(', '),
      time: pending.time,
      who: pending.who,
    },
  });
}

export async function switchApp(options: SwitchAppOptions): Promise<ChangeResult> {
  const target = findAppTarget(options.platform, options.system, options.app);
  const clients: AppClients = {
    core: options.kubeConfig.makeApiClient(CoreV1Api),
    custom: options.kubeConfig.makeApiClient(CustomObjectsApi),
  };
  if (options.operation === 'rollback-app') warnPendingSwitch(options, target);
  const plan = await planMethod(options, target, clients);

  return runChange({
    plan: {
      operation: options.operation,
      system: target.system.name,
      app: target.app.name,
      resource: plan.resource,
      old: plan.current,
      new: plan.desired,
      oldText: `${target.app.name}: ${plan.currentText}`,
      newText: `${target.app.name}: ${plan.desiredText}`,
    },
    inForce: JSON.stringify(plan.current) === JSON.stringify(plan.desired),
    health: {
      healthy: plan.readiness.ready,
      total: plan.readiness.total,
      target: plan.readiness.pods,
      messageIds: {
        healthy: 'ops.app.ready',
        unhealthy: 'ops.app.notReady',
        unhealthyForced: 'ops.app.notReadyForced',
      },
    },
    preflight: () => smokeCheckStep(options, target, plan),
    write: (state) => plan.write(state, false),
    dryRunWrite: (state) => plan.write(state, true),
    readBack: plan.readBack,
    completedMessageId: 'ops.app.completed',
    journal: options.journal,
    dryRun: options.dryRun,
    force: options.force,
    io: options.io,
  });
}

/**
 * The steps every edge change runs, in order: plan (old → new), health gate, confirm, journal
 * `started`, apply (one API call), verify, journal `completed`. Each step first checks whether the
 * desired state is already in force, so a rerun after an interruption converges.
 */
import { KinkoError } from '../../errors.js';
import type { MessageParams } from '../../i18n/catalog.js';
import { newChangeId, operatorName, type Journal, type JournalOperation } from './journal.js';

export const CHANGE_ABORTED = 'KINKO_CHANGE_ABORTED';
export const CHANGE_FAILED = 'KINKO_CHANGE_FAILED';
export const CHANGE_UNHEALTHY = 'KINKO_CHANGE_UNHEALTHY';

export type ChangeStep = 'plan' | 'health' | 'confirm' | 'journal' | 'apply' | 'verify' | 'done';

/** Environment variable that stops a run before the named step, for interruption tests. */
export const PAUSE_BEFORE_ENV = 'KINKO_FAULT_PAUSE_BEFORE';

export interface ChangeEvent {
  readonly step: ChangeStep;
  readonly messageId: string;
  readonly params: MessageParams;
}

export interface ChangeIo {
  /** Asks the operator to approve the plan; resolves false for "no". */
  readonly confirm: (plan: ChangePlan) => Promise<boolean>;
  readonly onEvent?: (event: ChangeEvent) => void;
}

export type State = Readonly<Record<string, unknown>>;

export interface ChangePlan {
  readonly operation: JournalOperation;
  readonly system: string;
  /** App of an application blue/green change; the journal keys its entries by it too. */
  readonly app?: string;
  /** ARN or name of the resource the change modifies. */
  readonly resource: string;
  readonly old: State;
  readonly new: State;
  /** `old` and `new` rendered for people, for example `blue: 100, green: 0`. */
  readonly oldText: string;
  readonly newText: string;
}

export interface ChangeRun {
  readonly plan: ChangePlan;
  /** True when the desired state is already in force. */
  readonly inForce: boolean;
  /** Healthy targets behind the new state; 0 blocks the change unless `force`. */
  readonly health: {
    readonly healthy: number;
    readonly total: number;
    readonly target: string;
    /**
     * Messages of the health step; the defaults (`ops.change.healthy`, `ops.change.unhealthy`,
     * `ops.change.unhealthyForced`) speak of target groups.
     */
    readonly messageIds?: {
      readonly healthy: string;
      readonly unhealthy: string;
      readonly unhealthyForced: string;
    };
  };
  /** Runs after the health gate, in dry runs too, and throws to stop the change (a smoke check). */
  readonly preflight?: () => Promise<void>;
  /** Sends `new` as a server-side dry run, so `--dry-run` also meets admission and RBAC. */
  readonly dryRunWrite?: (state: State) => Promise<void>;
  /** Message printed when the change is done; defaults to `ops.change.completed`. */
  readonly completedMessageId?: string;
  /** Writes a state with one API call; the verify step also uses it to restore `old`. */
  readonly write: (state: State) => Promise<void>;
  /** Reads the state back and returns it. */
  readonly readBack: () => Promise<State>;
  readonly journal: Journal;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly io: ChangeIo;
}

export type ChangeStatus = 'changed' | 'unchanged' | 'recovered' | 'planned';

export interface ChangeResult {
  readonly status: ChangeStatus;
  readonly operation: JournalOperation;
  readonly system: string;
  readonly app?: string;
  readonly resource: string;
  readonly old: State;
  readonly new: State;
  readonly changeId?: string;
}

function sameState(left: State, right: State): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

async function pauseIfRequested(step: ChangeStep): Promise<void> {
  if (process.env[PAUSE_BEFORE_ENV] !== step) return;
  process.stderr.write(`kinko: paused before ${step} (${PAUSE_BEFORE_ENV})\n`);
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}

export async function runChange(run: ChangeRun): Promise<ChangeResult> {
  const { plan, journal, io } = run;
  const appField: { app?: string } & Record<string, string> =
    plan.app !== undefined ? { app: plan.app } : {};
  const emit = (step: ChangeStep, messageId: string, params: MessageParams = {}) =>
    io.onEvent?.({ step, messageId, params: { system: plan.system, ...appField, ...params } });
  const result = (status: ChangeStatus, changeId?: string): ChangeResult => ({
    status,
    operation: plan.operation,
    system: plan.system,
    ...appField,
    resource: plan.resource,
    old: plan.old,
    new: plan.new,
    ...(changeId !== undefined ? { changeId } : {}),
  });

  // An earlier run may have been killed after its change took effect but before it wrote
  // `completed`; finding the desired state in force settles that entry.
  const interrupted = journal.interrupted(plan.system, [plan.operation], plan.app);
  if (run.inForce) {
    if (interrupted !== undefined && sameState(interrupted.new, plan.new)) {
      journal.append({
        id: interrupted.id,
        who: operatorName(),
        operation: plan.operation,
        system: plan.system,
        ...appField,
        status: 'recovered',
        resource: plan.resource,
        old: interrupted.old,
        new: plan.new,
      });
      emit('done', 'ops.change.recovered', { id: interrupted.id, state: plan.newText });
      return result('recovered', interrupted.id);
    }
    emit('done', 'ops.change.unchanged', { state: plan.newText });
    return result('unchanged');
  }

  await pauseIfRequested('plan');
  emit('plan', 'ops.change.plan', {
    resource: plan.resource,
    old: plan.oldText,
    new: plan.newText,
  });

  await pauseIfRequested('health');
  if (run.health.healthy === 0) {
    if (!run.force) {
      throw new KinkoError(CHANGE_UNHEALTHY, 'user', {
        messageId: run.health.messageIds?.unhealthy ?? 'ops.change.unhealthy',
        params: {
          system: plan.system,
          ...appField,
          target: run.health.target,
          total: run.health.total,
        },
      });
    }
    emit('health', run.health.messageIds?.unhealthyForced ?? 'ops.change.unhealthyForced', {
      target: run.health.target,
      total: run.health.total,
    });
  } else {
    emit('health', run.health.messageIds?.healthy ?? 'ops.change.healthy', {
      target: run.health.target,
      healthy: run.health.healthy,
      total: run.health.total,
    });
  }

  await run.preflight?.();

  if (run.dryRun) {
    await run.dryRunWrite?.(plan.new);
    emit('done', 'ops.change.dryRun');
    return result('planned');
  }

  await pauseIfRequested('confirm');
  if (!(await io.confirm(plan))) {
    throw new KinkoError(CHANGE_ABORTED, 'user', {
      messageId: 'ops.change.aborted',
      params: { system: plan.system },
    });
  }

  await pauseIfRequested('journal');
  const id = interrupted?.id ?? newChangeId();
  journal.append({
    id,
    who: operatorName(),
    operation: plan.operation,
    system: plan.system,
    ...appField,
    status: 'started',
    resource: plan.resource,
    old: plan.old,
    new: plan.new,
  });

  await pauseIfRequested('apply');
  try {
    await run.write(plan.new);
  } catch (error) {
    // The API applies a change whole or not at all, so a failed call leaves the old state in force.
    journal.append({
      id,
      who: operatorName(),
      operation: plan.operation,
      system: plan.system,
      ...appField,
      status: 'failed',
      resource: plan.resource,
      old: plan.old,
      new: plan.old,
      reason: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
  emit('apply', 'ops.change.applied', { resource: plan.resource });

  await pauseIfRequested('verify');
  const actual = await run.readBack();
  if (!sameState(actual, plan.new)) {
    // Put the old state back so that users stay where they were, then report both states.
    await run.write(plan.old);
    const restored = await run.readBack();
    journal.append({
      id,
      who: operatorName(),
      operation: plan.operation,
      system: plan.system,
      ...appField,
      status: 'failed',
      resource: plan.resource,
      old: plan.old,
      new: restored,
      reason: `verify read ${JSON.stringify(actual)}`,
    });
    throw new KinkoError(CHANGE_FAILED, 'tool', {
      messageId: 'ops.change.verifyFailed',
      params: {
        system: plan.system,
        resource: plan.resource,
        expected: JSON.stringify(plan.new),
        actual: JSON.stringify(actual),
        restored: JSON.stringify(restored),
      },
    });
  }
  emit('verify', 'ops.change.verified', { state: plan.newText });

  await pauseIfRequested('done');
  journal.append({
    id,
    who: operatorName(),
    operation: plan.operation,
    system: plan.system,
    ...appField,
    status: 'completed',
    resource: plan.resource,
    old: plan.old,
    new: plan.new,
  });
  emit('done', run.completedMessageId ?? 'ops.change.completed', { id });
  return result('changed', id);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, openSync, readFileSync } from 'node:fs';

/** Lines of a component's log that a start-up error quotes. */
const LOG_TAIL_LINES = 40;

/** Time a component gets to exit after SIGTERM before its process group gets SIGKILL. */
const STOP_GRACE_MS = 5_000;

/** Every process group started by this Node.js process and not yet stopped. */
const running = new Set<ManagedProcess>();
let cleanupRegistered = false;

export interface ManagedProcessOptions {
  /** Name used in errors and logs, such as `kube-apiserver`. */
  name: string;
  command: string;
  args: readonly string[];
  /** File that receives the process's stdout and stderr. */
  logPath: string;
  /** Environment of the process; defaults to this process's environment. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Error thrown when a test-bed component fails to start, with the tail of its log. */
export class ComponentStartError extends Error {
  override readonly name = 'ComponentStartError';

  constructor(
    readonly component: string,
    reason: string,
    readonly logPath: string,
  ) {
    super(
      `testbed: ${component} failed to start: ${reason.replace(/^testbed: /, '')}\n--- last lines of ${logPath} ---\n${tailOfFile(logPath, LOG_TAIL_LINES)}`,
    );
  }
}

/**
 * A child process that runs in its own process group, so stopping it also stops anything it forked.
 * It is also started under `setpriv --pdeathsig KILL`, so the kernel kills it when this Node.js
 * process dies without running its exit handlers (SIGKILL, a crash).
 */
export class ManagedProcess {
  readonly name: string;
  readonly logPath: string;
  /** Settles when the process exits, with its exit code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private exitStatus: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor(options: ManagedProcessOptions) {
    registerExitCleanup();
    this.name = options.name;
    this.logPath = options.logPath;

    const log = openSync(options.logPath, 'a');
    try {
      this.child = spawn(
        'setpriv',
        ['--pdeathsig', 'KILL', '--', options.command, ...options.args],
        {
          cwd: options.cwd,
          env: options.env ?? process.env,
          detached: true,
          stdio: ['ignore', log, log],
        },
      );
    } finally {
      closeSync(log);
    }

    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        running.delete(this);
        resolve(this.exitStatus);
      });
      this.child.once('error', (error) => {
        this.exitStatus = { code: null, signal: null };
        running.delete(this);
        appendNote(options.logPath, `testbed: cannot run ${options.command}: ${error.message}`);
        resolve(this.exitStatus);
      });
    });
    running.add(this);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the process has exited. */
  get hasExited(): boolean {
    return this.exitStatus !== undefined;
  }

  /** Return a description of how the process exited, for error messages. */
  describeExit(): string {
    if (this.exitStatus === undefined) {
      return 'still running';
    }
    const { code, signal } = this.exitStatus;
    return signal !== null ? `exited on signal ${signal}` : `exited with code ${code ?? 'unknown'}`;
  }

  /** Stop the process after a start that failed for `reason`, and return the error to throw. */
  async abortStart(reason: string): Promise<ComponentStartError> {
    await this.stop();
    return new ComponentStartError(this.name, reason, this.logPath);
  }

  /** Send SIGTERM to the process group, then SIGKILL if it is still running after the grace period. */
  async stop(): Promise<void> {
    if (this.hasExited) {
      return;
    }
    this.signalGroup('SIGTERM');
    const timer = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), STOP_GRACE_MS).unref(),
    );
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.signalGroup('SIGKILL');
      await this.exited;
    }
    // The leader may exit before processes it forked, so the group gets a final SIGKILL either way.
    this.signalGroup('SIGKILL');
  }

  /** Send a signal to the whole process group; a group that is already gone is not an error. */
  signalGroup(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined) {
      return;
    }
    try {
      process.kill(-this.child.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
        throw error;
      }
    }
  }
}

/** Return the last `lines` lines of a file, or a note when it cannot be read. */
export function tailOfFile(path: string, lines: number): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch (error) {
    return `(cannot read ${path}: ${(error as Error).message})`;
  }
}

/** Append a line to a component's log, so a start-up error that quotes the log shows it. */
function appendNote(path: string, note: string): void {
  try {
    appendFileSync(path, `${note}\n`);
  } catch {
    process.stderr.write(`${note}\n`);
  }
}

/** Hooks run synchronously at exit, after the process groups are killed (removing state folders). */
const exitHooks = new Set<() => void>();

/** Run `hook` when this Node.js process exits or is interrupted; returns a function that removes it. */
export function onProcessExit(hook: () => void): () => void {
  registerExitCleanup();
  exitHooks.add(hook);
  return () => exitHooks.delete(hook);
}

/**
 * Kill every running process group synchronously when this Node.js process exits, and turn SIGINT
 * and SIGTERM into an exit so that happens for an interrupted test run too. An 'exit' listener
 * cannot wait, so the groups get SIGKILL at once.
 */
function registerExitCleanup(): void {
  if (cleanupRegistered) {
    return;
  }
  cleanupRegistered = true;

  const killAll = (): void => {
    for (const managed of running) {
      managed.signalGroup('SIGKILL');
    }
    running.clear();
    for (const hook of exitHooks) {
      try {
        hook();
      } catch {
        // One failing hook must not keep the others from running at exit.
      }
    }
    exitHooks.clear();
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      // Exit with the conventional status of a process ended by that signal.
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  }
}

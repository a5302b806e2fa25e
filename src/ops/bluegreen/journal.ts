/**
 * The change journal: one JSON object per line, appended and flushed to disk before and after
 * every change, so an interrupted run leaves a `started` entry that the next run completes.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';

import { KinkoError } from '../../errors.js';

export type JournalOperation =
  | 'switch-cluster'
  | 'rollback-cluster'
  | 'switch-app'
  | 'rollback-app'
  | 'dr-failover'
  | 'dr-failback';

/**
 * Status of a journal entry. `started` precedes the API call and `completed` follows a verified
 * change. `recovered` settles an interrupted change found already in force. `failed` means the
 * change did not take, so the previous state is in force.
 */
export type JournalStatus = 'started' | 'completed' | 'recovered' | 'failed';

export interface JournalEntry {
  /** Id of the change; the entries of one change share it. */
  readonly id: string;
  readonly time: string;
  /** Operator: KINKO_OPERATOR, else the login name. */
  readonly who: string;
  readonly operation: JournalOperation;
  readonly system: string;
  /** App of an application blue/green change; unset for changes of a whole system. */
  readonly app?: string;
  readonly status: JournalStatus;
  /** ARN or name of the changed resource. */
  readonly resource: string;
  readonly old: Readonly<Record<string, unknown>>;
  readonly new: Readonly<Record<string, unknown>>;
  readonly reason?: string;
}

export const JOURNAL_FAILED = 'KINKO_JOURNAL_FAILED';

/** Default journal path, `.kinko/journal.jsonl` under the working folder, unless KINKO_JOURNAL is set. */
export function defaultJournalPath(): string {
  return resolve(process.env.KINKO_JOURNAL ?? '.kinko/journal.jsonl');
}

export function operatorName(): string {
  const fromEnv = process.env.KINKO_OPERATOR;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function newChangeId(): string {
  return randomUUID();
}

export class Journal {
  constructor(readonly path: string) {}

  /** Appends one entry and flushes it to disk before returning. */
  append(entry: Omit<JournalEntry, 'time'>): JournalEntry {
    const full: JournalEntry = { ...entry, time: new Date().toISOString() };
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const fd = openSync(this.path, 'a');
      try {
        writeSync(fd, `${JSON.stringify(full)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw new KinkoError(JOURNAL_FAILED, 'user', {
        messageId: 'ops.journal.writeFailed',
        params: { path: this.path, reason: error instanceof Error ? error.message : String(error) },
      });
    }
    return full;
  }

  /** Reads every entry; a torn last line, left by a kill during a write, is skipped. */
  entries(): JournalEntry[] {
    if (!existsSync(this.path)) return [];
    const entries: JournalEntry[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        // NOTE: only a torn final line is expected here; a corrupt line elsewhere is skipped too.
      }
    }
    return entries;
  }

  /**
   * Returns the started entry of an interrupted change of `system` (and `app`, when given) by
   * `operations`, if any. Without `app`, only entries without an app match.
   */
  interrupted(
    system: string,
    operations: readonly JournalOperation[],
    app?: string,
  ): JournalEntry | undefined {
    const settled = new Set<string>();
    const entries = this.entries().filter(
      (entry) =>
        entry.system === system && entry.app === app && operations.includes(entry.operation),
    );
    for (const entry of entries) {
      if (entry.status !== 'started') settled.add(entry.id);
    }
    return entries.reverse().find((entry) => entry.status === 'started' && !settled.has(entry.id));
  }

  /** Returns the last completed entry of `system` (and `app`, when given) by one of `operations`. */
  lastCompleted(
    system: string,
    operations: readonly JournalOperation[],
    app?: string,
  ): JournalEntry | undefined {
    return this.entries()
      .reverse()
      .find(
        (entry) =>
          entry.system === system &&
          entry.app === app &&
          operations.includes(entry.operation) &&
          (entry.status === 'completed' || entry.status === 'recovered'),
      );
  }
}

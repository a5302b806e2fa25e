/**
 * The drain's state file: which steps each node has finished and which pods were evicted, written
 * (to a temporary file, then renamed) after every step, so a rerun after a kill continues there.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

import { KinkoError } from '../../errors.js';
import { DRAIN_FAILED } from './nodes.js';

/** The steps of one node, in order. */
export const DRAIN_STEPS = ['label', 'deregister', 'cordon', 'evict', 'replacements'] as const;
export type DrainStep = (typeof DRAIN_STEPS)[number];

/** An evicted pod and the controller that must replace it. */
export interface EvictedPod {
  readonly pod: string;
  readonly ownerKind: string;
  readonly ownerName: string;
  readonly namespace: string;
}

export interface NodeState {
  done: DrainStep[];
  evicted: EvictedPod[];
}

export interface DrainState {
  version: 1;
  nodes: Record<string, NodeState>;
}

/** `$XDG_STATE_HOME/kinko/drain.json`, else `~/.local/state/kinko/drain.json`. */
export function defaultStatePath(): string {
  const base = process.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state');
  return join(base, 'kinko', 'drain.json');
}

export class DrainStateFile {
  private state: DrainState;

  constructor(
    readonly path: string,
    /** A dry run reads the state but never writes it. */
    private readonly readOnly: boolean,
  ) {
    this.state = { version: 1, nodes: {} };
    if (!existsSync(path)) return;
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as DrainState;
      if (parsed.version === 1 && typeof parsed.nodes === 'object') this.state = parsed;
    } catch (error) {
      throw new KinkoError(DRAIN_FAILED, 'user', {
        messageId: 'drain.state.unreadable',
        params: { path, reason: error instanceof Error ? error.message : String(error) },
      });
    }
  }

  node(name: string): NodeState {
    const existing = this.state.nodes[name];
    if (existing !== undefined) return existing;
    const fresh: NodeState = { done: [], evicted: [] };
    this.state.nodes[name] = fresh;
    return fresh;
  }

  isDone(node: string, step: DrainStep): boolean {
    return this.node(node).done.includes(step);
  }

  markDone(node: string, step: DrainStep): void {
    const state = this.node(node);
    if (!state.done.includes(step)) state.done.push(step);
    this.save();
  }

  recordEviction(node: string, pod: EvictedPod): void {
    const state = this.node(node);
    if (!state.evicted.some((known) => known.pod === pod.pod)) state.evicted.push(pod);
    this.save();
  }

  forget(node: string): void {
    if (this.state.nodes[node] === undefined) return;
    delete this.state.nodes[node];
    this.save();
  }

  private save(): void {
    if (this.readOnly) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.state, null, 2)}\n`);
    renameSync(temporary, this.path);
  }
}

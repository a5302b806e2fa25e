/**
 * Stages of a parsed Dockerfile and the user its final stage runs as. A stage built `FROM` an
 * earlier stage inherits that stage's USER, as Docker does, so the final stage's user is its own
 * last USER or, failing that, its parent stage's.
 */
import type { DockerfileSyntax, Instruction } from './parse.js';

export interface Stage {
  readonly from: Instruction;
  /** The base: an image reference or the name of an earlier stage. */
  readonly base: string;
  /** The `AS` name, lower case as Docker compares it. */
  readonly name?: string;
  readonly users: readonly Instruction[];
}

/** The stages in order. Instructions before the first FROM (global ARGs) belong to none. */
export function stagesOf(syntax: DockerfileSyntax): Stage[] {
  const stages: { from: Instruction; base: string; name?: string; users: Instruction[] }[] = [];
  for (const instruction of syntax.instructions) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const name = words[1]?.toUpperCase() === 'AS' ? words[2]?.toLowerCase() : undefined;
      stages.push({
        from: instruction,
        base: words[0] ?? '',
        ...(name !== undefined ? { name } : {}),
        users: [],
      });
    } else if (instruction.keyword === 'USER') {
      stages[stages.length - 1]?.users.push(instruction);
    }
  }
  return stages;
}

/** The USER instruction that decides who stage `index` runs as, if any does. */
export function effectiveUser(stages: readonly Stage[], index: number): Instruction | undefined {
  const stage = stages[index];
  if (stage === undefined) return undefined;
  const own = stage.users[stage.users.length - 1];
  if (own !== undefined) return own;
  const base = stage.base.toLowerCase();
  // A stage can only be built from a stage above it, so the search ends.
  for (let parent = index - 1; parent >= 0; parent--) {
    if (stages[parent]?.name === base) return effectiveUser(stages, parent);
  }
  return undefined;
}

export type UserKind = 'root' | 'numeric' | 'name' | 'variable';

/** `USER user[:group]`: what the user part is. The group does not decide runAsNonRoot. */
export function classifyUser(value: string): UserKind {
  const user = value.split(':')[0] ?? '';
  if (user.includes('$')) return 'variable';
  if (user.toLowerCase() === 'root' || /^0+$/.test(user)) return 'root';
  if (/^\d+$/.test(user)) return 'numeric';
  return 'name';
}

/** The value of a USER instruction: its one argument, from the shell or the JSON form. */
export function userValue(instruction: Instruction): string {
  return instruction.json?.[0] ?? instruction.args.split(/\s+/)[0] ?? '';
}

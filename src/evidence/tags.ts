/**
 * Tags in test titles. A test that proves a control starts its title with the control and the
 * component it ran on: `[S1][manifest] ...`, `[R4][moto] ...`, `[R1][R4][cdk] ...`,
 * `[cfn-lint][cfn-lint] ...`. The last of two or more tags is the component; the tags before it
 * are the controls proven: practice ids (S1–S12, R1–R6) or Kinko's own controls (`apply`,
 * `config`, `synth`, ...). A lone tag that names a component is a component with no control.
 */
import { isPracticeId, type PracticeId } from '../model/practices.js';

/** Components the catalogue describes; a test may name another, shown as written. */
export const KNOWN_COMPONENTS = [
  'cdk',
  'manifest',
  'apiserver',
  'moto',
  'cfn-lint',
  'unit',
  'e2e',
  'simulation',
  'browser',
  'check',
  'cli',
] as const;

export interface TitleTags {
  readonly practices: readonly PracticeId[];
  /** Kinko's own controls, such as `apply` or `config`. */
  readonly ownControls: readonly string[];
  readonly component?: string;
}

const LEADING_TAG = /^\s*\[([A-Za-z0-9][\w.-]*)\]/;

export function isKnownComponent(tag: string): boolean {
  return (KNOWN_COMPONENTS as readonly string[]).includes(tag);
}

/** Read the leading tags of a test title. A title with no tag gives empty lists. */
export function parseTitleTags(title: string): TitleTags {
  const tags: string[] = [];
  let rest = title;
  for (;;) {
    const match = LEADING_TAG.exec(rest);
    if (match === null) break;
    tags.push(match[1] ?? '');
    rest = rest.slice(match[0].length);
  }
  if (tags.length === 0) return { practices: [], ownControls: [] };

  let subjects = tags;
  let component: string | undefined;
  if (tags.length >= 2) {
    component = tags[tags.length - 1];
    subjects = tags.slice(0, -1);
  } else if (isKnownComponent(tags[0] ?? '')) {
    component = tags[0];
    subjects = [];
  }

  const practices: PracticeId[] = [];
  const ownControls: string[] = [];
  for (const tag of subjects) {
    if (isPracticeId(tag)) {
      if (!practices.includes(tag)) practices.push(tag);
    } else if (!ownControls.includes(tag)) {
      ownControls.push(tag);
    }
  }
  return { practices, ownControls, ...(component !== undefined ? { component } : {}) };
}

/** Return the title without its leading tags, as the evidence pack prints it. */
export function stripTitleTags(title: string): string {
  let rest = title;
  for (;;) {
    const match = LEADING_TAG.exec(rest);
    if (match === null) return rest.trim();
    rest = rest.slice(match[0].length);
  }
}

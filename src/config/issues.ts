/**
 * Turns zod issues and cross-field findings into catalogue problems that name the YAML path,
 * the value, its line in the file, and the fix.
 */
import { isMap, isScalar, LineCounter, type Document, type Node } from 'yaml';
import type { z } from 'zod';

import type { Problem, SourceLocation } from '../errors.js';
import type { MessageParams } from '../i18n/catalog.js';

export type YamlPath = readonly (string | number)[];

/** The parsed file a problem points into. */
export interface ConfigSource {
  readonly file: string;
  readonly document: Document;
  readonly lineCounter: LineCounter;
  readonly data: unknown;
}

/** Render a path the way platform.yaml users read it: `systems[1].apps[0].replicas`. */
export function formatPath(path: YamlPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text === '' ? '(top level)' : text;
}

/** Show a value in a message: strings quoted, long values cut. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function valueAt(data: unknown, path: YamlPath): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Line and column of the node at `path`, or of its nearest existing parent. */
export function locate(
  source: ConfigSource,
  path: YamlPath,
  key?: string,
): SourceLocation | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = source.document.getIn(path.slice(0, length), true) as Node | undefined;
    if (node === undefined || node === null) continue;

    let offset = node.range?.[0];
    if (key !== undefined && length === path.length && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      const keyNode = pair?.key as Node | undefined;
      offset = keyNode?.range?.[0] ?? offset;
    }
    if (offset === undefined) continue;

    const position = source.lineCounter.linePos(offset);
    return { file: source.file, line: position.line, column: position.col };
  }
  return undefined;
}

/** A zod message of the form `format:<id>` names the catalogue entry `config.format.<id>`. */
function formatIdOf(issue: z.core.$ZodIssue): string | undefined {
  return issue.message.startsWith('format:') ? issue.message.slice('format:'.length) : undefined;
}

function describeExpected(expected: string): string {
  return expected === 'int' ? 'integer' : expected;
}

/** Japanese names of the JSON types a field can expect. */
const TYPE_NAMES_JA: Readonly<Record<string, string>> = {
  string: '文字列',
  number: '数値',
  integer: '整数',
  boolean: '真偽値（true / false）',
  object: 'マッピング',
  array: 'リスト',
};

/** Convert one zod issue into problems (an unknown-keys issue gives one problem per key). */
export function problemsFromZodIssue(
  issue: z.core.$ZodIssue,
  source: ConfigSource,
  knownKeysAt: (path: YamlPath) => readonly string[],
): Problem[] {
  const path = issue.path.filter(
    (segment): segment is string | number => typeof segment !== 'symbol',
  );
  const value = valueAt(source.data, path);
  const base: MessageParams = { path: formatPath(path), value: formatValue(value) };
  const location = locate(source, path);

  const formatId = formatIdOf(issue);
  if (formatId !== undefined) {
    return [{ messageId: `config.format.${formatId}`, params: base, location }];
  }

  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        const key = String(path[path.length - 1] ?? '');
        return [{ messageId: 'config.missing', params: { ...base, key }, location }];
      }
      const expected = describeExpected(issue.expected);
      const expectedJa = TYPE_NAMES_JA[expected] ?? expected;
      if (expected === 'string' && typeof value === 'number') {
        const raw = rawScalar(source, path) ?? String(value);
        return [{ messageId: 'config.type.quote', params: { ...base, raw }, location }];
      }
      if ((expected === 'integer' || expected === 'number') && typeof value === 'string') {
        const seconds = /^(\d+)\s*s$/.exec(value.trim());
        if (seconds !== null) {
          return [
            {
              messageId: 'config.type.seconds',
              params: { ...base, suggestion: seconds[1] ?? '' },
              location,
            },
          ];
        }
      }
      return [{ messageId: 'config.type', params: { ...base, expected, expectedJa }, location }];
    }

    case 'invalid_key':
      return [
        {
          messageId: 'config.format.tagKey',
          params: { path: formatPath(path), value: formatValue(issue.path[issue.path.length - 1]) },
          location,
        },
      ];

    case 'unrecognized_keys': {
      const known = knownKeysAt(path);
      return issue.keys.map((key) => ({
        messageId: 'config.unknownKey',
        params: {
          path: formatPath([...path, key]),
          key,
          known: known.join(', '),
          suggestion: closestKey(key, known) ?? '',
        },
        location: locate(source, path, key),
      }));
    }

    case 'too_small':
    case 'too_big': {
      const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const params: Record<string, string | number> = { ...base };
      let limitJa = limit;
      let limitEn = limit;
      if (Array.isArray(value)) {
        params.value = `${value.length} item(s)`;
        params.valueJa = `${value.length} 件`;
        limitEn = `${limit} item(s)`;
        limitJa = `${limit} 件`;
      } else if (typeof value === 'string') {
        params.value = `${base.value} (${value.length} character(s))`;
        params.valueJa = `${base.value}（${value.length} 文字）`;
        limitEn = `${limit} character(s)`;
        limitJa = `${limit} 文字`;
      }
      if (issue.code === 'too_small') {
        params.minimum = limitEn;
        params.minimumJa = limitJa;
      } else {
        params.maximum = limitEn;
        params.maximumJa = limitJa;
      }
      const messageId = issue.code === 'too_small' ? 'config.tooSmall' : 'config.tooBig';
      return [{ messageId, params, location }];
    }

    case 'invalid_value':
      return [
        {
          messageId: 'config.enum',
          params: { ...base, values: issue.values.map((v) => JSON.stringify(v)).join(', ') },
          location,
        },
      ];

    default:
      return [{ messageId: 'config.type', params: { ...base, expected: issue.message }, location }];
  }
}

/** The scalar as written in the file (`1.30`, not the number 1.3), to quote it back to the user. */
function rawScalar(source: ConfigSource, path: YamlPath): string | undefined {
  const node = source.document.getIn(path, true) as Node | undefined;
  return node !== undefined && isScalar(node) && typeof node.source === 'string'
    ? node.source
    : undefined;
}

/** Keep the first problem per YAML path: one mistake gets one message. */
export function firstProblemPerPath(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const path = String(problem.params.path ?? '');
    if (path === '' || problem.messageId === 'config.unknownKey') return true;
    if (seen.has(path)) return false;
    seen.add(path);
    return true;
  });
}

/** The known key within edit distance 2 of `key`, to suggest for a typo. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance; written here because the keys are short and no dependency is needed. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Parses manifest text into Kubernetes objects with their source positions: multi-document YAML,
 * JSON, and `List` kinds (`v1/List`, `DeploymentList`, ...) expanded into their items. A document
 * that does not parse, or is not a Kubernetes object, becomes an input problem with its line, and
 * the other documents of the file are still returned.
 */
import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
} from 'yaml';

import { isRecord, toResource, type KubeResource, type SourcePosition } from '../resource.js';
import type { FieldPath } from '../rule.js';

export interface InputProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly messageId: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ParsedManifests {
  readonly resources: KubeResource[];
  readonly problems: InputProblem[];
}

/** Node start offset of `path` inside `document`: a map key's position, or a list item's. */
function offsetOf(document: Document, path: FieldPath): number | undefined {
  const contents = document.contents;
  if (path.length === 0) return contents?.range?.[0];
  const parent = path.length === 1 ? contents : document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
    return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item: unknown = parent.items[last];
    return isNode(item) ? item.range?.[0] : undefined;
  }
  return undefined;
}

function locator(document: Document, lineCounter: LineCounter, prefix: FieldPath) {
  return (path: FieldPath): SourcePosition => {
    const full = [...prefix, ...path];
    for (let depth = full.length; depth >= 0; depth--) {
      const offset = offsetOf(document, full.slice(0, depth));
      if (offset !== undefined) {
        const position = lineCounter.linePos(offset);
        return { line: position.line, column: position.col };
      }
    }
    return { line: 1, column: 1 };
  };
}

function hasKind(body: Record<string, unknown>): boolean {
  return typeof body['apiVersion'] === 'string' && typeof body['kind'] === 'string';
}

/** Build a resource for an object that has apiVersion and kind but no metadata.name. */
function unnamed(body: Record<string, unknown>): KubeResource {
  const metadata = isRecord(body['metadata']) ? body['metadata'] : {};
  return {
    apiVersion: String(body['apiVersion']),
    kind: String(body['kind']),
    name: UNNAMED,
    namespace: typeof metadata['namespace'] === 'string' ? metadata['namespace'] : undefined,
    body,
  };
}

/** The name findings show for an object without metadata.name. */
export const UNNAMED = '<unnamed>';

/** Parse the text of one file (or of stdin, named `file`). */
export function parseManifests(text: string, file: string): ParsedManifests {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const resources: KubeResource[] = [];
  const problems: InputProblem[] = [];
  if (!Array.isArray(documents)) return { resources, problems };

  const problemAt = (offset: number, messageId: string, params: InputProblem['params'] = {}) => {
    const position = lineCounter.linePos(offset);
    problems.push({ file, line: position.line, column: position.col, messageId, params });
  };

  for (const document of documents) {
    const start = document.range[0];
    const error = document.errors[0];
    if (error !== undefined) {
      problemAt(error.pos[0], 'check.input.yaml', {
        reason: error.message.split('\n')[0] ?? error.code,
      });
      continue;
    }

    let value: unknown;
    try {
      // toJS refuses documents that expand aliases more than 100 times (a "billion laughs").
      value = document.toJS({ maxAliasCount: 100 });
    } catch (failure) {
      problemAt(start, 'check.input.yaml', { reason: (failure as Error).message });
      continue;
    }
    if (value === null || value === undefined) continue;

    const bodyStart = document.contents?.range?.[0] ?? start;
    if (!isRecord(value)) {
      problemAt(bodyStart, 'check.input.notObject');
      continue;
    }

    const items = value['items'];
    const isList =
      typeof value['kind'] === 'string' && value['kind'].endsWith('List') && Array.isArray(items);
    const entries: { body: unknown; prefix: FieldPath }[] = isList
      ? (items as unknown[]).map((body, index) => ({ body, prefix: ['items', index] }))
      : [{ body: value, prefix: [] }];

    for (const entry of entries) {
      const locate = locator(document, lineCounter, entry.prefix);
      const resource = isRecord(entry.body) ? toResource(entry.body, { file, locate }) : undefined;
      if (resource === undefined && isRecord(entry.body) && hasKind(entry.body)) {
        // The API server rejects an object without a name, yet its settings are still worth
        // checking, so it is both reported and checked.
        const position = locate(['metadata']);
        problems.push({
          file,
          line: position.line,
          column: position.column,
          messageId: 'check.input.noName',
          params: {},
        });
        resources.push({ ...unnamed(entry.body), source: { file, locate } });
        continue;
      }
      if (resource === undefined) {
        const position = locate([]);
        problems.push({
          file,
          line: position.line,
          column: position.column,
          messageId: 'check.input.notObject',
          params: {},
        });
        continue;
      }
      resources.push(resource);
    }
  }
  return { resources, problems };
}

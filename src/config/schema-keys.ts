/**
 * Lists the keys a platform.yaml mapping accepts at a given path, by walking the zod schema,
 * so an unknown-key error can show the valid keys and suggest the closest one.
 */
import { platformConfigSchema } from './schema.js';
import type { YamlPath } from './issues.js';

// zod 4 exposes a schema's structure on `_zod.def`; only the wrapper, object, array and record
// kinds that platformConfigSchema uses are followed.
interface SchemaDef {
  readonly type: string;
  readonly innerType?: unknown;
  readonly element?: unknown;
  readonly valueType?: unknown;
  readonly shape?: Record<string, unknown>;
}

function defOf(schema: unknown): SchemaDef | undefined {
  return (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let def = defOf(current); def?.innerType !== undefined; def = defOf(current)) {
    current = def.innerType;
  }
  return current;
}

export function knownKeysAt(path: YamlPath): readonly string[] {
  let schema: unknown = platformConfigSchema;
  for (const segment of path) {
    const def = defOf(unwrap(schema));
    if (def === undefined) return [];
    if (def.type === 'array' && typeof segment === 'number') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'object' && typeof segment === 'string') schema = def.shape?.[segment];
    else return [];
  }
  const def = defOf(unwrap(schema));
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

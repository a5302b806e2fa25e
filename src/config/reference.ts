/**
 * A field reference of platform.yaml generated from the schema, so `kinko synth --help` and
 * docs/platform-yaml.md cannot drift from what the loader accepts.
 */
import { z } from 'zod';

import { platformConfigSchema } from './schema.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
}

export interface FieldReference {
  /** YAML path with `[]` for list items, for example `systems[].apps[].replicas`. */
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly default?: string;
  /** Allowed values or range, for example `1.33 | 1.34` or `1..1000`. */
  readonly constraint?: string;
}

function describeType(schema: JsonSchema): string {
  if (schema.type === 'array') return `list of ${schema.items ? describeType(schema.items) : 'any'}`;
  if (schema.type === 'object' && schema.additionalProperties && schema.properties === undefined) return 'map';
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
}

function describeConstraint(schema: JsonSchema): string | undefined {
  if (schema.enum) return schema.enum.map(String).join(' | ');
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    return `${schema.minimum ?? ''}..${schema.maximum ?? ''}`;
  }
  if (schema.minItems !== undefined && schema.minItems > 0) return `at least ${schema.minItems} item(s)`;
  return undefined;
}

export function platformFieldReference(): FieldReference[] {
  const root = z.toJSONSchema(platformConfigSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fields: FieldReference[] = [];

  const visit = (schema: JsonSchema, path: string, required: boolean) => {
    if (path !== '') {
      const constraint = describeConstraint(schema);
      fields.push({
        path,
        type: describeType(schema),
        required,
        ...(schema.default !== undefined ? { default: JSON.stringify(schema.default) } : {}),
        ...(constraint !== undefined ? { constraint } : {}),
      });
    }
    if (schema.properties) {
      for (const [key, child] of Object.entries(schema.properties)) {
        const childRequired = (schema.required ?? []).includes(key) && child.default === undefined;
        visit(child, path === '' ? key : `${path}.${key}`, childRequired);
      }
    }
    if (schema.type === 'array' && schema.items?.properties) {
      for (const [key, child] of Object.entries(schema.items.properties)) {
        const childRequired = (schema.items.required ?? []).includes(key) && child.default === undefined;
        visit(child, `${path}[].${key}`, childRequired);
      }
    }
  };
  visit(root, '', true);
  return fields;
}

/** Render the reference as aligned text lines for the terminal. */
export function renderFieldReference(requiredWord: string, defaultWord: string): string {
  const fields = platformFieldReference();
  const width = Math.max(...fields.map((field) => field.path.length)) + 2;
  return fields
    .map((field) => {
      const notes = [
        field.type,
        field.required ? requiredWord : undefined,
        field.default !== undefined ? `${defaultWord} ${field.default}` : undefined,
        field.constraint,
      ].filter((note) => note !== undefined);
      return `  ${field.path.padEnd(width)}${notes.join('; ')}`;
    })
    .join('\n');
}

/**
 * A field reference of platform.yaml generated from the schema, so `kinko synth --help` and
 * docs/platform-yaml.md cannot drift from what the loader accepts.
 */
import { z } from 'zod';

import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
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
  if (schema.type === 'array')
    return `list of ${schema.items ? describeType(schema.items) : 'any'}`;
  if (schema.type === 'object' && schema.additionalProperties && schema.properties === undefined)
    return 'map';
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
}

function describeConstraint(schema: JsonSchema): string | undefined {
  if (schema.enum) return schema.enum.map(String).join(' | ');
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    return `${schema.minimum ?? ''}..${schema.maximum ?? ''}`;
  }
  if (schema.minItems !== undefined && schema.minItems > 0)
    return `at least ${schema.minItems} item(s)`;
  return undefined;
}

export function platformFieldReference(): FieldReference[] {
  const root = z.toJSONSchema(platformConfigSchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
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
        const childRequired =
          (schema.items.required ?? []).includes(key) && child.default === undefined;
        visit(child, `${path}[].${key}`, childRequired);
      }
    }
  };
  visit(root, '', true);
  return fields;
}

/** Render the reference as aligned text lines for the terminal, in `locale`. */
export function renderFieldReference(locale: Locale): string {
  const fields = platformFieldReference();
  const width = Math.max(...fields.map((field) => field.path.length)) + 2;
  return fields
    .map((field) => {
      const notes = [
        field.type,
        field.required ? t('cli.synth.help.required', {}, locale) : undefined,
        field.default !== undefined
          ? `${t('cli.synth.help.default', {}, locale)} ${field.default}`
          : undefined,
        field.constraint,
      ].filter((note) => note !== undefined);
      const description = t(`field.${field.path}`, {}, locale);
      return `  ${field.path.padEnd(width)}${description}\n  ${''.padEnd(width)}(${notes.join('; ')})`;
    })
    .join('\n');
}

/** Render the reference as a Markdown table for docs/platform-yaml.md, in `locale`. */
export function renderFieldReferenceMarkdown(locale: Locale): string {
  const header =
    locale === 'ja'
      ? ['| フィールド | 型 | 既定値 | 値の範囲 | 説明 |', '| --- | --- | --- | --- | --- |']
      : ['| field | type | default | allowed | description |', '| --- | --- | --- | --- | --- |'];
  const rows = platformFieldReference().map((field) => {
    const fallback = field.required ? t('cli.synth.help.required', {}, locale) : '';
    const value = field.default !== undefined ? `\`${field.default}\`` : fallback;
    const description = t(`field.${field.path}`, {}, locale).replaceAll('|', '\\|');
    return `| \`${field.path}\` | ${field.type} | ${value} | ${(field.constraint ?? '').replaceAll('|', '\\|')} | ${description} |`;
  });
  return [...header, ...rows].join('\n');
}

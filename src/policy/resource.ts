/**
 * A Kubernetes object as the policy engine sees it: the parsed body with its identity, and where
 * it came from, so a finding can name the file and line.
 */
import type { FieldPath } from './rule.js';

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface ResourceSource {
  readonly file: string;
  /** Position of the field at `path`, or of its nearest parent that exists. */
  readonly locate: (path: FieldPath) => SourcePosition;
}

export interface KubeResource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** `metadata.namespace`, or undefined for cluster-scoped objects and objects that omit it. */
  readonly namespace: string | undefined;
  readonly body: Readonly<Record<string, unknown>>;
  readonly source?: ResourceSource;
}

/** The namespace an omitted `metadata.namespace` means: `kubectl apply` without `-n` uses it. */
export const DEFAULT_NAMESPACE = 'default';

export function namespaceOf(resource: KubeResource): string {
  return resource.namespace ?? DEFAULT_NAMESPACE;
}

/** `Kind namespace/name`, or `Kind name` for a cluster-scoped kind. */
export function describeResource(resource: KubeResource): string {
  return resource.namespace === undefined
    ? `${resource.kind} ${resource.name}`
    : `${resource.kind} ${resource.namespace}/${resource.name}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return isRecord(child) ? child : undefined;
}

export function arrayAt(value: unknown, key: string): unknown[] {
  if (!isRecord(value)) return [];
  const child = value[key];
  return Array.isArray(child) ? child : [];
}

export function stringAt(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return typeof child === 'string' ? child : undefined;
}

/** String values of a `map[string]string` such as labels; other values are left out. */
export function stringMapAt(value: unknown, key: string): Record<string, string> {
  const map = recordAt(value, key) ?? {};
  const result: Record<string, string> = {};
  for (const [name, entry] of Object.entries(map)) {
    if (typeof entry === 'string') result[name] = entry;
  }
  return result;
}

/** Build a KubeResource from a body, or undefined when apiVersion, kind or metadata.name is missing. */
export function toResource(
  body: Record<string, unknown>,
  source?: ResourceSource,
): KubeResource | undefined {
  const apiVersion = stringAt(body, 'apiVersion');
  const kind = stringAt(body, 'kind');
  const metadata = recordAt(body, 'metadata');
  const name = stringAt(metadata, 'name') ?? stringAt(metadata, 'generateName');
  if (apiVersion === undefined || kind === undefined || name === undefined) return undefined;
  return {
    apiVersion,
    kind,
    name,
    namespace: stringAt(metadata, 'namespace'),
    body,
    ...(source !== undefined ? { source } : {}),
  };
}

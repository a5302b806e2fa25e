/**
 * The CEL form of a rule, kept in the rule's own unit beside its check. The JavaScript check
 * defines the rule. The CEL expression restates it for the apiserver's ValidatingAdmissionPolicy,
 * and a unit test asserts that both give the same verdict on every fixture and corpus object.
 *
 * Expressions use standard CEL (macros, `matches`, `startsWith`, `in`, `size`) and the strings
 * extension (`lowerAscii`, `upperAscii`, `trim`, `split`, `substring`, `indexOf`, `join`), which
 * both kube-apiserver and @bufbuild/cel provide. They avoid `cel.bind`, optional fields and
 * two-variable comprehensions, which @bufbuild/cel 0.6.1 does not parse.
 */
import type { PolicySettings } from '../settings.js';

/** Settings and rule ids that the export writes into an expression. */
export interface CelContext {
  readonly settings: PolicySettings;
  /** Ids of every rule of the pack, for the rule that checks suppression annotations. */
  readonly ruleIds: ReadonlySet<string>;
}

/** A CEL expression over one container bound to `c`, and over the pod's `variables.podSpec`. */
export type ContainerPredicate = (context: CelContext) => string;

/**
 * The objects a rule applies to. `pod` rules read the pod of any workload kind (or of the
 * replicated kinds only) through the policy's variables and do not apply to a workload without a
 * pod template. `workload` rules read the workload object itself. `object` rules read `object` of
 * the listed kinds.
 */
export type CelTarget =
  | { readonly scope: 'pod' | 'workload'; readonly replicatedOnly?: boolean }
  | { readonly scope: 'object'; readonly kinds: readonly CelKindId[] };

/** Object kinds that `object` rules target, by the key of CEL_KINDS in kinds.ts. */
export type CelKindId = 'Secret' | 'RoleBinding' | 'ClusterRoleBinding' | 'Role' | 'ClusterRole';

export interface CelRule {
  readonly target: CelTarget;
  /**
   * For a container rule: the condition a compliant container meets, evaluated on regular, init
   * and ephemeral containers. The export also names each container that fails it in the message.
   */
  readonly container?: ContainerPredicate;
  /** For any other rule: a CEL expression that is true when the object complies. */
  readonly expression?: (context: CelContext) => string;
  /** CEL string expressions for the message parameters other than `container`. */
  readonly messageParams?: (context: CelContext) => Readonly<Record<string, string>>;
}

/** Quotes `value` as a CEL string literal. JSON string escapes are valid CEL escapes. */
export function celString(value: string): string {
  return JSON.stringify(value);
}

/** Writes `values` as a CEL list literal of strings. */
export function celStringList(values: readonly string[]): string {
  return `[${values.map(celString).join(', ')}]`;
}

/** Escape RE2 metacharacters so `value` matches itself. */
export function re2Escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Tests that `base` has the nested field set, with a `has()` for each step of `fields`. */
export function hasPath(base: string, fields: readonly string[]): string {
  const checks: string[] = [];
  let path = base;
  for (const field of fields) {
    path = `${path}.${field}`;
    checks.push(`has(${path})`);
  }
  return checks.join(' && ');
}

/** Reads the list at `base.field`, or an empty list when the field is absent. */
export function listOrEmpty(base: string, field: string): string {
  return `(has(${base}.${field}) ? ${base}.${field} : [])`;
}

export const POD_SPEC = 'variables.podSpec';

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

/** `condition` over `c` holds for every regular, init and ephemeral container of the pod. */
export function everyContainer(condition: string): string {
  return CONTAINER_LISTS.map((list) => `${listOrEmpty(POD_SPEC, list)}.all(c, ${condition})`).join(
    ' && ',
  );
}

/**
 * Lists the containers for which `condition` over `c` fails, as `containers "web"`, joined by
 * commas.
 */
export function failingContainers(condition: string): string {
  const lists = CONTAINER_LISTS.map(
    (list) =>
      `${listOrEmpty(POD_SPEC, list)}.filter(c, !(${condition})).map(c, ${celString(`${list} "`)} + c.name + '"')`,
  );
  return `(${lists.join(' + ')}).join(', ')`;
}
export const POD_LABELS = 'variables.podLabels';
export const NAMESPACE = 'variables.objectNamespace';

/**
 * One rule's CEL as a ValidatingAdmissionPolicy validation: the rule's condition, the
 * suppression annotation that lifts it, and a message that names the rule and what failed.
 */
import { t, type MessageParams } from '../../i18n/catalog.js';
import { ruleMessageIds } from '../registry.js';
import type { RuleUnit } from '../rule.js';
import { SUPPRESSION_PREFIX } from '../suppression.js';
import type { WorkloadFamily } from './kinds.js';
import {
  celString,
  everyContainer,
  failingContainers,
  type CelContext,
  type CelRule,
} from './rule.js';

/** The rule that checks suppressions; the engine never lets it be suppressed itself. */
export const SUPPRESSION_RULE_ID = 'suppression-reason';

/**
 * An RE2 pattern that matches a string with a character JavaScript's `String.prototype.trim`
 * keeps, so a reason of only blanks counts as no reason, as in the engine.
 */
export const NON_BLANK =
  '[^\\t\\n\\v\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]';

export interface Validation {
  readonly expression: string;
  readonly messageExpression: string;
  readonly message: string;
  readonly reason: 'Forbidden' | 'Invalid';
}

/** A rule unit with its CEL form; registration is not needed to export or evaluate it. */
export type RuleWithCel = Pick<RuleUnit, 'id'> &
  Partial<Pick<RuleUnit, 'variants'>> & { readonly cel: CelRule };

/**
 * Tests that the rule's suppression annotation, with a reason, is on the object or its pod
 * template.
 */
export function suppressedExpression(ruleId: string, withPodTemplate: boolean): string {
  const key = celString(`${SUPPRESSION_PREFIX}${ruleId}`);
  const own = 'variables.objectAnnotations';
  const onObject = `${key} in ${own} ? ${own}[${key}].matches(${celString(NON_BLANK)})`;
  if (!withPodTemplate) return `(${onObject} : false)`;
  const pod = 'variables.podAnnotations';
  return `(${onObject} : ${key} in ${pod} && ${pod}[${key}].matches(${celString(NON_BLANK)}))`;
}

/** Returns the rule's condition without suppression: true when the object complies. */
export function complianceExpression(rule: RuleWithCel, context: CelContext): string {
  const { cel } = rule;
  if (cel.container !== undefined) return everyContainer(cel.container(context));
  if (cel.expression !== undefined) return cel.expression(context);
  throw new Error(`rule "${rule.id}" has CEL with neither a container nor an expression`);
}

/**
 * Writes the catalogue's English message as a CEL string expression. The message is rendered with a
 * marker in place of each parameter, and each marker is then replaced by its CEL expression, so
 * the text stays in the catalogue. The rule's main message is used only when it is true of every
 * object the rule denies: when the rule has no message variants and CEL can write each parameter
 * the message reads. Otherwise the message is the rule's title and, for a container rule, the
 * failing containers, which is true whatever the JavaScript check would report.
 */
function messageExpression(rule: RuleWithCel, context: CelContext, variants: boolean): string {
  const params: Record<string, string> = { ...rule.cel.messageParams?.(context) };
  const containers =
    rule.cel.container === undefined ? undefined : failingContainers(rule.cel.container(context));
  if (containers !== undefined) params['container'] = containers;
  const marker = '\u0000';
  const read: string[] = [];
  // A proxy hands the message a marker for whatever parameter it reads.
  const markers = new Proxy(
    {},
    {
      get: (_target, name) => {
        read.push(String(name));
        return `${marker}${String(name)}${marker}`;
      },
    },
  ) as MessageParams;
  const rendered = t(ruleMessageIds(rule.id).message(), markers, 'en');
  if (variants || read.some((name) => params[name] === undefined)) {
    return titleMessageExpression(rule, containers);
  }
  const parts = rendered
    .split(marker)
    .map((part, index) => (index % 2 === 0 ? celString(part) : `(${params[part] ?? "''"})`));
  return [celString(`[${rule.id}] `), ...parts.filter((part) => part !== '""')].join(' + ');
}

/**
 * Writes the message that is true for every variant of the rule: its title, and for a container
 * rule the containers that fail it.
 */
function titleMessageExpression(rule: RuleWithCel, containers: string | undefined): string {
  const title = `[${rule.id}] ${t(ruleMessageIds(rule.id).title, {}, 'en')}`;
  if (containers === undefined) return celString(t('cel.ruleNotMet', { title }, 'en'));
  const marker = '\u0000';
  const [before = '', after = ''] = t('cel.ruleNotMetBy', { title, container: marker }, 'en').split(
    marker,
  );
  return `${celString(before)} + ${containers} + ${celString(after)}`;
}

/** Tells whether `message`, of a denial by `ruleId`, is the title form rather than the main message. */
export function celMessageIsTitle(message: string, ruleId: string): boolean {
  const title = `[${ruleId}] ${t(ruleMessageIds(ruleId).title, {}, 'en')}`;
  const [before = ''] = t('cel.ruleNotMetBy', { title, container: '\u0000' }, 'en').split('\u0000');
  return message === t('cel.ruleNotMet', { title }, 'en') || message.startsWith(before);
}

/** Builds the validation of `rule` in a policy over `family`, or over object kinds without one. */
export function buildValidation(
  rule: RuleWithCel,
  context: CelContext,
  family: WorkloadFamily | undefined,
): Validation {
  const compliant = complianceExpression(rule, context);
  const suppressed =
    rule.id === SUPPRESSION_RULE_ID ? 'false' : suppressedExpression(rule.id, family !== undefined);
  const guard =
    family !== undefined && rule.cel.target.scope === 'pod' ? '!variables.hasPod || ' : '';
  return {
    expression: `${guard}${suppressed} || (${compliant})`,
    messageExpression: messageExpression(rule, context, (rule.variants ?? []).length > 0),
    message: `[${rule.id}] ${t(ruleMessageIds(rule.id).title, {}, 'en')}`,
    reason: 'Forbidden',
  };
}

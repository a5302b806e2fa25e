/**
 * Kubernetes label selector semantics (metav1.LabelSelector): matchLabels and matchExpressions
 * are ANDed; an empty selector selects everything; operators In, NotIn, Exists, DoesNotExist.
 */
import { arrayAt, isRecord, stringAt } from './resource.js';

/**
 * Whether `selector` selects an object with `labels`. A missing selector (null or absent) selects
 * nothing, as for a policy/v1 PodDisruptionBudget or a topology spread constraint. A malformed
 * selector or an unknown operator selects nothing, so a rule that relies on the match fails
 * closed.
 */
export function selectorMatches(
  selector: unknown,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (!isRecord(selector)) return false;

  const matchLabels = selector['matchLabels'];
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) return false;
    for (const [key, value] of Object.entries(matchLabels)) {
      if (labels[key] !== value) return false;
    }
  }

  const expressions = selector['matchExpressions'];
  if (expressions !== undefined && expressions !== null && !Array.isArray(expressions)) {
    return false;
  }
  return arrayAt(selector, 'matchExpressions').every((expression) =>
    expressionMatches(expression, labels),
  );
}

function expressionMatches(expression: unknown, labels: Readonly<Record<string, string>>): boolean {
  const key = stringAt(expression, 'key');
  const operator = stringAt(expression, 'operator');
  if (key === undefined || operator === undefined) return false;
  const values = arrayAt(expression, 'values').filter((v): v is string => typeof v === 'string');
  const present = Object.hasOwn(labels, key);
  const value = labels[key];

  switch (operator) {
    case 'In':
      return present && value !== undefined && values.includes(value);
    case 'NotIn':
      return !present || value === undefined || !values.includes(value);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}

/** Whether a selector is empty (`{}`, or only empty matchLabels and matchExpressions). */
export function isEmptySelector(selector: unknown): boolean {
  if (!isRecord(selector)) return false;
  const matchLabels = selector['matchLabels'];
  const expressions = selector['matchExpressions'];
  const noLabels =
    matchLabels === undefined ||
    matchLabels === null ||
    (isRecord(matchLabels) && Object.keys(matchLabels).length === 0);
  const noExpressions =
    expressions === undefined ||
    expressions === null ||
    (Array.isArray(expressions) && expressions.length === 0);
  return noLabels && noExpressions;
}

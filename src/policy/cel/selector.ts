/**
 * CEL for Kubernetes label selector semantics, as src/policy/selector.ts applies them: matchLabels
 * and matchExpressions are ANDed, an empty selector selects everything, and an unknown operator
 * selects nothing.
 */

/** Tests whether the LabelSelector `selector` (a CEL expression that is set) selects `labels`. */
export function selectorSelects(selector: string, labels: string): string {
  const present = `e.key in ${labels}`;
  const listed = `(${present} && has(e.values) && ${labels}[e.key] in e.values)`;
  const operator =
    `e.operator == 'In' ? ${listed} : e.operator == 'NotIn' ? !${listed} : ` +
    `e.operator == 'Exists' ? ${present} : e.operator == 'DoesNotExist' ? !(${present}) : false`;
  return (
    `(!has(${selector}.matchLabels) || ${selector}.matchLabels.all(k, k in ${labels} && ${labels}[k] == ${selector}.matchLabels[k]))` +
    ` && (!has(${selector}.matchExpressions) || ${selector}.matchExpressions.all(e, ${operator}))`
  );
}

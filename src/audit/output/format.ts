/**
 * Renders alerts and repeat summaries as text lines (a sentence, then key=value fields) and as
 * JSON objects, one per line.
 */
import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import type { Alert } from '../detector.js';
import type { RepeatSummary } from './repeats.js';

/** Quote a value that has a space, a quote or an equals sign, so fields split unambiguously. */
function fieldValue(value: string | number): string {
  const text = String(value);
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text);
}

/** The key=value fields of an alert: the standard ones first, then the detection's own. */
export function alertFields(alert: Alert): [string, string | number][] {
  const fields: [string, string | number | undefined][] = [
    ['user', alert.user],
    ['impersonatedUser', alert.impersonatedUser],
    ['verb', alert.verb],
    ['resource', alert.resource],
    ['namespace', alert.namespace],
    ['name', alert.name],
    ['sourceIP', alert.sourceIP],
    ['code', alert.code],
    ...Object.entries(alert.fields),
    ['practice', alert.practice],
    ['tactic', alert.tactic],
    ['auditID', alert.auditID],
  ];
  return fields.filter((field): field is [string, string | number] => field[1] !== undefined);
}

export function formatAlertText(alert: Alert, locale: Locale): string {
  const title = t(`audit.detection.${alert.detection}.title`, {}, locale);
  const fields = alertFields(alert)
    .map(([key, value]) => `${key}=${fieldValue(value)}`)
    .join(' ');
  return `${alert.time} ${alert.severity.toUpperCase()} ${alert.detection}: ${title} ${fields}`;
}

export function formatAlertJson(alert: Alert, locale: Locale): string {
  return JSON.stringify({
    type: 'alert',
    ...alert,
    title: t(`audit.detection.${alert.detection}.title`, {}, locale),
  });
}

export function formatRepeatText(summary: RepeatSummary, locale: Locale): string {
  return t('audit.repeats.summary', { ...summary }, locale);
}

export function formatRepeatJson(summary: RepeatSummary): string {
  return JSON.stringify({ type: 'repeats', ...summary });
}

/**
 * The structured log of `kinko audit`, on stderr so it never mixes with alerts on stdout: one
 * JSON object per line (`json`), or a readable line per entry (`text`, the default on a
 * terminal). Each entry is a catalogue message, rendered in the user's language in text and
 * carried by id with its fields in JSON.
 */
import { t, type MessageParams } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface AuditLog {
  debug(messageId: string, params?: MessageParams): void;
  info(messageId: string, params?: MessageParams): void;
  warn(messageId: string, params?: MessageParams): void;
  error(messageId: string, params?: MessageParams): void;
}

export interface LogOptions {
  readonly level: LogLevel;
  readonly format: 'text' | 'json';
  readonly locale: Locale;
  readonly write?: (line: string) => void;
}

export function createLog(options: LogOptions): AuditLog {
  const threshold = LOG_LEVELS.indexOf(options.level);
  const write = options.write ?? ((line: string) => process.stderr.write(line));

  const entry =
    (level: LogLevel) =>
    (messageId: string, params: MessageParams = {}) => {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      const time = new Date().toISOString();
      const message = t(messageId, params, options.locale);
      write(
        options.format === 'json'
          ? `${JSON.stringify({ time, level, msg: messageId, message, ...params })}\n`
          : `${time} ${level.toUpperCase()} ${message}\n`,
      );
    };
  return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}

/** A log that drops everything, for tests and library callers. */
export const SILENT_LOG: AuditLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

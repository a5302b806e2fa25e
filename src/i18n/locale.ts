/** Locale selection for user-facing text: `--lang`, then KINKO_LANG, then the POSIX locale. */

export type Locale = 'en' | 'ja';

export const LOCALES: readonly Locale[] = ['en', 'ja'];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * Resolve the locale: an explicit flag wins, then KINKO_LANG, then LC_ALL, LC_MESSAGES and LANG
 * in the order POSIX gives them precedence. A value starting with `ja` selects Japanese.
 */
export function resolveLocale(flag?: string, env: NodeJS.ProcessEnv = process.env): Locale {
  const candidates = [flag, env.KINKO_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG];
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === '') continue;
    return candidate.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  }
  return 'en';
}

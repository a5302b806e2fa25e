/**
 * Loads platform.yaml: read, parse with positions, validate per field and across fields.
 * Any problem raises one ConfigError listing all of them, so a user fixes the file in one pass.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';

import { KinkoError, type Problem } from '../errors.js';
import { firstProblemPerPath, problemsFromZodIssue, type ConfigSource } from './issues.js';
import { platformConfigSchema, type PlatformConfig } from './schema.js';
import { knownKeysAt } from './schema-keys.js';
import { validatePlatform } from './validate.js';

export const CONFIG_INVALID = 'KINKO_CONFIG_INVALID';
export const CONFIG_NOT_FOUND = 'KINKO_CONFIG_NOT_FOUND';

export class ConfigError extends KinkoError {
  constructor(file: string, problems: readonly Problem[]) {
    super(
      CONFIG_INVALID,
      'user',
      { messageId: 'config.invalid.summary', params: { file, count: problems.length } },
      problems,
    );
    this.name = 'ConfigError';
  }
}

export function loadPlatformConfig(file: string): PlatformConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new KinkoError(CONFIG_NOT_FOUND, 'user', {
        messageId: 'config.file.notFound',
        params: { file },
      });
    }
    throw new KinkoError(CONFIG_NOT_FOUND, 'user', {
      messageId: 'config.file.unreadable',
      params: { file, reason: (error as Error).message },
    });
  }
  return parsePlatformConfig(text, file);
}

export function parsePlatformConfig(text: string, file: string): PlatformConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });

  if (document.errors.some((error) => error.code === 'MULTIPLE_DOCS')) {
    throw new ConfigError(file, [{ messageId: 'config.yaml.multipleDocuments', params: {} }]);
  }
  if (document.errors.length > 0) {
    const problems = document.errors.map((error): Problem => {
      const position = lineCounter.linePos(error.pos[0]);
      return {
        messageId: 'config.yaml.syntax',
        params: { reason: error.message.split('\n')[0] ?? error.code },
        location: { file, line: position.line, column: position.col },
      };
    });
    throw new ConfigError(file, problems);
  }

  let data: unknown;
  try {
    // The yaml package limits alias expansion, so a "billion laughs" document fails here.
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(file, [
      {
        messageId: 'config.yaml.syntax',
        params: { reason: error instanceof Error ? error.message : String(error) },
      },
    ]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(file, [{ messageId: 'config.yaml.notMapping', params: {} }]);
  }

  const source: ConfigSource = { file, document, lineCounter, data };
  const parsed = platformConfigSchema.safeParse(data);
  if (!parsed.success) {
    const problems = firstProblemPerPath(
      parsed.error.issues.flatMap((issue) => problemsFromZodIssue(issue, source, knownKeysAt)),
    );
    throw new ConfigError(file, problems);
  }

  const problems = validatePlatform(parsed.data, source);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return parsed.data;
}

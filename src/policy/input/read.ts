/**
 * Reads the inputs of `kinko check`: files, folders (every .yaml, .yml and .json file below them,
 * in sorted order) and `-` for standard input.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { isDockerfileName } from '../dockerfile/read.js';
import type { KubeResource } from '../resource.js';
import { parseManifests, type InputProblem } from './parse.js';

export const STDIN_PATH = '-';
const STDIN_NAME = '<stdin>';
const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;

export interface ManifestInput {
  readonly resources: KubeResource[];
  readonly problems: InputProblem[];
  /** Files read, standard input included. */
  readonly files: string[];
}

function listManifestFiles(dir: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listManifestFiles(path));
    else if (MANIFEST_EXTENSIONS.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      found.push(path);
    }
  }
  return found;
}

function problemOf(file: string, messageId: string, reason?: string): InputProblem {
  return {
    file,
    line: 0,
    column: 0,
    messageId,
    params: { file, ...(reason !== undefined ? { reason } : {}) },
  };
}

/** Read and parse every input. `readStdin` is injectable so tests can feed standard input. */
export function readManifestInputs(
  paths: readonly string[],
  readStdin: () => string = () => readFileSync(0, 'utf8'),
): ManifestInput {
  const resources: KubeResource[] = [];
  const problems: InputProblem[] = [];
  const files: string[] = [];

  const parseText = (text: string, file: string): void => {
    files.push(file);
    const parsed = parseManifests(text, file);
    resources.push(...parsed.resources);
    problems.push(...parsed.problems);
  };

  for (const path of paths) {
    if (path === STDIN_PATH) {
      parseText(readStdin(), STDIN_NAME);
      continue;
    }
    let targets: string[];
    try {
      // A Dockerfile named on the command line is read by the Dockerfile reader instead.
      if (statSync(path).isDirectory()) targets = listManifestFiles(path);
      else targets = isDockerfileName(path) ? [] : [path];
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT'
          ? problemOf(path, 'check.input.notFound')
          : problemOf(path, 'check.input.unreadable', (error as Error).message),
      );
      continue;
    }
    for (const file of targets) {
      try {
        parseText(readFileSync(file, 'utf8'), file);
      } catch (error) {
        problems.push(problemOf(file, 'check.input.unreadable', (error as Error).message));
      }
    }
  }
  return { resources, problems, files };
}

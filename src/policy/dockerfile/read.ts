/**
 * Finds and parses the Dockerfiles of `kinko check`: files named `Dockerfile`, `Dockerfile.*` or
 * `*.Dockerfile` (any case) among the paths, folders searched recursively, and every file given
 * with `--dockerfile` whatever its name. `Dockerfile.dockerignore` and names ending in a manifest
 * extension are not Dockerfiles.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import type { InputProblem } from '../input/parse.js';
import type { KubeResource } from '../resource.js';
import { parseDockerfile } from './parse.js';
import { dockerfileResource } from './resource.js';

const DOCKERFILE_NAME = /^(dockerfile(\..+)?|.+\.dockerfile)$/i;
const NOT_DOCKERFILE = /\.(dockerignore|ya?ml|json)$/i;

export function isDockerfileName(path: string): boolean {
  const name = basename(path);
  return DOCKERFILE_NAME.test(name) && !NOT_DOCKERFILE.test(name);
}

export interface DockerfileInput {
  readonly resources: KubeResource[];
  readonly problems: InputProblem[];
  readonly files: string[];
}

function listDockerfiles(dir: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listDockerfiles(path));
    else if (isDockerfileName(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
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

/**
 * Dockerfiles under `paths` (the manifest reader reports paths that do not exist) and the
 * `explicit` ones, each read once.
 */
export function readDockerfileInputs(
  paths: readonly string[],
  explicit: readonly string[],
): DockerfileInput {
  const resources: KubeResource[] = [];
  const problems: InputProblem[] = [];
  const files: string[] = [];
  const targets: string[] = [];

  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) targets.push(...listDockerfiles(path));
      else if (isDockerfileName(path)) targets.push(path);
    } catch {
      // Not found or unreadable: already an input problem of the manifest reader.
    }
  }
  targets.push(...explicit);

  const seen = new Set<string>();
  for (const file of targets) {
    if (seen.has(resolve(file))) continue;
    seen.add(resolve(file));
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT'
          ? problemOf(file, 'check.input.notFound')
          : problemOf(file, 'check.input.unreadable', (error as Error).message),
      );
      continue;
    }
    files.push(file);
    const syntax = parseDockerfile(text);
    if (!syntax.instructions.some((instruction) => instruction.keyword === 'FROM')) {
      problems.push(problemOf(file, 'check.input.dockerfileNoFrom'));
      continue;
    }
    resources.push(dockerfileResource(file, syntax));
  }
  return { resources, problems, files };
}

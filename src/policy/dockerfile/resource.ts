/**
 * A Dockerfile as the policy engine sees it: a KubeResource of kind `Dockerfile` (it is not a
 * Kubernetes object, so its apiVersion is empty), named after its final stage, whose source
 * locates `['instructions', i]` and `['comments', i]` paths at their lines. Findings on it then
 * share the shape, the formats and the sorting of the manifest findings.
 */
import type { KubeResource, SourcePosition } from '../resource.js';
import type { FieldPath } from '../rule.js';
import type { DockerfileSyntax } from './parse.js';
import { stagesOf, type Stage } from './stages.js';

export const DOCKERFILE_KIND = 'Dockerfile';
const BODY_KEY = 'dockerfile';

export interface Dockerfile {
  readonly file: string;
  readonly syntax: DockerfileSyntax;
  readonly stages: readonly Stage[];
}

export function dockerfileResource(file: string, syntax: DockerfileSyntax): KubeResource {
  const stages = stagesOf(syntax);
  const final = stages[stages.length - 1];
  const dockerfile: Dockerfile = { file, syntax, stages };
  const locate = (path: FieldPath): SourcePosition => {
    const [list, index] = path;
    if (list === 'instructions' && typeof index === 'number') {
      const instruction = syntax.instructions[index];
      if (instruction !== undefined) return { line: instruction.line, column: instruction.column };
    }
    if (list === 'comments' && typeof index === 'number') {
      const comment = syntax.comments[index];
      if (comment !== undefined) return { line: comment.line, column: 1 };
    }
    return { line: 1, column: 1 };
  };
  return {
    apiVersion: '',
    kind: DOCKERFILE_KIND,
    name: final?.name ?? final?.base ?? file,
    namespace: undefined,
    body: { [BODY_KEY]: dockerfile },
    source: { file, locate },
  };
}

/** The parsed Dockerfile behind a resource, or undefined for a Kubernetes object. */
export function dockerfileOf(resource: KubeResource): Dockerfile | undefined {
  if (resource.kind !== DOCKERFILE_KIND || resource.apiVersion !== '') return undefined;
  return resource.body[BODY_KEY] as Dockerfile | undefined;
}

/** Path of an instruction, for a violation. */
export function instructionPath(index: number): FieldPath {
  return ['instructions', index];
}

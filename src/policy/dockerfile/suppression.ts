/**
 * Suppressions in a Dockerfile: a comment `# kinko-suppress <rule-id>: <reason>` directly above
 * an instruction (other comments may sit between them) suppresses that rule's findings on that
 * instruction. The reason is required, as for the manifest annotations.
 */
import type { DockerfileSyntax } from './parse.js';

export const SUPPRESSION_COMMENT = 'kinko-suppress';

const PATTERN = /^kinko-suppress\s+([^\s:]+)\s*(?::(.*))?$/;

export interface CommentSuppression {
  readonly ruleId: string;
  /** The reason, trimmed, or empty when the comment gives none. */
  readonly reason: string;
  /** The comment as written, for messages. */
  readonly text: string;
  /** Index into `DockerfileSyntax.comments`. */
  readonly comment: number;
  /** Index of the instruction it applies to, or undefined when none follows it directly. */
  readonly instruction: number | undefined;
}

export function suppressionComments(syntax: DockerfileSyntax): CommentSuppression[] {
  const commentLines = new Set(syntax.comments.map((comment) => comment.line));
  const found: CommentSuppression[] = [];
  syntax.comments.forEach((comment, index) => {
    const match = PATTERN.exec(comment.text);
    if (match === null) return;
    const next = syntax.instructions.find((instruction) => instruction.line > comment.line);
    let attached = next !== undefined;
    for (let line = comment.line + 1; next !== undefined && line < next.line; line++) {
      if (!commentLines.has(line)) attached = false;
    }
    found.push({
      ruleId: match[1] ?? '',
      reason: (match[2] ?? '').trim(),
      text: `# ${comment.text}`,
      comment: index,
      instruction: attached ? next?.index : undefined,
    });
  });
  return found;
}

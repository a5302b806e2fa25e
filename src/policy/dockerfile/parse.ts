/**
 * A small Dockerfile parser: enough of the syntax to find each stage and its USER instructions
 * with exact line numbers. It handles parser directives (`# escape=`), comments, line
 * continuations, empty lines inside a continuation, heredocs (`RUN <<EOF`), JSON and shell forms,
 * and `FROM image AS name`. It does not expand variables or run anything.
 *
 * Written by hand instead of using a library, because the rules need only instructions, stages
 * and lines. `dockerfile-ast` on npm (0.7.1, July 2025) is maintained but depends on the VS Code
 * language-server packages, and this parser is about a hundred lines.
 */

export interface Instruction {
  /** Upper case, as written: `FROM`, `USER`, `RUN`, ... */
  readonly keyword: string;
  /** The arguments with continuations joined, trimmed. */
  readonly args: string;
  /** The arguments of the JSON form (`["a", "b"]`), when that is how they are written. */
  readonly json?: readonly string[];
  /** 1-based line and column of the keyword. */
  readonly line: number;
  readonly column: number;
  /** Index into `DockerfileSyntax.instructions`. */
  readonly index: number;
}

export interface Comment {
  readonly line: number;
  /** The text after `#`, trimmed. */
  readonly text: string;
}

export interface DockerfileSyntax {
  readonly escape: string;
  readonly instructions: readonly Instruction[];
  readonly comments: readonly Comment[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/;
const HEREDOC = /(?<!<)<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

/** Whether the line ends in the escape character, which joins it with the next line. */
function continues(line: string, escape: string): boolean {
  return line.trimEnd().endsWith(escape);
}

function stripContinuation(line: string, escape: string): string {
  const trimmed = line.trimEnd();
  return trimmed.slice(0, trimmed.length - escape.length);
}

function jsonForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(args);
    return Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? value
      : undefined;
  } catch {
    // Docker runs an argument list that is not valid JSON in the shell form.
    return undefined;
  }
}

/** Parse Dockerfile text. Lines are split on LF, CRLF or CR. */
export function parseDockerfile(text: string): DockerfileSyntax {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const instructions: Instruction[] = [];
  const comments: Comment[] = [];
  let escape = '\\';
  let inDirectives = true;
  let index = 0;

  while (index < lines.length) {
    const raw = lines[index] ?? '';
    const lineNumber = index + 1;
    index++;
    const trimmed = raw.trim();

    if (inDirectives) {
      const directive = DIRECTIVE.exec(trimmed);
      if (directive !== null) {
        const name = directive[1]?.toLowerCase();
        const value = directive[2] ?? '';
        if (name === 'escape' && (value === '\\' || value === '`')) escape = value;
        continue;
      }
      inDirectives = false;
    }
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      comments.push({ line: lineNumber, text: trimmed.slice(1).trim() });
      continue;
    }

    // Join continuation lines. Comment and empty lines inside a continuation are dropped.
    let logical = raw;
    while (continues(logical, escape) && index < lines.length) {
      const next = lines[index] ?? '';
      index++;
      const nextTrimmed = next.trim();
      if (nextTrimmed === '' || nextTrimmed.startsWith('#')) continue;
      logical = `${stripContinuation(logical, escape)} ${next}`;
    }
    if (continues(logical, escape)) logical = stripContinuation(logical, escape);

    const start = logical.search(/\S/);
    const match = /^(\S+)\s*([\s\S]*)$/.exec(logical.slice(start));
    const keyword = (match?.[1] ?? '').toUpperCase();
    const args = (match?.[2] ?? '').trim();
    const json = jsonForm(args);
    instructions.push({
      keyword,
      args,
      ...(json !== undefined ? { json } : {}),
      line: lineNumber,
      column: start + 1,
      index: instructions.length,
    });

    // A heredoc's body is file content or a script, not instructions: skip to its terminator.
    if (json === undefined) {
      for (const heredoc of args.matchAll(HEREDOC)) {
        const stripTabs = heredoc[1] === '-';
        const word = heredoc[3] ?? '';
        while (index < lines.length) {
          const body = lines[index] ?? '';
          index++;
          if ((stripTabs ? body.replace(/^\t+/, '') : body) === word) break;
        }
      }
    }
  }
  return { escape, instructions, comments };
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseDockerfile } from '../../../src/policy/dockerfile/parse.js';
import { isDockerfileName } from '../../../src/policy/dockerfile/read.js';
import {
  classifyUser,
  effectiveUser,
  stagesOf,
  userValue,
} from '../../../src/policy/dockerfile/stages.js';
import { suppressionComments } from '../../../src/policy/dockerfile/suppression.js';

/** `KEYWORD@line` for each instruction. */
function outline(text: string): string[] {
  return parseDockerfile(text).instructions.map((entry) => `${entry.keyword}@${entry.line}`);
}

describe('Dockerfile parser', () => {
  it('[S1][unit] instructions keep their first line', () => {
    const text = 'FROM alpine\n\n# a comment\nrun apk add \\\n    curl \\\n    jq\nUSER 1000\n';
    assert.deepEqual(outline(text), ['FROM@1', 'RUN@4', 'USER@7']);
    assert.equal(parseDockerfile(text).instructions[1]?.args, 'apk add      curl      jq');
  });

  it('[S1][unit] comments and blank lines inside a continuation', () => {
    const text = 'FROM alpine\nRUN a \\\n# inside\n\n  b\nUSER 1000\n';
    const syntax = parseDockerfile(text);
    assert.deepEqual(outline(text), ['FROM@1', 'RUN@2', 'USER@6']);
    assert.equal(syntax.instructions[1]?.args, 'a    b');
    assert.deepEqual(syntax.comments, []);
  });

  it('[S1][unit] escape directive switches to backtick', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir c:\\ `\n  /s\nUSER 1000\n';
    const syntax = parseDockerfile(text);
    assert.equal(syntax.escape, '`');
    assert.deepEqual(outline(text), ['FROM@2', 'RUN@3', 'USER@5']);
    assert.equal(syntax.instructions[1]?.args, 'dir c:\\    /s');
  });

  it('[S1][unit] escape directive after a comment is a comment', () => {
    const syntax = parseDockerfile('# hello\n# escape=`\nFROM alpine\n');
    assert.equal(syntax.escape, '\\');
    assert.deepEqual(
      syntax.comments.map((comment) => comment.text),
      ['hello', 'escape=`'],
    );
  });

  it('[S1][unit] JSON and shell forms', () => {
    const syntax = parseDockerfile(
      'FROM alpine\nUSER ["1000:1000"]\nCMD ["node", "a.js"]\nCMD [broken\n',
    );
    assert.deepEqual(syntax.instructions[1]?.json, ['1000:1000']);
    assert.deepEqual(syntax.instructions[2]?.json, ['node', 'a.js']);
    assert.equal(syntax.instructions[3]?.json, undefined);
    assert.equal(userValue(syntax.instructions[1]!), '1000:1000');
  });

  it('[S1][unit] heredoc body is not parsed as instructions', () => {
    const text =
      'FROM alpine\nRUN <<EOF\nUSER root\necho hi\nEOF\nCOPY <<-"END" /etc/x\n\tUSER 0\n\tEND\nUSER 1000\n';
    assert.deepEqual(outline(text), ['FROM@1', 'RUN@2', 'COPY@6', 'USER@9']);
  });

  it('[S1][unit] CRLF line endings and indented keywords', () => {
    const syntax = parseDockerfile('FROM alpine\r\n  USER 1000\r\n');
    assert.deepEqual(outline('FROM alpine\r\n  USER 1000\r\n'), ['FROM@1', 'USER@2']);
    assert.equal(syntax.instructions[1]?.column, 3);
  });

  it('[S1][unit] stages with AS names and platform flags', () => {
    const text =
      'ARG V=22\nFROM --platform=$BUILDPLATFORM node:${V} AS Build\nUSER 1000\nFROM build\n';
    const stages = stagesOf(parseDockerfile(text));
    assert.equal(stages.length, 2);
    assert.equal(stages[0]?.base, 'node:${V}');
    assert.equal(stages[0]?.name, 'build');
    assert.equal(stages[1]?.base, 'build');
    assert.equal(effectiveUser(stages, 1)?.line, 3);
  });

  it('[S1][unit] USER values by kind', () => {
    const cases: [string, string][] = [
      ['root', 'root'],
      ['ROOT', 'root'],
      ['0', 'root'],
      ['0:0', 'root'],
      ['root:root', 'root'],
      ['0:1000', 'root'],
      ['1000', 'numeric'],
      ['1000:1000', 'numeric'],
      ['1000:root', 'numeric'],
      ['1000:0', 'numeric'],
      ['app', 'name'],
      ['app:app', 'name'],
      ['$APP_UID', 'variable'],
      ['${APP_UID:-1000}:1000', 'variable'],
    ];
    for (const [value, kind] of cases) assert.equal(classifyUser(value), kind, value);
  });

  it('[S1][unit] Dockerfile names', () => {
    for (const name of [
      'Dockerfile',
      'dockerfile',
      'Dockerfile.prod',
      'api.Dockerfile',
      'x/y/Dockerfile',
    ]) {
      assert.equal(isDockerfileName(name), true, name);
    }
    for (const name of [
      'Dockerfile.dockerignore',
      'Dockerfile.yaml',
      'deploy.yaml',
      'Dockerfiles',
      'README',
    ]) {
      assert.equal(isDockerfileName(name), false, name);
    }
  });

  it('[S1][unit] suppression comments attach to the next instruction', () => {
    const text = [
      'FROM alpine',
      '# kinko-suppress dockerfile-non-root-user: init container image, runs as root by design',
      '# another comment',
      'USER root',
      '# kinko-suppress dockerfile-numeric-user',
      '',
      'CMD ["x"]',
    ].join('\n');
    const found = suppressionComments(parseDockerfile(text));
    assert.equal(found.length, 2);
    assert.equal(found[0]?.ruleId, 'dockerfile-non-root-user');
    assert.equal(found[0]?.reason, 'init container image, runs as root by design');
    assert.equal(found[0]?.instruction, 1);
    assert.equal(found[1]?.reason, '');
    assert.equal(found[1]?.instruction, undefined);
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { readDockerfileInputs } from '../../../src/policy/dockerfile/read.js';
import { readManifestInputs } from '../../../src/policy/input/read.js';

describe('Dockerfile inputs', () => {
  let work: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'kinko-unit-dockerfile-'));
    mkdirSync(join(work, 'svc'), { recursive: true });
    writeFileSync(join(work, 'svc', 'Dockerfile'), 'FROM alpine\nUSER 1000\n');
    writeFileSync(join(work, 'svc', 'Dockerfile.dockerignore'), 'node_modules\n');
    writeFileSync(join(work, 'svc', 'worker.Dockerfile'), '# only a comment\n');
    writeFileSync(
      join(work, 'svc', 'deploy.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n',
    );
    writeFileSync(join(work, 'image.txt'), 'FROM alpine\n');
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('[S1][unit] folder yields Dockerfiles by name', () => {
    const input = readDockerfileInputs([work], []);
    assert.deepEqual(input.files, [
      join(work, 'svc', 'Dockerfile'),
      join(work, 'svc', 'worker.Dockerfile'),
    ]);
    assert.deepEqual(
      input.resources.map((resource) => `${resource.kind} ${resource.name}`),
      ['Dockerfile alpine'],
    );
  });

  it('[S1][unit] Dockerfile without FROM is an input problem', () => {
    const input = readDockerfileInputs([join(work, 'svc', 'worker.Dockerfile')], []);
    assert.deepEqual(
      input.problems.map((problem) => [problem.file, problem.messageId]),
      [[join(work, 'svc', 'worker.Dockerfile'), 'check.input.dockerfileNoFrom']],
    );
  });

  it('[S1][unit] explicit file is read once whatever its name', () => {
    const file = join(work, 'image.txt');
    const input = readDockerfileInputs(
      [file, join(work, 'svc', 'Dockerfile')],
      [file, join(work, 'svc', 'Dockerfile')],
    );
    assert.deepEqual(input.files, [join(work, 'svc', 'Dockerfile'), file]);
  });

  it('[S1][unit] manifest reader skips a Dockerfile path', () => {
    const input = readManifestInputs([join(work, 'svc', 'Dockerfile'), join(work, 'svc')]);
    assert.deepEqual(input.files, [join(work, 'svc', 'deploy.yaml')]);
    assert.deepEqual(input.problems, []);
  });
});

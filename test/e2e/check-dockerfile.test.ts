import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const CLI = 'dist/src/cli/main.js';

function kinko(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C' },
  });
}

const ROOT_DOCKERFILE = `FROM node:22 AS build
WORKDIR /app
RUN npm ci

FROM node:22-slim
COPY --from=build /app /app
USER root
CMD ["node", "/app/server.js"]
`;

const NON_ROOT_DOCKERFILE = `FROM node:22 AS build
USER root
RUN npm ci

FROM node:22-slim
COPY --from=build /app /app
USER 1000:1000
CMD ["node", "/app/server.js"]
`;

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n';

describe('kinko check on Dockerfiles', () => {
  let work: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-dockerfile-'));
    mkdirSync(join(work, 'root', 'api'), { recursive: true });
    writeFileSync(join(work, 'root', 'api', 'Dockerfile'), ROOT_DOCKERFILE);
    writeFileSync(join(work, 'root', 'config.yaml'), CONFIG_MAP);
    mkdirSync(join(work, 'non-root'), { recursive: true });
    writeFileSync(join(work, 'non-root', 'web.Dockerfile'), NON_ROOT_DOCKERFILE);
    writeFileSync(join(work, 'non-root', 'config.yaml'), CONFIG_MAP);
    writeFileSync(join(work, 'image.txt'), ROOT_DOCKERFILE);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('[S1][check] folder with a root Dockerfile exits 1', () => {
    const result = kinko(['check', join(work, 'root')]);
    assert.equal(result.status, 1);
    const file = join(work, 'root', 'api', 'Dockerfile');
    assert.match(
      result.stdout,
      new RegExp(
        `^${file}:7:1: error \\[S1 dockerfile-non-root-user\\] Dockerfile node:22-slim: the final stage runs as root: USER root\\.$`,
        'm',
      ),
    );
    assert.match(result.stdout, /2 object\(s\) in 2 file\(s\): 1 error\(s\)/);
  });

  it('[S1][check] folder with USER 1000:1000 exits 0', () => {
    const result = kinko(['check', join(work, 'non-root')]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /2 object\(s\) in 2 file\(s\): 0 error\(s\)/);
  });

  it('[S1][check] --dockerfile reads any file name, as SARIF', () => {
    const result = kinko(['check', '--dockerfile', join(work, 'image.txt'), '--format', 'sarif']);
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { region: { startLine: number } } }[];
        }[];
      }[];
    };
    const results = log.runs[0]?.results ?? [];
    assert.deepEqual(
      results.map((entry) => [entry.ruleId, entry.locations[0]?.physicalLocation.region.startLine]),
      [['dockerfile-non-root-user', 7]],
    );
  });

  it('[S1][check] --dockerfile of a missing file is an input problem', () => {
    const result = kinko(['check', '--dockerfile', join(work, 'missing', 'Dockerfile')]);
    assert.equal(result.status, 2);
    assert.match(result.stdout, /no such file or folder/);
  });
});

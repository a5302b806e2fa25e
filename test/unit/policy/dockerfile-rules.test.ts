import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildReport } from '../../../src/policy/report/report.js';
import { evaluateDockerfiles } from '../../../src/policy/dockerfile/evaluate.js';
import { parseDockerfile } from '../../../src/policy/dockerfile/parse.js';
import { dockerfileResource } from '../../../src/policy/dockerfile/resource.js';
import { evaluate } from '../../../src/policy/engine.js';
import { createKinkoRegistry } from '../../../src/policy/pack.js';
import { compliantDeployment, objects, TEST_SETTINGS } from './fixtures.js';

const FILE = 'app/Dockerfile';

/** Findings of a Dockerfile text as `rule@line`, sorted by line. */
function check(text: string): string[] {
  const report = reportOf(text);
  return report.findings.map((finding) => `${finding.rule}@${finding.location?.line ?? 0}`);
}

function reportOf(text: string, locale: 'en' | 'ja' = 'en') {
  const registry = createKinkoRegistry();
  const resource = dockerfileResource(FILE, parseDockerfile(text));
  const evaluation = evaluateDockerfiles([resource], registry, TEST_SETTINGS);
  return buildReport(
    evaluation,
    { files: [FILE], resources: [resource], problems: [] },
    registry,
    locale,
  );
}

describe('Dockerfile rules', () => {
  it('[S1][dockerfile] numeric non-root USER passes', () => {
    assert.deepEqual(check('FROM alpine\nRUN adduser -D -u 1000 app\nUSER 1000:1000\n'), []);
    assert.deepEqual(check('FROM alpine\nUSER 1000\n'), []);
  });

  it('[S1][dockerfile] no USER is reported at the final FROM', () => {
    assert.deepEqual(check('FROM alpine\nRUN echo hi\nCMD ["sh"]\n'), ['dockerfile-sets-user@1']);
    const report = reportOf('FROM alpine\n');
    assert.equal(
      report.findings[0]?.message,
      "the final stage (FROM alpine) has no USER instruction, so the container runs as the base image's user, often root.",
    );
    assert.equal(report.findings[0]?.object.display, 'Dockerfile alpine');
    assert.equal(report.findings[0]?.severity, 'error');
    assert.equal(report.findings[0]?.practice, 'S1');
  });

  it('[S1][dockerfile] root users by name and UID', () => {
    for (const user of ['root', '0', '0:0', 'root:root', '0:1000']) {
      assert.deepEqual(check(`FROM alpine\nUSER 1000\nUSER ${user}\n`), [
        'dockerfile-non-root-user@3',
      ]);
    }
    assert.equal(
      reportOf('FROM a\nUSER 0:0\n').findings[0]?.message,
      'the final stage runs as root: USER 0:0.',
    );
  });

  it('[S1][dockerfile] last USER of the stage decides', () => {
    assert.deepEqual(check('FROM alpine\nUSER root\nRUN apk add curl\nUSER 1000:1000\n'), []);
  });

  it('[S1][dockerfile] user name is reported with the numeric fix', () => {
    assert.deepEqual(check('FROM node:22\nUSER node\n'), ['dockerfile-numeric-user@2']);
    assert.deepEqual(check('FROM node:22\nUSER app:app\n'), ['dockerfile-numeric-user@2']);
    assert.equal(
      reportOf('FROM node:22\nUSER node\n').findings[0]?.fix,
      'give the user by UID and GID, for example USER 1000 or USER 1000:1000.',
    );
  });

  it('[S1][dockerfile] variable USER is a warning', () => {
    const report = reportOf('FROM alpine\nARG APP_UID=1000\nUSER $APP_UID\n');
    assert.deepEqual(
      report.findings.map(
        (finding) => `${finding.rule}@${finding.location?.line} ${finding.severity}`,
      ),
      ['dockerfile-user-verifiable@3 warning'],
    );
  });

  it('[S1][dockerfile] only the final stage is judged', () => {
    const text = [
      'FROM node:22 AS build',
      'USER root',
      'RUN npm ci',
      '',
      'FROM gcr.io/distroless/nodejs22 AS runtime',
      'COPY --from=build /app /app',
      'USER 65532:65532',
    ].join('\n');
    assert.deepEqual(check(text), []);
  });

  it('[S1][dockerfile] root final stage after a clean build stage', () => {
    const text = 'FROM node:22 AS build\nUSER 1000\nFROM alpine\nCOPY --from=build /a /a\n';
    assert.deepEqual(check(text), ['dockerfile-sets-user@3']);
  });

  it('[S1][dockerfile] final stage inherits USER from its parent stage', () => {
    const good = 'FROM alpine AS base\nUSER 1000\nFROM base AS final\nCMD ["x"]\n';
    assert.deepEqual(check(good), []);
    const root = 'FROM alpine AS base\nUSER root\nFROM base\nCMD ["x"]\n';
    assert.deepEqual(check(root), ['dockerfile-non-root-user@2']);
  });

  it('[S1][dockerfile] line numbers count continuations and heredocs', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'FROM alpine',
      'RUN apk add \\',
      '    curl',
      'RUN <<EOF',
      'USER 1000',
      'EOF',
      '  user root',
    ].join('\n');
    assert.deepEqual(check(text), ['dockerfile-non-root-user@8']);
    assert.equal(reportOf(text).findings[0]?.location?.column, 3);
  });

  it('[S1][dockerfile] suppression comment hides the finding below it', () => {
    const text =
      'FROM alpine\n# kinko-suppress dockerfile-non-root-user: node agent, reviewed by the platform team\nUSER root\n';
    const report = reportOf(text);
    assert.deepEqual(report.findings, []);
    assert.equal(report.suppressed.length, 1);
    assert.equal(report.suppressed[0]?.rule, 'dockerfile-non-root-user');
    assert.equal(report.suppressed[0]?.reason, 'node agent, reviewed by the platform team');
    assert.equal(report.suppressed[0]?.location?.line, 2);
    assert.equal(report.suppressed[0]?.count, 1);
  });

  it('[S2][dockerfile] suppression without a reason does not apply', () => {
    const text = 'FROM alpine\n# kinko-suppress dockerfile-non-root-user:\nUSER root\n';
    assert.deepEqual(check(text), [
      'dockerfile-suppression-reason@2',
      'dockerfile-non-root-user@3',
    ]);
  });

  it('[S2][dockerfile] suppression of another rule or line does not apply', () => {
    const other =
      'FROM alpine\n# kinko-suppress dockerfile-numeric-user: not this one\nUSER root\n';
    assert.deepEqual(check(other), ['dockerfile-non-root-user@3']);
    const far = 'FROM alpine\n# kinko-suppress dockerfile-non-root-user: too far\n\nUSER root\n';
    assert.deepEqual(check(far), ['dockerfile-suppression-reason@2', 'dockerfile-non-root-user@4']);
  });

  it('[S2][dockerfile] suppression naming no rule is reported', () => {
    const text = 'FROM alpine\n# kinko-suppress dockerfile-nonroot: typo\nUSER 1000\n';
    const report = reportOf(text);
    assert.deepEqual(
      report.findings.map((finding) => finding.message),
      [
        'comment # kinko-suppress dockerfile-nonroot: typo names no Kinko rule: dockerfile-nonroot.',
      ],
    );
  });

  it('[S1][dockerfile] messages render in Japanese', () => {
    const report = reportOf('FROM alpine\nUSER root\n', 'ja');
    assert.equal(report.findings[0]?.message, '最終ステージが root で動きます（USER root）。');
  });

  it('[S1][manifest] Dockerfile rules do not apply to manifests', () => {
    const result = evaluate(objects(compliantDeployment()), createKinkoRegistry(), TEST_SETTINGS);
    assert.deepEqual(
      result.findings.filter((finding) => finding.rule.id.startsWith('dockerfile-')),
      [],
    );
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { createKinkoRegistry } from '../../src/policy/pack.js';

const CLI = 'dist/src/cli/main.js';
/** Every rule of the pack: the SARIF driver lists each, and JUnit has a suite per rule. */
const RULE_COUNT = createKinkoRegistry().all().length;

function kinko(args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
    env: { PATH: process.env.PATH, LANG: 'C', ...env },
  });
}

const ROOT_POD = `apiVersion: v1
kind: Pod
metadata:
  name: root
  namespace: a
spec:
  containers:
    - name: app
      image: nginx
      securityContext:
        runAsUser: 0
`;

describe('kinko check', () => {
  let work: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-check-'));
    mkdirSync(join(work, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(work, 'nested', 'deeper', 'pod.yaml'), ROOT_POD);
    writeFileSync(join(work, 'nested', 'notes.txt'), 'not a manifest');
    writeFileSync(
      join(work, 'broken.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ok }\n---\napiVersion: v1\nkind: ConfigMap\nkind: Secret\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: ok2 }\n',
    );
    writeFileSync(
      join(work, 'list.json'),
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }],
      }),
    );
    writeFileSync(
      join(work, 'clean.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n',
    );
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('[S2][check] clean file exits 0', () => {
    const result = kinko(['check', join(work, 'clean.yaml')]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /1 object\(s\) in 1 file\(s\): 0 error\(s\)/);
  });

  it('[S1][check] root pod in a folder reports file, line and rule', () => {
    const result = kinko(['check', join(work, 'nested')]);
    assert.equal(result.status, 1);
    const file = join(work, 'nested', 'deeper', 'pod.yaml');
    assert.ok(
      result.stdout.includes(
        `${file}:11:9: error [S1 run-as-non-root] Pod a/root: containers[0] "app" runs as root: runAsUser is 0.`,
      ),
      result.stdout,
    );
    assert.match(result.stderr, /KINKO_CHECK_FAILED/);
  });

  it('[S1][check] stdin is read with -', () => {
    const result = kinko(['check', '-', '--format', 'json'], ROOT_POD);
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout) as {
      findings: { rule: string; location: { file: string; line: number } }[];
    };
    const finding = report.findings.find((entry) => entry.rule === 'run-as-non-root');
    assert.deepEqual(finding?.location, { file: '<stdin>', line: 11, column: 9 });
  });

  it('[S2][check] malformed document reported, others checked, exit 2', () => {
    const result = kinko(['check', join(work, 'broken.yaml'), '--format', 'json']);
    assert.equal(result.status, 2);
    const report = JSON.parse(result.stdout) as {
      objects: number;
      problems: { location: { line: number } }[];
    };
    assert.equal(report.objects, 2);
    assert.deepEqual(
      report.problems.map((problem) => problem.location.line),
      [7],
    );
  });

  it('[S2][check] JSON List items are checked', () => {
    const result = kinko(['check', join(work, 'list.json'), '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { objects: number }).objects, 1);
  });

  it('[S2][check] missing path and unknown format exit 2', () => {
    assert.equal(kinko(['check', join(work, 'absent.yaml')]).status, 2);
    assert.equal(kinko(['check', '--format', 'xml', join(work, 'clean.yaml')]).status, 2);
    assert.equal(kinko(['check']).status, 2);
  });

  it('[S1][check] fail-on warning counts warnings', () => {
    const warningOnly =
      'apiVersion: v1\nkind: Pod\nmetadata: { name: p, annotations: { } }\nspec:\n  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }\n  automountServiceAccountToken: false\n  containers: [{ name: c, image: "r.example/app:1", securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } } }]\n';
    const args = ['check', '-', '--allowed-registry', 'r.example'];
    assert.equal(kinko(args, warningOnly).status, 0);
    assert.equal(kinko([...args, '--fail-on', 'warning'], warningOnly).status, 1);
  });

  it('[S2][check] sarif output names rules and locations', () => {
    const result = kinko(['check', '-', '--format', 'sarif'], ROOT_POD);
    const log = JSON.parse(result.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          locations: { physicalLocation: { region: { startLine: number } } }[];
        }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0]?.tool.driver.rules.length, RULE_COUNT);
    const runAsRootResult = log.runs[0]?.results.find(
      (entry) => entry.ruleId === 'run-as-non-root',
    );
    assert.equal(runAsRootResult?.locations[0]?.physicalLocation.region.startLine, 11);
  });

  it('[S2][check] junit output has one suite per rule', () => {
    const result = kinko(['check', '-', '--format', 'junit'], ROOT_POD);
    assert.match(result.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
    assert.equal(result.stdout.match(/<testsuite /g)?.length, RULE_COUNT);
    assert.match(
      result.stdout,
      /<testsuite name="run-as-non-root" tests="1" failures="1" skipped="0">/,
    );
  });

  it('[S2][check] Japanese with --lang ja', () => {
    const result = kinko(['check', '-', '--lang', 'ja'], ROOT_POD);
    assert.match(result.stdout, /root で動きます（runAsUser が 0）/);
  });

  it('[S2][check] suppressions are listed with reasons', () => {
    const suppressed = ROOT_POD.replace(
      '  namespace: a\n',
      '  namespace: a\n  annotations:\n    suppress.kinko.dev/run-as-non-root: "legacy image, ticket OPS-1"\n',
    );
    const result = kinko(['check', '-', '--format', 'json'], suppressed);
    const report = JSON.parse(result.stdout) as {
      suppressed: { rule: string; reason: string }[];
      findings: { rule: string }[];
    };
    assert.deepEqual(
      report.suppressed.map((entry) => [entry.rule, entry.reason]),
      [['run-as-non-root', 'legacy image, ticket OPS-1']],
    );
    assert.equal(
      report.findings.some((finding) => finding.rule === 'run-as-non-root'),
      false,
    );
  });
});

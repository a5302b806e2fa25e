import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { parseAllDocuments } from 'yaml';

import { PRACTICES } from '../../src/model/practices.js';
import { listFiles } from '../../src/synth/synth.js';

const CLI = 'dist/src/cli/main.js';

/** Run the kinko binary as a user would, with no AWS credentials and no metadata endpoint. */
function kinko(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_EC2_METADATA_DISABLED: 'true',
      LANG: 'C',
      ...env,
    },
  });
}

describe('kinko synth on the bundled example', () => {
  let work: string;
  let out: string;
  let result: ReturnType<typeof kinko>;
  let files: string[];

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-synth-'));
    out = join(work, 'out');
    result = kinko(['synth', '--config', 'examples/platform.yaml', '--out', out]);
    files = result.status === 0 ? listFiles(out) : [];
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('[synth][e2e] exits 0 and summarizes what it wrote', () => {
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /^wrote .*: \d+ CloudFormation template\(s\), \d+ manifest file\(s\)/,
    );
  });

  it('[synth][e2e] writes one CloudFormation template per stack', () => {
    const templates = files.filter(
      (file) => file.startsWith('cdk/') && file.endsWith('.template.json'),
    );
    assert.ok(templates.length >= 3, `templates: ${templates.join(', ')}`);
    for (const template of templates) {
      const parsed = JSON.parse(readFileSync(join(out, template), 'utf8')) as {
        Resources?: object;
      };
      assert.ok(parsed.Resources !== undefined, `${template} has no Resources`);
      assert.ok(
        !JSON.stringify(parsed).includes('AWS::CDK::Metadata'),
        `${template} carries CDK telemetry`,
      );
    }
  });

  it('[synth][e2e] writes manifests per cluster and system namespace', () => {
    for (const namespace of ['a', 'b']) {
      const inNamespace = files.filter((file) =>
        file.startsWith(`k8s/kinko-demo-blue/${namespace}/`),
      );
      assert.ok(inNamespace.length >= 4, `namespace ${namespace}: ${inNamespace.join(', ')}`);
    }
  });

  it('[synth][e2e] manifests parse as Kubernetes objects', () => {
    const manifests = files.filter((file) => file.startsWith('k8s/') && file.endsWith('.yaml'));
    assert.ok(manifests.length > 0);
    for (const file of manifests) {
      for (const document of parseAllDocuments(readFileSync(join(out, file), 'utf8'))) {
        assert.deepEqual(document.errors, [], file);
        const object = document.toJS() as {
          apiVersion?: string;
          kind?: string;
          metadata?: { name?: string };
        };
        assert.ok(
          object.apiVersion && object.kind && object.metadata?.name,
          `${file}: incomplete object`,
        );
      }
    }
  });

  it('[synth][e2e] controls report covers every practice in both languages', () => {
    const english = readFileSync(join(out, 'controls.md'), 'utf8');
    const japanese = readFileSync(join(out, 'controls.ja.md'), 'utf8');
    for (const practice of PRACTICES) {
      assert.ok(
        english.includes(`## ${practice.id} ${practice.title.en}`),
        `controls.md lacks ${practice.id}`,
      );
      assert.ok(
        japanese.includes(`## ${practice.id} ${practice.title.ja}`),
        `controls.ja.md lacks ${practice.id}`,
      );
    }
    assert.match(english, /## Suppressed findings \(cdk-nag and CloudFormation validation\)/);
    assert.match(
      english,
      /\| NIST\.800\.53\.R5-VPCDefaultSecurityGroupClosed \| .+ \| (.*, )?kinko-demo-network \/ /,
    );
  });

  it('[synth][e2e] leaves no staging folder behind', () => {
    assert.deepEqual(
      listFiles(work).filter((file) => file.includes('kinko-staging')),
      [],
    );
  });

  it('[synth][e2e] invalid config writes nothing and keeps the previous output', () => {
    const before = readFileSync(join(out, 'controls.md'), 'utf8');
    const bad = join(work, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync('examples/platform.yaml', 'utf8').replace(
        'terminationGracePeriodSeconds: 180',
        'terminationGracePeriodSeconds: "180s"',
      ),
    );

    const failed = kinko(['synth', '--config', bad, '--out', out]);

    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /error KINKO_CONFIG_INVALID: .*bad\.yaml: 1 problem\b/);
    assert.match(failed.stderr, /terminationGracePeriodSeconds: "180s" is a string/);
    assert.match(failed.stderr, /fix: write the number alone: 180\./);
    assert.equal(readFileSync(join(out, 'controls.md'), 'utf8'), before);
  });

  it('[synth][e2e] missing config file is a user error in Japanese with --lang ja', () => {
    const failed = kinko([
      '--lang',
      'ja',
      'synth',
      '--config',
      join(work, 'none.yaml'),
      '--out',
      join(work, 'x'),
    ]);
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /設定ファイルが見つかりません/);
    assert.equal(existsSync(join(work, 'x')), false);
  });
});

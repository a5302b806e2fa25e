import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { PRACTICES } from '../../src/model/practices.js';
import { JUNIT_FIXTURE } from '../unit/evidence/fixtures.js';

const CLI = 'dist/src/cli/main.js';

function kinko(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_EC2_METADATA_DISABLED: 'true',
      LANG: 'C',
    },
  });
}

describe('kinko evidence after kinko synth', () => {
  let work: string;
  let out: string;
  let results: string;
  let evidence: ReturnType<typeof kinko>;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-evidence-'));
    out = join(work, 'out');
    results = join(work, 'junit.xml');
    writeFileSync(results, JUNIT_FIXTURE);
    const synth = kinko(['synth', '--config', 'examples/platform.yaml', '--out', out]);
    assert.equal(synth.status, 0, synth.stderr);
    evidence = kinko([
      'evidence',
      '--config',
      'examples/platform.yaml',
      '--results',
      results,
      '--controls',
      join(out, 'controls.json'),
      '--out',
      join(work, 'evidence'),
    ]);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('[evidence][e2e] writes the three files and prints the counts', () => {
    assert.equal(evidence.status, 0, evidence.stderr);
    assert.equal(
      evidence.stdout,
      `kinko evidence: wrote ${join(work, 'evidence')}: 3 of 18 practices done, 1 failing, 14 unproven.\n`,
    );
  });

  it('[evidence][e2e] every practice shows its resources and its status', () => {
    const markdown = readFileSync(join(work, 'evidence', 'evidence.md'), 'utf8');
    for (const practice of PRACTICES) {
      assert.ok(markdown.includes(`## ${practice.id} ${practice.title.en}`), practice.id);
    }
    assert.match(markdown, /## S12 [^\n]*\n\nStatus: \*\*unproven\*\*/);
    assert.match(markdown, /\| kinko-demo-[a-z-]+\/[A-Za-z0-9]+ \| AWS::CloudTrail::Trail \|/);
    assert.match(markdown, /## S8 [^\n]*\n\nStatus: \*\*failing\*\*/);
    const japanese = readFileSync(join(work, 'evidence', 'evidence.ja.md'), 'utf8');
    assert.match(japanese, /## S5 [^\n]*\n\n状態: \*\*未証明\*\*/);
    const html = readFileSync(join(work, 'evidence', 'evidence.html'), 'utf8');
    assert.ok(html.includes('<svg xmlns="http://www.w3.org/2000/svg" id="platform-diagram"'));
  });

  it('[evidence][e2e] a missing results file exits 1 and says to run npm test', () => {
    const missing = join(work, 'none.xml');
    const result = kinko([
      'evidence',
      '--config',
      'examples/platform.yaml',
      '--results',
      missing,
      '--controls',
      join(out, 'controls.json'),
      '--out',
      join(work, 'evidence-2'),
    ]);
    assert.equal(result.status, 1);
    assert.ok(result.stderr.includes('KINKO_EVIDENCE_RESULTS_MISSING'), result.stderr);
    assert.ok(result.stderr.includes(missing));
    assert.ok(result.stderr.includes('run npm test first'));
  });
});

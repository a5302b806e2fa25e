/**
 * evidence.html in a real browser: Debian's chromium in headless mode renders the page, dumps
 * the DOM and saves a screenshot to .test-results/evidence.png. Console messages appear in
 * chromium's log as `:CONSOLE` lines; the page must log none. Without chromium the test is
 * skipped with the command that installs it (scripts/install-chromium.sh).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { JUNIT_FIXTURE } from '../unit/evidence/fixtures.js';

const CHROMIUM = process.env.KINKO_CHROMIUM ?? '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM)
  ? false
  : `chromium not found at ${CHROMIUM}; install it with scripts/install-chromium.sh (root, Debian mirror) or set KINKO_CHROMIUM`;

function chromium(profile: string, args: string[]) {
  return spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--enable-logging=stderr',
      '--v=0',
      '--window-size=1280,2000',
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

describe('evidence.html in headless chromium', { skip: SKIP }, () => {
  let work: string;
  let page: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-evidence-browser-'));
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_EC2_METADATA_DISABLED: 'true',
      LANG: 'C',
    };
    const out = join(work, 'out');
    writeFileSync(join(work, 'junit.xml'), JUNIT_FIXTURE);
    for (const args of [
      ['synth', '--config', 'examples/platform.yaml', '--out', out],
      [
        'evidence',
        '--config',
        'examples/platform.yaml',
        '--results',
        join(work, 'junit.xml'),
        '--controls',
        join(out, 'controls.json'),
        '--out',
        join(work, 'evidence'),
      ],
    ]) {
      const result = spawnSync(process.execPath, ['dist/src/cli/main.js', ...args], {
        encoding: 'utf8',
        env,
      });
      assert.equal(result.status, 0, result.stderr);
    }
    page = pathToFileURL(join(work, 'evidence', 'evidence.html')).href;
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('[evidence][browser] diagram and every practice render with no console message', () => {
    const result = chromium(join(work, 'profile-dom'), ['--dump-dom', page]);
    assert.equal(result.status, 0, result.stderr);
    const consoleLines = result.stderr.split('\n').filter((line) => line.includes(':CONSOLE'));
    assert.deepEqual(consoleLines, []);
    assert.ok(result.stdout.includes('id="platform-diagram"'));
    assert.ok(result.stdout.includes('Cluster blue: kinko-demo-blue'));
    assert.ok(result.stdout.includes('Cluster green: kinko-demo-green'));
    assert.equal((result.stdout.match(/<section class="practice"/g) ?? []).length, 18);
  });

  it('[evidence][browser] saves a screenshot in the test output', () => {
    mkdirSync('.test-results', { recursive: true });
    const screenshot = resolve('.test-results', 'evidence.png');
    rmSync(screenshot, { force: true });
    const result = chromium(join(work, 'profile-shot'), [`--screenshot=${screenshot}`, page]);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(statSync(screenshot).size > 10_000, 'the screenshot holds a rendered page');
  });
});

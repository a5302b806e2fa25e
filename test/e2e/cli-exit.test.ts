/**
 * The command line's exit codes and messages for inputs that are empty, blank or wrong, and a
 * reader that closes the pipe early. Each case runs the built `kinko` as a process.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { parseDocument } from 'yaml';

import { CertificateAuthority } from '../support/testbed/pki.js';

const CLI = 'dist/src/cli/main.js';

function kinko(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      LANG: 'C',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    },
  });
}

describe('kinko exit codes and messages', () => {
  let work = '';
  let empty = '';
  let emptyFile = '';

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-cli-'));
    empty = join(work, 'rendered');
    mkdirSync(empty);
    emptyFile = join(work, 'empty.yaml');
    writeFileSync(emptyFile, '');
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('[S2][check] empty folder and empty file exit 2 naming the paths', () => {
    for (const path of [empty, emptyFile]) {
      const run = kinko(['check', '--fail-on', 'warning', path]);
      assert.equal(run.status, 2, run.stderr);
      assert.match(
        run.stderr,
        new RegExp(`^nothing was found in ${path}: no Kubernetes object`, 'm'),
      );
    }
  });

  it('[S2][check] no path at all says so', () => {
    const run = kinko(['check']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no path was given/);
    assert.doesNotMatch(run.stderr, /was found/);
  });

  it('[S3][images] empty folder exits 2 naming the path', () => {
    const run = kinko(['images', empty, '--config', 'examples/platform.yaml']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(`^nothing was found in ${empty}: no Kubernetes object`, 'm'),
    );
  });

  it('[S3][images] exception reason of only spaces exits 2', () => {
    const platform = parseDocument(readFileSync('examples/platform.yaml', 'utf8'));
    platform.set('images', {
      exceptions: [{ finding: 'CVE-2026-1234', reason: '            ', expires: '2026-12-31' }],
    });
    const config = join(work, 'blank-reason.yaml');
    writeFileSync(config, platform.toString());
    const run = kinko(['images', empty, '--config', config]);
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /images\.exceptions\[0\]\.reason: " {12}" is not a reason of 10 to 1000 characters\./,
    );
  });

  it('[unit] guard usage errors exit 2 like the other commands', () => {
    const serve = ['guard', 'serve', '--tls-cert', 'absent.crt', '--tls-key', 'absent.key'];
    for (const extra of [
      ['--certificate-poll-seconds', '0'],
      ['--system-group', 'foo'],
      ['--grace-margin-seconds', 'abc'],
    ]) {
      const run = kinko([...serve, ...extra]);
      assert.equal(run.status, 2, `${extra.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /KINKO_GUARD_USAGE/);
    }
    assert.equal(kinko(['check', '--grace-margin-seconds', 'abc', emptyFile]).status, 2);
  });

  it('[S2][guard] swapped certificate and key is a TLS error naming both files', async () => {
    const authority = await CertificateAuthority.create(work, 'swap-ca');
    const serving = await authority.issue({
      stem: 'swap',
      commonName: 'kinko-guard',
      usage: 'server',
      ipAddresses: ['127.0.0.1'],
    });
    const run = kinko([
      'guard',
      'serve',
      '--tls-cert',
      serving.keyPath,
      '--tls-key',
      serving.certPath,
      '--listen',
      '127.0.0.1:0',
    ]);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      new RegExp(
        `KINKO_GUARD_TLS.*the certificate ${serving.keyPath} and the private key ${serving.certPath} do not load as a TLS pair`,
      ),
    );
    assert.doesNotMatch(run.stderr, /KINKO_GUARD_LISTEN|--listen/);
  });

  it('[S2][guard] a 400 answer is logged with level warn and its error text', async () => {
    const authority = await CertificateAuthority.create(work, 'log-ca');
    const serving = await authority.issue({
      stem: 'log',
      commonName: 'kinko-guard',
      usage: 'server',
      ipAddresses: ['127.0.0.1'],
    });
    const child = spawn(
      process.execPath,
      [CLI, 'guard', 'serve', '--tls-cert', serving.certPath, '--tls-key', serving.keyPath],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, LANG: 'C' } },
    );
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      child.stderr.setEncoding('utf8');
      child.stdout.setEncoding('utf8');
      const port = await new Promise<number>((resolve, reject) => {
        let text = '';
        child.stderr.on('data', (chunk: string) => {
          text += chunk;
          const match = /https:\/\/127\.0\.0\.1:(\d+)\/validate/.exec(text);
          if (match !== null) resolve(Number(match[1]));
        });
        child.on('close', () => reject(new Error(`guard ended: ${text}`)));
      });
      const firstLine = new Promise<string>((resolve) => {
        let text = '';
        child.stdout.on('data', (chunk: string) => {
          text += chunk;
          const end = text.indexOf('\n');
          if (end >= 0) resolve(text.slice(0, end));
        });
      });
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/validate',
            method: 'POST',
            ca: readFileSync(authority.certPath),
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end('{"apiVersion": ');
      });
      assert.equal(status, 400);
      const line = JSON.parse(await firstLine) as Record<string, unknown>;
      assert.equal(line.level, 'warn');
      assert.equal(line.verdict, 'invalid');
      assert.equal(line.status, 400);
      assert.match(String(line.error), /^the request body is not JSON: /);
    } finally {
      child.kill('SIGTERM');
      await closed.catch(() => undefined);
    }
  });

  it('[unit] a reader that closes the pipe early ends the command quietly', async () => {
    const child = spawn(process.execPath, [CLI, 'guard', 'export-policies', '--lang', 'ja'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});

/**
 * `kinko guard serve` picks up a renewed serving certificate without a restart, as it must when
 * cert-manager renews the Secret mounted into the guard's pods, and keeps the old one in force
 * when the new files do not load.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { CertificateAuthority } from '../support/testbed/pki.js';

const CLI = 'dist/src/cli/main.js';

/** SHA-256 fingerprint of the certificate a new TLS connection to the guard is served. */
function servedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      socket.end();
      resolve(fingerprint);
    });
    socket.once('error', reject);
  });
}

/** Polls until the served fingerprint is `expected`, for at most `attempts` half-seconds. */
async function waitForFingerprint(
  port: number,
  expected: string,
  attempts: number,
): Promise<string> {
  let served = await servedFingerprint(port);
  for (let attempt = 0; attempt < attempts && served !== expected; attempt++) {
    await sleep(500);
    served = await servedFingerprint(port);
  }
  return served;
}

function fingerprintOf(certPath: string): string {
  return new X509Certificate(readFileSync(certPath)).fingerprint256;
}

describe('kinko guard certificate renewal', () => {
  let work: string;
  let child: ChildProcess | undefined;
  let port = 0;
  const logLines: string[] = [];
  let first: { certPath: string; keyPath: string };
  let second: { certPath: string; keyPath: string };
  const servedCert = (): string => join(work, 'tls.crt');
  const servedKey = (): string => join(work, 'tls.key');

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-guard-reload-'));
    const authority = await CertificateAuthority.create(work, 'reload-ca');
    const issue = (stem: string) =>
      authority.issue({
        stem,
        commonName: '127.0.0.1',
        usage: 'server',
        ipAddresses: ['127.0.0.1'],
      });
    first = await issue('first');
    second = await issue('second');
    copyFileSync(first.certPath, servedCert());
    copyFileSync(first.keyPath, servedKey());

    child = spawn(
      process.execPath,
      [
        CLI,
        'guard',
        'serve',
        '--tls-cert',
        servedCert(),
        '--tls-key',
        servedKey(),
        '--listen',
        '127.0.0.1:0',
        '--certificate-poll-seconds',
        '1',
      ],
      { env: { PATH: process.env.PATH, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) =>
      logLines.push(...chunk.toString('utf8').split('\n')),
    );
    port = await new Promise<number>((resolve, reject) => {
      let stderr = '';
      child?.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const match = /https:\/\/127\.0\.0\.1:(\d+)\/validate/.exec(stderr);
        if (match !== null) resolve(Number(match[1]));
      });
      child?.once('exit', (code) => reject(new Error(`kinko guard exited ${code}: ${stderr}`)));
    });
  });

  after(() => {
    child?.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  });

  it('[S2][guard] a renewed certificate is served to new connections', async () => {
    assert.equal(await servedFingerprint(port), fingerprintOf(first.certPath));

    // cert-manager writes the key and the certificate of the renewed pair.
    copyFileSync(second.keyPath, servedKey());
    copyFileSync(second.certPath, servedCert());

    const expected = fingerprintOf(second.certPath);
    assert.equal(await waitForFingerprint(port, expected, 40), expected);
    assert.ok(logLines.some((line) => line.includes('"msg":"certificate reloaded"')));
  });

  it('[S2][guard] a pair that does not load leaves the previous one in force', async () => {
    const before = fingerprintOf(second.certPath);
    writeFileSync(servedKey(), 'not a key\n');

    let failed = false;
    for (let attempt = 0; attempt < 40 && !failed; attempt++) {
      await sleep(500);
      failed = logLines.some((line) => line.includes('"msg":"certificate reload failed"'));
    }
    assert.equal(failed, true);
    assert.equal(await servedFingerprint(port), before);
  });
});

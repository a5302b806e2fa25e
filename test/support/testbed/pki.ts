import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Validity of every certificate the test bed issues. A test run lasts minutes; a week leaves room for debugging by hand. */
const VALIDITY_DAYS = 7;

/** Curve of every key: P-256 keys are generated in milliseconds, where RSA 2048 takes up to a second. */
const CURVE = 'prime256v1';

export interface CertificateFiles {
  certPath: string;
  keyPath: string;
}

export interface CertificateRequest {
  /** File name stem: `<stem>.crt` and `<stem>.key` in the PKI folder. */
  stem: string;
  /** Subject CN, which Kubernetes reads as the user name. */
  commonName: string;
  /** Subject O values, which Kubernetes reads as the user's groups. */
  organizations?: readonly string[];
  /** `server` for a TLS serving certificate, `client` for a client certificate. */
  usage: 'server' | 'client';
  dnsNames?: readonly string[];
  ipAddresses?: readonly string[];
}

/**
 * The test bed's certificate authority, which signs the kube-apiserver's serving certificate and
 * every client certificate, with the `openssl` command (OpenSSL 3.0 or later, for `req -CA`).
 */
export class CertificateAuthority {
  private constructor(
    readonly folder: string,
    readonly certPath: string,
    readonly keyPath: string,
  ) {}

  /** Create a self-signed CA in `folder`, as `<stem>.crt` and `<stem>.key`. */
  static async create(folder: string, stem = 'ca'): Promise<CertificateAuthority> {
    const certPath = join(folder, `${stem}.crt`);
    const keyPath = join(folder, `${stem}.key`);
    // prettier-ignore
    await openssl([
      'req', '-x509', '-new', '-noenc',
      '-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${CURVE}`,
      '-keyout', keyPath, '-out', certPath,
      '-days', String(VALIDITY_DAYS),
      '-subj', `/CN=kinko-testbed-${stem}`,
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    return new CertificateAuthority(folder, certPath, keyPath);
  }

  /** Issue a key pair and a certificate signed by this CA. */
  async issue(request: CertificateRequest): Promise<CertificateFiles> {
    const certPath = join(this.folder, `${request.stem}.crt`);
    const keyPath = join(this.folder, `${request.stem}.key`);
    const subject = [
      ...(request.organizations ?? []).map((group) => `/O=${escapeSubjectValue(group)}`),
      `/CN=${escapeSubjectValue(request.commonName)}`,
    ].join('');
    const alternativeNames = [
      ...(request.dnsNames ?? []).map((name) => `DNS:${name}`),
      ...(request.ipAddresses ?? []).map((address) => `IP:${address}`),
    ];

    // prettier-ignore
    const args = [
      'req', '-x509', '-new', '-noenc',
      '-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${CURVE}`,
      '-CA', this.certPath, '-CAkey', this.keyPath,
      '-keyout', keyPath, '-out', certPath,
      '-days', String(VALIDITY_DAYS),
      '-subj', subject,
      '-addext', 'basicConstraints=critical,CA:FALSE',
      '-addext', 'keyUsage=critical,digitalSignature',
      '-addext', `extendedKeyUsage=${request.usage === 'server' ? 'serverAuth' : 'clientAuth'}`,
    ];
    if (alternativeNames.length > 0) {
      args.push('-addext', `subjectAltName=${alternativeNames.join(',')}`);
    }
    await openssl(args);
    return { certPath, keyPath };
  }
}

/**
 * Write the key pair that signs and verifies ServiceAccount tokens (ES256) as PEM files, and
 * return their paths.
 */
export function writeServiceAccountKeys(folder: string): {
  privateKeyPath: string;
  publicKeyPath: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: CURVE,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const privateKeyPath = join(folder, 'service-account.key');
  const publicKeyPath = join(folder, 'service-account.pub');
  writeFileSync(privateKeyPath, privateKey, { mode: 0o600 });
  writeFileSync(publicKeyPath, publicKey);
  return { privateKeyPath, publicKeyPath };
}

/** Escape the characters that OpenSSL's `-subj` syntax gives a meaning: `/`, `+`, `=` and `\`. */
function escapeSubjectValue(value: string): string {
  return value.replace(/[\\/+=]/g, (character) => `\\${character}`);
}

async function openssl(args: string[]): Promise<void> {
  try {
    await execFileAsync('openssl', args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(
      `testbed: openssl ${args.slice(0, 2).join(' ')} failed: ${(error as Error).message}\n${stderr}`,
    );
  }
}

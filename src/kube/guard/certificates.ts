/**
 * The guard's serving certificate, issued in the cluster by cert-manager (the `cert-manager` EKS
 * community add-on), so no private key is ever written into the synthesized manifests. A
 * self-signed Issuer signs a CA certificate, the CA Issuer signs the serving certificate, and
 * cert-manager's CA injector copies the CA into the webhook configuration's `caBundle`.
 */
import type { KubeObject } from '../kube-object.js';
import type { ResolvedGuard } from '../../model/guard.js';
import {
  GUARD_CA_CERTIFICATE,
  GUARD_CA_ISSUER,
  GUARD_CA_SECRET,
  GUARD_SELF_SIGNED_ISSUER,
  GUARD_SERVING_CERTIFICATE,
  GUARD_TLS_SECRET,
  guardServiceDnsNames,
} from './names.js';

const CERT_MANAGER_API_VERSION = 'cert-manager.io/v1';

/** An Issuer of cert-manager.io/v1: self-signed, or signing with the CA in a Secret. */
export interface Issuer extends KubeObject {
  spec: { selfSigned: Record<string, never> } | { ca: { secretName: string } };
}

/** A Certificate of cert-manager.io/v1, with the fields Kinko sets. */
export interface Certificate extends KubeObject {
  spec: {
    secretName: string;
    issuerRef: { name: string; kind: 'Issuer'; group: 'cert-manager.io' };
    commonName?: string;
    dnsNames?: string[];
    isCA?: boolean;
    /** Go durations, as cert-manager parses them. */
    duration: string;
    renewBefore: string;
    privateKey: { algorithm: 'ECDSA'; size: 256; rotationPolicy: 'Always' };
    usages: string[];
  };
}

/**
 * Lifetimes. The CA lives five years and is renewed a year before it ends. The serving
 * certificate lives 90 days and is renewed 30 days before it ends. A new key comes with every
 * renewal (`rotationPolicy: Always`).
 */
const CA_DURATION = '43800h';
const CA_RENEW_BEFORE = '8760h';
const SERVING_DURATION = '2160h';
const SERVING_RENEW_BEFORE = '720h';

const PRIVATE_KEY = { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' } as const;

function issuerRef(name: string): Certificate['spec']['issuerRef'] {
  return { name, kind: 'Issuer', group: 'cert-manager.io' };
}

/** Builds the four objects in the order they depend on each other. */
export function buildGuardCertificates(
  guard: ResolvedGuard,
  labels: Readonly<Record<string, string>>,
): (Issuer | Certificate)[] {
  const metadata = (name: string) => ({ name, namespace: guard.namespace, labels: { ...labels } });

  const selfSigned: Issuer = {
    apiVersion: CERT_MANAGER_API_VERSION,
    kind: 'Issuer',
    metadata: metadata(GUARD_SELF_SIGNED_ISSUER),
    spec: { selfSigned: {} },
  };
  const ca: Certificate = {
    apiVersion: CERT_MANAGER_API_VERSION,
    kind: 'Certificate',
    metadata: metadata(GUARD_CA_CERTIFICATE),
    spec: {
      secretName: GUARD_CA_SECRET,
      issuerRef: issuerRef(GUARD_SELF_SIGNED_ISSUER),
      commonName: `${GUARD_CA_CERTIFICATE}.${guard.namespace}`,
      isCA: true,
      duration: CA_DURATION,
      renewBefore: CA_RENEW_BEFORE,
      privateKey: { ...PRIVATE_KEY },
      usages: ['cert sign', 'crl sign'],
    },
  };
  const caIssuer: Issuer = {
    apiVersion: CERT_MANAGER_API_VERSION,
    kind: 'Issuer',
    metadata: metadata(GUARD_CA_ISSUER),
    spec: { ca: { secretName: GUARD_CA_SECRET } },
  };
  const serving: Certificate = {
    apiVersion: CERT_MANAGER_API_VERSION,
    kind: 'Certificate',
    metadata: metadata(GUARD_SERVING_CERTIFICATE),
    spec: {
      secretName: GUARD_TLS_SECRET,
      issuerRef: issuerRef(GUARD_CA_ISSUER),
      dnsNames: guardServiceDnsNames(guard.namespace),
      duration: SERVING_DURATION,
      renewBefore: SERVING_RENEW_BEFORE,
      privateKey: { ...PRIVATE_KEY },
      usages: ['digital signature', 'server auth'],
    },
  };
  return [selfSigned, ca, caIssuer, serving];
}

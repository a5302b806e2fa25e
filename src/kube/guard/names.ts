/**
 * Names shared by the guard's objects: the Service and its port, the certificate Secrets, and
 * the webhook. Each is written here once, so the Deployment, the Service, the certificates and
 * the webhook configuration cannot disagree.
 */

/** Name of the Deployment, Service, ServiceAccount, PodDisruptionBudget and webhook configuration. */
export const GUARD_NAME = 'kinko-guard';

/** Name of the container port the guard serves HTTPS on, and the port number. */
export const GUARD_PORT_NAME = 'https';
export const GUARD_CONTAINER_PORT = 8443;

/** Port of the Service; the apiserver calls `https://kinko-guard.kinko-guard.svc:443/validate`. */
export const GUARD_SERVICE_PORT = 443;

/** Path of `POST` AdmissionReviews on the guard, and of its probes. */
export const GUARD_VALIDATE_PATH = '/validate';
export const GUARD_READINESS_PATH = '/readyz';
export const GUARD_LIVENESS_PATH = '/healthz';

/** Secret cert-manager writes the serving key pair into (`tls.crt`, `tls.key`, `ca.crt`). */
export const GUARD_TLS_SECRET = 'kinko-guard-tls';
/** Folder the serving Secret is mounted at, read-only. */
export const GUARD_TLS_MOUNT_PATH = '/etc/kinko-guard/tls';

/** The certificate chain: a self-signed Issuer signs the CA, whose Issuer signs the serving certificate. */
export const GUARD_SELF_SIGNED_ISSUER = 'kinko-guard-self-signed';
export const GUARD_CA_CERTIFICATE = 'kinko-guard-ca';
export const GUARD_CA_SECRET = 'kinko-guard-ca';
export const GUARD_CA_ISSUER = 'kinko-guard-ca';
export const GUARD_SERVING_CERTIFICATE = 'kinko-guard-serving';

/** Webhook name inside the configuration; the apiserver quotes it in every denial. */
export const GUARD_WEBHOOK_NAME = 'guard.kinko.dev';

/** Pod labels and selector of the guard's pods. */
export function guardSelector(): Record<string, string> {
  return {
    'app.kubernetes.io/name': GUARD_NAME,
    'app.kubernetes.io/component': 'admission-webhook',
  };
}

/** DNS names of the Service that the serving certificate covers. */
export function guardServiceDnsNames(namespace: string): string[] {
  return [`${GUARD_NAME}.${namespace}.svc`, `${GUARD_NAME}.${namespace}.svc.cluster.local`];
}

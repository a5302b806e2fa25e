import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { LOOPBACK, freePort, probe, type ProbeTls } from './network.js';
import type { CertificateAuthority, CertificateFiles } from './pki.js';
import { ManagedProcess } from './process.js';
import { waitFor } from './wait.js';

/**
 * Time each control-plane component gets to report healthy. kube-apiserver took about 3.5 s to
 * /readyz on this project's 2-core machine, and the rest of the limit is for a loaded CI machine.
 */
const START_TIMEOUT_MS = 120_000;

/**
 * Service CIDR of the test bed, the default of an EKS cluster whose VPC is not in 10.0.0.0/16.
 * No traffic goes to it: no kube-proxy runs, and ClusterIPs are only allocated.
 */
export const SERVICE_CLUSTER_IP_RANGE = '10.100.0.0/16';

/** The first address of the service CIDR, which the `kubernetes` Service gets. */
const KUBERNETES_SERVICE_IP = '10.100.0.1';

/** Issuer of ServiceAccount tokens, also their default audience. */
const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/**
 * Admission plugins enabled on top of kube-apiserver's defaults. The defaults already contain
 * PodSecurity, ValidatingAdmissionPolicy and the webhooks; naming them keeps them on if an upgrade
 * changes the defaults. NodeRestriction is off by default and on in EKS.
 */
const ADMISSION_PLUGINS = [
  'NodeRestriction',
  'PodSecurity',
  'ValidatingAdmissionPolicy',
  'MutatingAdmissionWebhook',
  'ValidatingAdmissionWebhook',
  'ExtendedResourceToleration',
];

export interface StartedComponent {
  process: ManagedProcess;
  /** Base URL of the component on 127.0.0.1. */
  url: string;
}

/** Wait until `ready` returns true, failing early with the component's log when its process exits. */
async function waitUntilReady(
  component: ManagedProcess,
  description: string,
  ready: () => Promise<boolean>,
): Promise<void> {
  try {
    await waitFor(async () => ((await ready()) ? true : undefined), {
      description,
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 250,
      abortReason: () => (component.hasExited ? component.describeExit() : undefined),
    });
  } catch (error) {
    throw await component.abortStart((error as Error).message);
  }
}

export interface EtcdOptions {
  binary: string;
  stateDir: string;
}

/** Start a single-member etcd on 127.0.0.1 with its data in `stateDir`/etcd. */
export async function startEtcd(options: EtcdOptions): Promise<StartedComponent> {
  const clientUrl = `http://${LOOPBACK}:${await freePort()}`;
  const peerUrl = `http://${LOOPBACK}:${await freePort()}`;
  const dataDir = join(options.stateDir, 'etcd');

  const etcd = new ManagedProcess({
    name: 'etcd',
    command: options.binary,
    args: [
      '--name=testbed',
      `--data-dir=${dataDir}`,
      `--listen-client-urls=${clientUrl}`,
      `--advertise-client-urls=${clientUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=testbed=${peerUrl}`,
      // The data lives only as long as the test run, so durability is traded for speed.
      '--unsafe-no-fsync=true',
      '--log-level=warn',
    ],
    logPath: join(options.stateDir, 'etcd.log'),
  });

  await waitUntilReady(etcd, `etcd ${clientUrl}/health to report healthy`, async () => {
    const { status, body } = await probe(`${clientUrl}/health`);
    return status === 200 && body.includes('"health":"true"');
  });
  return { process: etcd, url: clientUrl };
}

export interface ApiserverOptions {
  binary: string;
  stateDir: string;
  etcdUrl: string;
  auditPolicyPath: string;
  ca: CertificateAuthority;
  /**
   * CA of the aggregation layer's front proxy, kept apart from `ca` as kubeadm does, so a client
   * certificate from `ca` can never pass as the proxy that asserts other users' identities.
   */
  frontProxyCa: CertificateAuthority;
  serviceAccountKeys: { privateKeyPath: string; publicKeyPath: string };
  /** Client certificate the readiness probe uses. */
  probeClient: CertificateFiles;
}

export interface StartedApiserver extends StartedComponent {
  auditLogPath: string;
}

/**
 * Start kube-apiserver on 127.0.0.1 with TLS, client-certificate authentication, Node and RBAC
 * authorization, ServiceAccount token signing and an audit log, and wait for /readyz.
 */
export async function startApiserver(options: ApiserverOptions): Promise<StartedApiserver> {
  const port = await freePort();
  const url = `https://${LOOPBACK}:${port}`;
  const serving = await options.ca.issue({
    stem: 'kube-apiserver',
    commonName: 'kube-apiserver',
    usage: 'server',
    dnsNames: [
      'localhost',
      'kubernetes',
      'kubernetes.default',
      'kubernetes.default.svc',
      'kubernetes.default.svc.cluster.local',
    ],
    ipAddresses: [LOOPBACK, KUBERNETES_SERVICE_IP],
  });
  const frontProxyClient = await options.frontProxyCa.issue({
    stem: 'front-proxy-client',
    commonName: 'front-proxy-client',
    usage: 'client',
  });
  const auditLogPath = join(options.stateDir, 'audit.log');
  const certDir = join(options.stateDir, 'kube-apiserver-certs');
  mkdirSync(certDir, { recursive: true });

  const apiserver = new ManagedProcess({
    name: 'kube-apiserver',
    command: options.binary,
    args: [
      `--etcd-servers=${options.etcdUrl}`,
      `--bind-address=${LOOPBACK}`,
      `--advertise-address=${LOOPBACK}`,
      // The endpoint reconciler rejects a loopback advertise address ("may not be in the loopback
      // range"), so the `kubernetes` Service gets no endpoints. No pod runs that would use them.
      '--endpoint-reconciler-type=none',
      `--secure-port=${port}`,
      `--cert-dir=${certDir}`,
      `--tls-cert-file=${serving.certPath}`,
      `--tls-private-key-file=${serving.keyPath}`,
      '--tls-min-version=VersionTLS12',
      `--client-ca-file=${options.ca.certPath}`,
      // The aggregation layer. Without it, kube-controller-manager and kube-scheduler log an error
      // for the empty request-header CA bundle each time they read the authentication ConfigMap.
      `--requestheader-client-ca-file=${options.frontProxyCa.certPath}`,
      '--requestheader-allowed-names=front-proxy-client',
      '--requestheader-username-headers=X-Remote-User',
      '--requestheader-group-headers=X-Remote-Group',
      '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      `--proxy-client-cert-file=${frontProxyClient.certPath}`,
      `--proxy-client-key-file=${frontProxyClient.keyPath}`,
      '--anonymous-auth=false',
      '--authorization-mode=Node,RBAC',
      `--enable-admission-plugins=${ADMISSION_PLUGINS.join(',')}`,
      '--allow-privileged=true',
      `--service-cluster-ip-range=${SERVICE_CLUSTER_IP_RANGE}`,
      `--service-account-issuer=${SERVICE_ACCOUNT_ISSUER}`,
      `--service-account-key-file=${options.serviceAccountKeys.publicKeyPath}`,
      `--service-account-signing-key-file=${options.serviceAccountKeys.privateKeyPath}`,
      `--audit-policy-file=${options.auditPolicyPath}`,
      `--audit-log-path=${auditLogPath}`,
      '--audit-log-format=json',
      // Write each event before the response, so a test reads it as soon as its request returns.
      '--audit-log-mode=blocking',
      '--profiling=false',
    ],
    logPath: join(options.stateDir, 'kube-apiserver.log'),
  });

  const tls: ProbeTls = { caPath: options.ca.certPath, ...options.probeClient };
  await waitUntilReady(
    apiserver,
    `kube-apiserver ${url}/readyz to return 200`,
    async () => (await probe(`${url}/readyz`, tls)).status === 200,
  );
  return { process: apiserver, url, auditLogPath };
}

export interface ControllerOptions {
  binary: string;
  stateDir: string;
  /** Kubeconfig with the component's own identity (system:kube-controller-manager or system:kube-scheduler). */
  kubeconfigPath: string;
}

export interface ControllerManagerOptions extends ControllerOptions {
  ca: CertificateAuthority;
  serviceAccountPrivateKeyPath: string;
}

/**
 * Start kube-controller-manager with its serving port on 127.0.0.1, signing ServiceAccount tokens
 * and CSRs with the test bed's keys, and wait for /healthz.
 */
export async function startControllerManager(
  options: ControllerManagerOptions,
): Promise<StartedComponent> {
  const port = await freePort();
  const certDir = join(options.stateDir, 'kube-controller-manager-certs');
  mkdirSync(certDir, { recursive: true });

  const controllerManager = new ManagedProcess({
    name: 'kube-controller-manager',
    command: options.binary,
    args: [
      `--kubeconfig=${options.kubeconfigPath}`,
      `--authentication-kubeconfig=${options.kubeconfigPath}`,
      `--authorization-kubeconfig=${options.kubeconfigPath}`,
      `--bind-address=${LOOPBACK}`,
      `--secure-port=${port}`,
      `--cert-dir=${certDir}`,
      '--leader-elect=false',
      '--cluster-name=kinko-testbed',
      // Each controller uses its own ServiceAccount, as in EKS, so RBAC and the audit log name it.
      '--use-service-account-credentials=true',
      `--service-account-private-key-file=${options.serviceAccountPrivateKeyPath}`,
      `--root-ca-file=${options.ca.certPath}`,
      `--cluster-signing-cert-file=${options.ca.certPath}`,
      `--cluster-signing-key-file=${options.ca.keyPath}`,
      `--service-cluster-ip-range=${SERVICE_CLUSTER_IP_RANGE}`,
      '--profiling=false',
    ],
    logPath: join(options.stateDir, 'kube-controller-manager.log'),
  });
  return waitForSelfSignedHealthz(controllerManager, port);
}

/** Start kube-scheduler with its serving port on 127.0.0.1 and wait for /healthz. */
export async function startScheduler(options: ControllerOptions): Promise<StartedComponent> {
  const port = await freePort();
  const certDir = join(options.stateDir, 'kube-scheduler-certs');
  mkdirSync(certDir, { recursive: true });

  const scheduler = new ManagedProcess({
    name: 'kube-scheduler',
    command: options.binary,
    args: [
      `--kubeconfig=${options.kubeconfigPath}`,
      `--authentication-kubeconfig=${options.kubeconfigPath}`,
      `--authorization-kubeconfig=${options.kubeconfigPath}`,
      `--bind-address=${LOOPBACK}`,
      `--secure-port=${port}`,
      `--cert-dir=${certDir}`,
      '--leader-elect=false',
      '--profiling=false',
    ],
    logPath: join(options.stateDir, 'kube-scheduler.log'),
  });
  return waitForSelfSignedHealthz(scheduler, port);
}

/**
 * Wait for /healthz of a component that serves with a self-signed certificate from its --cert-dir.
 * The probe skips certificate verification, because it only checks that the component is up and
 * it only connects to 127.0.0.1.
 */
async function waitForSelfSignedHealthz(
  component: ManagedProcess,
  port: number,
): Promise<StartedComponent> {
  const url = `https://${LOOPBACK}:${port}`;
  await waitUntilReady(
    component,
    `${component.name} ${url}/healthz to return 200`,
    async () => (await probe(`${url}/healthz`, 'insecure')).status === 200,
  );
  return { process: component, url };
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';

import { buildTestbed, type TestbedComponent } from './build.js';
import {
  startApiserver,
  startControllerManager,
  startEtcd,
  startScheduler,
} from './control-plane.js';
import { installCrds, readCrds } from './crds.js';
import { loadKubeConfig, writeKubeconfig } from './kubeconfig.js';
import { createKwokNodes, startKwok } from './kwok.js';
import { AWS_REGION, DUMMY_AWS_CREDENTIALS, startMoto } from './moto.js';
import { CertificateAuthority, writeServiceAccountKeys } from './pki.js';
import { onProcessExit, type ManagedProcess } from './process.js';
import { createStateDir, removeStateDir } from './state.js';

export { cfnLintPath } from './cfn-lint.js';
export { awsEnvironment, AWS_REGION, DUMMY_AWS_CREDENTIALS } from './moto.js';
export { TESTBED_REGION, TESTBED_ZONES } from './kwok.js';
export { ComponentStartError } from './process.js';

export interface TestbedOptions {
  /** Start kube-scheduler, so pods get a node. Default: false. */
  scheduler?: boolean;
  /**
   * Start kube-controller-manager: Deployments get ReplicaSets and pods, namespaces get their
   * `default` ServiceAccount, PodDisruptionBudgets get a status (eviction needs it). Default: false.
   */
  controllerManager?: boolean;
  /** Number of simulated kwok nodes, spread round robin over `TESTBED_ZONES`. Default: 0 (kwok not started). */
  kwokNodes?: number;
  /** Start a moto server for the AWS SDK clients. Default: false. */
  moto?: boolean;
  /**
   * Install the CRDs of the Secrets Store CSI Driver, Argo CD, Argo Rollouts, Istio's
   * security.istio.io group and the NGINX Ingress Controller (a permissive stand-in, see
   * testbed/crds/). Default: true.
   */
  crds?: boolean;
}

/** Settings for an AWS SDK v3 client that talks to the test bed's moto server. */
export interface AwsClientSettings {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** S3 needs path-style requests, since moto does not serve bucket subdomains of 127.0.0.1. */
  forcePathStyle: true;
}

/** One running component of the test bed. */
export interface TestbedProcess {
  name: string;
  pid: number;
  logPath: string;
}

/** A running test bed; every address is on 127.0.0.1. */
export interface Testbed {
  /** Kubeconfig file of a cluster administrator (group system:masters), usable with kubectl. */
  kubeconfigPath: string;
  /** The same administrator as a client-node KubeConfig. */
  kubeConfig: KubeConfig;
  /** The kube-apiserver URL. */
  server: string;
  /** kube-apiserver's audit log (JSON lines), written by the policy in testbed/audit-policy.yaml. */
  auditLogPath: string;
  /** Names of the simulated nodes, in creation order. */
  nodeNames: string[];
  /** Names of the installed CRDs. */
  crdNames: string[];
  /** moto's endpoint URL, when started with `moto: true`. */
  awsEndpoint?: string;
  /** AWS SDK v3 client settings for moto, when started with `moto: true`. */
  awsClientSettings?: AwsClientSettings;
  /** Folder with every component's log, the certificates and the etcd data. */
  stateDir: string;
  /** Processes of the running components, in start order, for debugging. */
  components: readonly TestbedProcess[];
  /**
   * Issue a client certificate for `user` in `groups` and return a KubeConfig for it, so a test can
   * act as a non-administrator (such as a system's administrators group) under RBAC.
   */
  kubeConfigFor(user: string, groups?: readonly string[]): Promise<KubeConfig>;
  /** Stop every component (SIGTERM, then SIGKILL to its process group) and remove the state folder. */
  stop(): Promise<void>;
}

/**
 * Build (or reuse from the cache) and start a Kubernetes control plane and the chosen extras on
 * 127.0.0.1, with state in a new temporary folder. Throws `ComponentStartError`, carrying the tail
 * of the component's log, when a component does not start; whatever had started is stopped.
 */
export async function startTestbed(options: TestbedOptions = {}): Promise<Testbed> {
  const kwokNodes = options.kwokNodes ?? 0;
  if (!Number.isInteger(kwokNodes) || kwokNodes < 0) {
    throw new RangeError(
      `testbed: kwokNodes must be a whole number of nodes, 0 or more; got ${kwokNodes}`,
    );
  }
  const components: TestbedComponent[] = ['etcd', 'kubernetes'];
  if (kwokNodes > 0) components.push('kwok');
  if (options.moto === true) components.push('python');
  if (options.crds !== false) components.push('crds');
  const paths = await buildTestbed(components);

  const stateDir = createStateDir();
  const pkiDir = join(stateDir, 'pki');
  mkdirSync(pkiDir);
  const started: ManagedProcess[] = [];
  const removeExitHook = onProcessExit(() => removeStateDir(stateDir));

  // Stop clients of the API server before the API server, and the API server before etcd.
  const stop = async (): Promise<void> => {
    const [etcd, apiserver, ...clients] = started;
    await Promise.all(clients.map((component) => component.stop()));
    await apiserver?.stop();
    await etcd?.stop();
    started.length = 0;
    removeStateDir(stateDir);
    removeExitHook();
  };

  try {
    const ca = await CertificateAuthority.create(pkiDir);
    const frontProxyCa = await CertificateAuthority.create(pkiDir, 'front-proxy-ca');
    const serviceAccountKeys = writeServiceAccountKeys(pkiDir);
    const admin = await ca.issue({
      stem: 'admin',
      commonName: 'kinko-testbed-admin',
      organizations: ['system:masters'],
      usage: 'client',
    });

    const etcd = await startEtcd({ binary: paths.etcd, stateDir });
    started.push(etcd.process);
    const apiserver = await startApiserver({
      binary: paths.kubeApiserver,
      stateDir,
      etcdUrl: etcd.url,
      auditPolicyPath: paths.auditPolicy,
      ca,
      frontProxyCa,
      serviceAccountKeys,
      probeClient: admin,
    });
    started.push(apiserver.process);

    const kubeconfigPath = join(stateDir, 'admin.kubeconfig');
    writeKubeconfig(kubeconfigPath, {
      server: apiserver.url,
      caPath: ca.certPath,
      client: admin,
      userName: 'kinko-testbed-admin',
    });
    const kubeConfig = loadKubeConfig(kubeconfigPath);

    // Issue a client certificate and write a kubeconfig for one identity.
    const writeIdentity = async (
      stem: string,
      user: string,
      groups: readonly string[],
    ): Promise<string> => {
      const client = await ca.issue({
        stem,
        commonName: user,
        organizations: groups,
        usage: 'client',
      });
      const path = join(stateDir, `${stem}.kubeconfig`);
      writeKubeconfig(path, { server: apiserver.url, caPath: ca.certPath, client, userName: user });
      return path;
    };

    const crdNames =
      options.crds === false ? [] : await installCrds(kubeConfig, readCrds(paths.crdDirs));

    if (options.controllerManager === true) {
      const controllerManager = await startControllerManager({
        binary: paths.kubeControllerManager,
        stateDir,
        kubeconfigPath: await writeIdentity(
          'kube-controller-manager',
          'system:kube-controller-manager',
          [],
        ),
        ca,
        serviceAccountPrivateKeyPath: serviceAccountKeys.privateKeyPath,
      });
      started.push(controllerManager.process);
    }
    if (options.scheduler === true) {
      const scheduler = await startScheduler({
        binary: paths.kubeScheduler,
        stateDir,
        kubeconfigPath: await writeIdentity('kube-scheduler', 'system:kube-scheduler', []),
      });
      started.push(scheduler.process);
    }

    let nodeNames: string[] = [];
    if (kwokNodes > 0) {
      // kwok updates the status of every node and pod it simulates, which no narrower built-in role allows.
      const kwok = await startKwok({
        binary: paths.kwok,
        stagesDir: paths.kwokStagesDir,
        stateDir,
        kubeconfigPath: await writeIdentity('kwok', 'kinko-testbed-kwok', ['system:masters']),
      });
      started.push(kwok);
      nodeNames = await createKwokNodes(kubeConfig, kwokNodes, kwok);
    }

    let aws: Pick<Testbed, 'awsEndpoint' | 'awsClientSettings'> = {};
    if (options.moto === true) {
      const moto = await startMoto({ binary: paths.motoServer, stateDir });
      started.push(moto.process);
      aws = {
        awsEndpoint: moto.endpoint,
        awsClientSettings: {
          endpoint: moto.endpoint,
          region: AWS_REGION,
          credentials: { ...DUMMY_AWS_CREDENTIALS },
          forcePathStyle: true,
        },
      };
    }

    let identityCount = 0;
    return {
      kubeconfigPath,
      kubeConfig,
      server: apiserver.url,
      auditLogPath: apiserver.auditLogPath,
      nodeNames,
      crdNames,
      ...aws,
      stateDir,
      components: started.flatMap((component) =>
        component.pid === undefined
          ? []
          : [{ name: component.name, pid: component.pid, logPath: component.logPath }],
      ),
      kubeConfigFor: async (user, groups = []) =>
        loadKubeConfig(await writeIdentity(`user-${++identityCount}`, user, groups)),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

import { writeFileSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';

import type { CertificateFiles } from './pki.js';

export interface KubeconfigOptions {
  /** The kube-apiserver URL, https://127.0.0.1:<port>. */
  server: string;
  caPath: string;
  client: CertificateFiles;
  /** User and context name inside the file. */
  userName: string;
}

/**
 * Write a kubeconfig that authenticates with a client certificate, referring to the PEM files by
 * path so the file also works for kubectl while debugging. JSON is valid YAML, so kubectl and the
 * components read it as they read any kubeconfig.
 */
export function writeKubeconfig(path: string, options: KubeconfigOptions): void {
  const kubeconfig = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'kinko-testbed',
        cluster: { server: options.server, 'certificate-authority': options.caPath },
      },
    ],
    users: [
      {
        name: options.userName,
        user: {
          'client-certificate': options.client.certPath,
          'client-key': options.client.keyPath,
        },
      },
    ],
    contexts: [
      { name: options.userName, context: { cluster: 'kinko-testbed', user: options.userName } },
    ],
    'current-context': options.userName,
  };
  writeFileSync(path, `${JSON.stringify(kubeconfig, null, 2)}\n`, { mode: 0o600 });
}

/** Load a kubeconfig file written by `writeKubeconfig`. */
export function loadKubeConfig(path: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(path);
  return kubeConfig;
}

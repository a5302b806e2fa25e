/**
 * An app's ClusterIP Service. NGINX Ingress Controller reads its endpoints and sends traffic
 * to the pods directly; the Service's virtual IP serves calls from inside the namespace.
 */
import type { V1Service } from '@kubernetes/client-node';

import type { ResolvedApp, ResolvedSystem } from '../model/platform.js';
import type { Manifest } from './kube-object.js';
import { HTTP_PORT_NAME } from './names.js';

/**
 * Builds the app's Service. Blue/green apps pass `variant`: a Service named after its role (live,
 * preview, or one colour) whose selector adds the colour label to the app's selector.
 */
export function buildService(
  system: ResolvedSystem,
  app: ResolvedApp,
  labels: Readonly<Record<string, string>>,
  variant?: { readonly name: string; readonly selector: Readonly<Record<string, string>> },
): Manifest<V1Service> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: variant?.name ?? app.name,
      namespace: system.namespace,
      labels: { ...labels },
    },
    spec: {
      type: 'ClusterIP',
      selector: { ...(variant?.selector ?? app.selector) },
      ports: [
        {
          name: HTTP_PORT_NAME,
          port: app.containerPort,
          targetPort: HTTP_PORT_NAME,
          protocol: 'TCP',
        },
      ],
    },
  };
}

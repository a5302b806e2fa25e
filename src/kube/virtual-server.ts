/**
 * A system's route on F5 NGINX Ingress Controller: one VirtualServer for the system's host,
 * with an upstream and a route per app.
 */
import type { ResolvedApp, ResolvedPlatform, ResolvedSystem } from '../model/platform.js';
import { APP_COLOURS, colourObjectName } from './app-colour.js';
import { ManifestBuildError } from './errors.js';
import type { KubeObjectMeta, Manifest } from './kube-object.js';
import { virtualServerName } from './names.js';

export interface VirtualServerUpstream {
  name: string;
  service: string;
  port: number;
}

export interface VirtualServerRoute {
  path: string;
  action: { pass: string };
}

/** `k8s.nginx.org/v1` VirtualServer, with the fields Kinko sets. */
export interface VirtualServer {
  apiVersion: 'k8s.nginx.org/v1';
  kind: 'VirtualServer';
  metadata: KubeObjectMeta;
  spec: {
    host: string;
    ingressClassName: string;
    upstreams: VirtualServerUpstream[];
    routes: VirtualServerRoute[];
  };
}

/**
 * Upstreams of one app: one named after the app, or under `blueGreen.method: upstream` one per
 * colour, named after the colour's Service.
 */
function buildUpstreams(app: ResolvedApp): VirtualServerUpstream[] {
  if (app.blueGreen?.method !== 'upstream') {
    return [{ name: app.name, service: app.name, port: app.containerPort }];
  }
  return APP_COLOURS.map((colour) => ({
    name: colourObjectName(app, colour),
    service: colourObjectName(app, colour),
    port: app.containerPort,
  }));
}

/** Upstream the app's route passes to when the manifests are first applied. */
function liveUpstreamName(app: ResolvedApp): string {
  return app.blueGreen?.method === 'upstream'
    ? colourObjectName(app, app.blueGreen.live)
    : app.name;
}

/**
 * Builds the VirtualServer. Upstream names equal the Service names; `kinko switch app` moves an
 * upstream-method app by patching its route's `pass` to the other colour's upstream.
 */
export function buildVirtualServer(
  platform: ResolvedPlatform,
  system: ResolvedSystem,
  labels: Readonly<Record<string, string>>,
): Manifest<VirtualServer> {
  // The controller rejects a VirtualServer with two routes on one path; fail here, with names.
  const seenPaths = new Map<string, string>();
  for (const app of system.apps) {
    const earlier = seenPaths.get(app.routePath);
    if (earlier !== undefined) {
      throw new ManifestBuildError(
        'KUBE_DUPLICATE_ROUTE_PATH',
        `system ${system.name}: apps ${earlier} and ${app.name} both use route path ` +
          `${app.routePath}; give each app its own routePath`,
      );
    }
    seenPaths.set(app.routePath, app.name);
  }

  return {
    apiVersion: 'k8s.nginx.org/v1',
    kind: 'VirtualServer',
    metadata: {
      name: virtualServerName(system),
      namespace: system.namespace,
      labels: { ...labels },
    },
    spec: {
      host: system.host,
      ingressClassName: platform.ingress.ingressClassName,
      upstreams: system.apps.flatMap(buildUpstreams),
      routes: system.apps.map((app) => ({
        path: app.routePath,
        action: { pass: liveUpstreamName(app) },
      })),
    },
  };
}

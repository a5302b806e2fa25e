/**
 * F5 NGINX Ingress Controller, installed by Argo CD from its pinned Helm chart: the platform
 * AppProject, the Application with the chart values, and the controller's namespace.
 */
import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import type { AppProject, Application, ArgoSource } from './argocd-types.js';
import type { Manifest } from './kube-object.js';
import { INGRESS_CONTROLLER_APP_NAME, PLATFORM_PROJECT_NAME, clusterArn } from './names.js';
import { BYPASS_INBOUND_CAPTURE_ANNOTATION, meshEnrolmentLabels } from './mesh.js';
import { podSecurityLabels } from './namespace.js';

/** One replica per Availability Zone of a three-zone region. */
const CONTROLLER_REPLICAS = 3;

/** The user the controller image runs as (`nginx`, UID 101). */
const CONTROLLER_UID = 101;

/**
 * Pod labels and selector, set explicitly so the spread constraints below select the pods
 * whatever the chart's default labels become.
 */
const CONTROLLER_SELECTOR = {
  'app.kubernetes.io/name': 'nginx-ingress',
  'app.kubernetes.io/instance': INGRESS_CONTROLLER_APP_NAME,
};

/**
 * Builds the Argo CD source of the chart. An HTTP(S) chart repository uses the classic Helm
 * source with `chart`. Anything else is an OCI registry (`ghcr.io/nginx/charts`, with or without `oci://`),
 * read as a native OCI source (Argo CD 3.1 and later): `oci://<registry>/<chart>` at path `.`.
 * The classic form would also read OCI, but only with a repository Secret that sets
 * `enableOCI`, which the native form does not need for a public registry.
 */
export function chartSource(platform: ResolvedPlatform): ArgoSource {
  const { repoURL, chart, version } = platform.ingress.chart;
  if (/^https?:\/\//.test(repoURL)) return { repoURL, chart, targetRevision: version };

  const registry = repoURL.replace(/^oci:\/\//, '').replace(/\/+$/, '');
  return { repoURL: `oci://${registry}/${chart}`, targetRevision: version, path: '.' };
}

/**
 * Chart values. The controller's Service is a NodePort on the port the ALB target groups use;
 * HTTPS is off because the ALB terminates TLS. The containers meet Pod Security "restricted":
 * non-root, all capabilities dropped but NET_BIND_SERVICE (the controller listens on port 80),
 * read-only root filesystem (the chart then adds an init container and emptyDirs for NGINX's
 * writable folders), RuntimeDefault seccomp. Telemetry reporting to F5 is off.
 * `externalTrafficPolicy: Local` keeps the client address and makes a node without a controller
 * pod fail the ALB health check, so the ALB sends traffic only to nodes that serve it.
 * The namespace is in the ambient mesh, whose STRICT mTLS would make ztunnel reject the ALB's
 * plaintext. So the pod annotation leaves inbound traffic uncaptured, while the controller's
 * connections to the apps still go through ztunnel as HBONE.
 */
export function ingressControllerValues(platform: ResolvedPlatform): Record<string, unknown> {
  const containerSecurityContext = {
    runAsNonRoot: true,
    runAsUser: CONTROLLER_UID,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
  const initContainerSecurityContext = {
    ...containerSecurityContext,
    capabilities: { drop: ['ALL'] },
  };

  return {
    controller: {
      kind: 'deployment',
      replicaCount: CONTROLLER_REPLICAS,
      selectorLabels: { ...CONTROLLER_SELECTOR },
      ingressClass: {
        name: platform.ingress.ingressClassName,
        create: true,
        setAsDefaultIngress: false,
      },
      enableCustomResources: true,
      enableSnippets: false,
      telemetryReporting: { enable: false },
      podSecurityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      pod: { annotations: { [BYPASS_INBOUND_CAPTURE_ANNOTATION]: 'true' } },
      securityContext: containerSecurityContext,
      initContainerSecurityContext,
      podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { ...CONTROLLER_SELECTOR } },
        },
      ],
      service: {
        type: 'NodePort',
        externalTrafficPolicy: 'Local',
        httpPort: { enable: true, port: 80, nodePort: platform.ingress.httpNodePort },
        httpsPort: { enable: false },
      },
    },
  };
}

/**
 * Builds the platform AppProject, with the chart's repository as the only source and the
 * controller's namespace as the only destination. The chart creates cluster-scoped RBAC, the IngressClass and
 * the NGINX CRDs, so those kinds, and the Namespace that the sync creates, are whitelisted by
 * name. Namespaced kinds are open within that one namespace, because chart upgrades add kinds.
 */
export function buildPlatformProject(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  labels: Readonly<Record<string, string>>,
): Manifest<AppProject> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: PLATFORM_PROJECT_NAME,
      namespace: platform.gitops.argocdNamespace,
      labels: { ...labels },
    },
    spec: {
      description: `Platform components of ${platform.name}: the ingress controller`,
      // The EKS Argo CD capability needs its own namespace listed on every project.
      sourceNamespaces: [platform.gitops.argocdNamespace],
      sourceRepos: [chartSource(platform).repoURL],
      destinations: [
        { server: clusterArn(platform, cluster), namespace: platform.ingress.namespace },
      ],
      clusterResourceWhitelist: [
        { group: '', kind: 'Namespace' },
        { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
        { group: 'networking.k8s.io', kind: 'IngressClass' },
        { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
        { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
      ],
      namespaceResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  };
}

/**
 * Builds the controller's Application. `CreateNamespace` with `managedNamespaceMetadata` lets Argo CD
 * create the namespace with the same Pod Security labels as the Namespace manifest that `kinko
 * apply` uses, so either path gives the same namespace.
 */
export function buildIngressControllerApplication(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  labels: Readonly<Record<string, string>>,
): Manifest<Application> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: INGRESS_CONTROLLER_APP_NAME,
      namespace: platform.gitops.argocdNamespace,
      labels: { ...labels },
    },
    spec: {
      project: PLATFORM_PROJECT_NAME,
      source: {
        ...chartSource(platform),
        helm: {
          releaseName: INGRESS_CONTROLLER_APP_NAME,
          valuesObject: ingressControllerValues(platform),
        },
      },
      destination: { server: clusterArn(platform, cluster), namespace: platform.ingress.namespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
        managedNamespaceMetadata: {
          labels: { ...labels, ...podSecurityLabels(), ...meshEnrolmentLabels() },
        },
      },
    },
  };
}

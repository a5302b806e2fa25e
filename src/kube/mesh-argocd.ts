/**
 * Istio's installation by Argo CD: an AppProject for the mesh, one Application per pinned Helm
 * chart (base, istiod, cni, ztunnel), and one Application that syncs the mesh namespace folder
 * (the Namespace and the mesh-wide PeerAuthentication) from git. No EKS add-on ships Istio, so
 * the charts come from Istio's own repository, pinned to one release.
 */
import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import { manifestFolderPath } from './argocd-system.js';
import type { AppProject, Application } from './argocd-types.js';
import type { Manifest } from './kube-object.js';
import {
  ISTIO_CHART_REPOSITORY,
  ISTIO_VERSION,
  MESH_NAMESPACE,
  meshNamespaceLabels,
} from './mesh.js';
import { clusterArn } from './names.js';

/** Argo CD AppProject of the mesh. */
export const MESH_PROJECT_NAME = 'kinko-mesh';

/** Argo CD Application that syncs the mesh namespace folder from git. */
export const MESH_CONFIG_APP_NAME = 'istio-config';

/** A field Argo CD leaves out of its diff, because a controller in the cluster writes it. */
interface IgnoredDifference {
  group: string;
  kind: string;
  jsonPointers: string[];
}

/** An Application that may ignore fields that istiod writes after the sync. */
export type MeshApplication = Application & {
  spec: Application['spec'] & { ignoreDifferences?: IgnoredDifference[] };
};

/**
 * One Istio chart with its Helm values. The `ambient` profile of the istiod and cni charts turns
 * on ambient mode: the CNI agent's pod redirection and istiod's support for ztunnel.
 */
interface IstioChart {
  /** Chart name in Istio's repository. */
  chart: 'base' | 'istiod' | 'cni' | 'ztunnel';
  /** Helm release name, also the Application's name: the names Istio's Helm guide uses. */
  release: string;
  values: Record<string, unknown>;
}

/**
 * The charts in the order Istio's Helm guide installs them: base (the CRDs and cluster roles)
 * before istiod, istiod before the node agents. Argo CD retries a failed sync, so an Application
 * whose CRDs are not there yet succeeds once base has synced.
 * istiod runs at least two replicas, so a drain or a zone failure keeps one serving xDS and
 * certificates. The cni chart chains its plugin after the VPC CNI (the chart's default), so
 * the VPC CNI keeps assigning pod addresses and its network policy agent keeps enforcing.
 */
const ISTIO_CHARTS: readonly IstioChart[] = [
  { chart: 'base', release: 'istio-base', values: {} },
  { chart: 'istiod', release: 'istiod', values: { profile: 'ambient', autoscaleMin: 2 } },
  { chart: 'cni', release: 'istio-cni', values: { profile: 'ambient' } },
  { chart: 'ztunnel', release: 'ztunnel', values: {} },
];

/**
 * istiod writes the CA bundle into the webhook configurations of the base and istiod charts, and
 * sets the validating webhook's failurePolicy once it serves. Without these entries Argo CD
 * would report the Applications out of sync forever and revert istiod's writes.
 */
const WEBHOOK_DIFFERENCES: IgnoredDifference[] = [
  {
    group: 'admissionregistration.k8s.io',
    kind: 'ValidatingWebhookConfiguration',
    jsonPointers: ['/webhooks/0/clientConfig/caBundle', '/webhooks/0/failurePolicy'],
  },
  {
    group: 'admissionregistration.k8s.io',
    kind: 'MutatingWebhookConfiguration',
    jsonPointers: ['/webhooks/0/clientConfig/caBundle'],
  },
];

/**
 * Builds the mesh AppProject: Istio's chart repository and the platform's git repository as
 * sources, the mesh namespace as the only namespaced destination. The charts create CRDs, cluster
 * roles and bindings, and webhook configurations, which are whitelisted by kind.
 * NOTE: this kind list follows Istio's install guide, not a render of the 1.32.0 charts. If Argo
 * CD rejects a sync for a kind outside the project, add that kind here.
 */
export function buildMeshProject(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  labels: Readonly<Record<string, string>>,
): Manifest<AppProject> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: MESH_PROJECT_NAME,
      namespace: platform.gitops.argocdNamespace,
      labels: { ...labels },
    },
    spec: {
      description: `Service mesh of ${platform.name}: Istio ${ISTIO_VERSION} in ambient mode`,
      // The EKS Argo CD capability needs its own namespace listed on every project.
      sourceNamespaces: [platform.gitops.argocdNamespace],
      sourceRepos: [ISTIO_CHART_REPOSITORY, platform.gitops.repoURL],
      destinations: [{ server: clusterArn(platform, cluster), namespace: MESH_NAMESPACE }],
      clusterResourceWhitelist: [
        { group: '', kind: 'Namespace' },
        { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration' },
        { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
        { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
        { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
        { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
      ],
      namespaceResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  };
}

function chartApplication(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  chart: IstioChart,
  labels: Readonly<Record<string, string>>,
): Manifest<MeshApplication> {
  const application: Manifest<MeshApplication> = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: chart.release,
      namespace: platform.gitops.argocdNamespace,
      labels: { ...labels },
    },
    spec: {
      project: MESH_PROJECT_NAME,
      source: {
        repoURL: ISTIO_CHART_REPOSITORY,
        chart: chart.chart,
        targetRevision: ISTIO_VERSION,
        helm: { releaseName: chart.release, valuesObject: chart.values },
      },
      destination: { server: clusterArn(platform, cluster), namespace: MESH_NAMESPACE },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: [
          'CreateNamespace=true',
          'ServerSideApply=true',
          'RespectIgnoreDifferences=true',
        ],
        managedNamespaceMetadata: { labels: { ...labels, ...meshNamespaceLabels() } },
      },
    },
  };
  if (chart.chart === 'base' || chart.chart === 'istiod') {
    application.spec.ignoreDifferences = WEBHOOK_DIFFERENCES.map((entry) => ({
      ...entry,
      jsonPointers: [...entry.jsonPointers],
    }));
  }
  return application;
}

/**
 * Builds the Application that syncs the mesh namespace folder of this cluster from git: the
 * Namespace with its suppressions and the mesh-wide STRICT PeerAuthentication.
 */
function configApplication(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  labels: Readonly<Record<string, string>>,
): Manifest<MeshApplication> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: MESH_CONFIG_APP_NAME,
      namespace: platform.gitops.argocdNamespace,
      labels: { ...labels },
    },
    spec: {
      project: MESH_PROJECT_NAME,
      source: {
        repoURL: platform.gitops.repoURL,
        targetRevision: platform.gitops.targetRevision,
        path: manifestFolderPath(platform, cluster, MESH_NAMESPACE),
      },
      destination: { server: clusterArn(platform, cluster), namespace: MESH_NAMESPACE },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['ServerSideApply=true'],
      },
    },
  };
}

/** Builds the mesh's Applications: the four charts in install order, then the config folder. */
export function buildMeshApplications(
  platform: ResolvedPlatform,
  cluster: ResolvedCluster,
  labels: Readonly<Record<string, string>>,
): Manifest<MeshApplication>[] {
  return [
    ...ISTIO_CHARTS.map((chart) => chartApplication(platform, cluster, chart, labels)),
    configApplication(platform, cluster, labels),
  ];
}

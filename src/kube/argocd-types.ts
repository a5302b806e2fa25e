/**
 * Argo CD custom resources (`argoproj.io/v1alpha1`), with the fields Kinko sets.
 */
import type { KubeObjectMeta } from './kube-object.js';

export interface ArgoGroupKind {
  group: string;
  kind: string;
}

export interface ArgoDestination {
  server: string;
  namespace: string;
}

export interface AppProject {
  apiVersion: 'argoproj.io/v1alpha1';
  kind: 'AppProject';
  metadata: KubeObjectMeta;
  spec: {
    description: string;
    /**
     * Namespaces whose Applications may use the project. The EKS capability requires its own
     * namespace here, because it reads Applications only from there.
     */
    sourceNamespaces?: string[];
    sourceRepos: string[];
    destinations: ArgoDestination[];
    clusterResourceWhitelist: ArgoGroupKind[];
    namespaceResourceWhitelist: ArgoGroupKind[];
  };
}

export interface ArgoSource {
  repoURL: string;
  targetRevision: string;
  path?: string;
  chart?: string;
  helm?: { releaseName: string; valuesObject: Record<string, unknown> };
}

export interface ArgoSyncPolicy {
  automated: { prune: boolean; selfHeal: boolean };
  syncOptions: string[];
  managedNamespaceMetadata?: { labels: Record<string, string> };
}

/** A field Argo CD leaves out of its diff and, with `RespectIgnoreDifferences=true`, of its sync. */
export interface ArgoIgnoredDifference {
  group: string;
  kind: string;
  name?: string;
  namespace?: string;
  jsonPointers?: string[];
  jqPathExpressions?: string[];
}

export interface Application {
  apiVersion: 'argoproj.io/v1alpha1';
  kind: 'Application';
  metadata: KubeObjectMeta;
  spec: {
    project: string;
    source: ArgoSource;
    destination: ArgoDestination;
    syncPolicy: ArgoSyncPolicy;
    ignoreDifferences?: ArgoIgnoredDifference[];
  };
}

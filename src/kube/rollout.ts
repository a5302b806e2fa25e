/**
 * An app declared with `blueGreen.method: rollout`: an Argo Rollout (argoproj.io/v1alpha1) in
 * place of the Deployment, with the same hardened pod template.
 */
import type { V1Deployment, V1PodTemplateSpec } from '@kubernetes/client-node';

import type { ResolvedApp, ResolvedSystem } from '../model/platform.js';
import { previewServiceName } from './app-colour.js';
import type { KubeObjectMeta, Manifest } from './kube-object.js';

/** Label the Argo Rollouts controller puts on each revision's pods and Service selectors. */
export const ROLLOUT_POD_TEMPLATE_HASH = 'rollouts-pod-template-hash';

/** `argoproj.io/v1alpha1` Rollout, with the fields Kinko sets. */
export interface Rollout {
  apiVersion: 'argoproj.io/v1alpha1';
  kind: 'Rollout';
  metadata: KubeObjectMeta;
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: V1PodTemplateSpec;
    strategy: {
      blueGreen: {
        activeService: string;
        previewService: string;
        autoPromotionEnabled: false;
      };
    };
  };
}

/**
 * Builds the Rollout from the app's Deployment. `autoPromotionEnabled: false` keeps a new
 * revision on the preview Service until `kinko switch app` promotes it. The topology spread
 * counts pods per revision through `rollouts-pod-template-hash`, because the controller does not
 * set `pod-template-hash` on a Rollout's pods.
 */
export function buildRollout(
  system: ResolvedSystem,
  app: ResolvedApp,
  deployment: Manifest<V1Deployment>,
): Manifest<Rollout> {
  const template = structuredClone(deployment.spec?.template ?? {});
  for (const constraint of template.spec?.topologySpreadConstraints ?? []) {
    constraint.matchLabelKeys = [ROLLOUT_POD_TEMPLATE_HASH];
  }

  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { ...deployment.metadata, name: app.name, namespace: system.namespace },
    spec: {
      replicas: app.replicas,
      selector: { matchLabels: { ...app.selector } },
      template,
      strategy: {
        blueGreen: {
          activeService: app.name,
          previewService: previewServiceName(app),
          autoPromotionEnabled: false,
        },
      },
    },
  };
}

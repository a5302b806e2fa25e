/**
 * The SecretProviderClass that links a system's Secrets Manager secret to its pods through the
 * Secrets Store CSI Driver and the AWS provider (ASCP). It names the secret and contains no value,
 * so it is safe in git, unlike a Kubernetes Secret, whose base64 is an encoding.
 */
import { stringify } from 'yaml';

import type { ResolvedPlatform, ResolvedSystem } from '../model/platform.js';
import type { KubeObjectMeta, Manifest } from './kube-object.js';
import { secretProviderClassName } from './names.js';

/** `secrets-store.csi.x-k8s.io/v1` SecretProviderClass, with the fields Kinko sets. */
export interface SecretProviderClass {
  apiVersion: 'secrets-store.csi.x-k8s.io/v1';
  kind: 'SecretProviderClass';
  metadata: KubeObjectMeta;
  spec: {
    provider: 'aws';
    /** ASCP reads every parameter as a string, booleans included. */
    parameters: Record<string, string>;
  };
}

/**
 * Builds the class. With `usePodIdentity: "true"` the provider fetches the secret with the
 * pod's EKS Pod Identity role, so a pod reads only secrets its system's role allows. The region
 * is written out because the provider otherwise looks it up from the node on every mount. The
 * DR region, when declared, becomes the provider's `failoverRegion`.
 */
export function buildSecretProviderClass(
  platform: ResolvedPlatform,
  system: ResolvedSystem,
  labels: Readonly<Record<string, string>>,
): Manifest<SecretProviderClass> {
  // ASCP takes `objects` as a YAML document inside a string parameter.
  const objects = stringify([{ objectName: system.secretName, objectType: 'secretsmanager' }]);

  const parameters: Record<string, string> = {
    region: platform.primary.region,
    usePodIdentity: 'true',
    objects,
  };
  if (platform.dr !== undefined) parameters['failoverRegion'] = platform.dr.region;

  return {
    apiVersion: 'secrets-store.csi.x-k8s.io/v1',
    kind: 'SecretProviderClass',
    metadata: {
      name: secretProviderClassName(system),
      namespace: system.namespace,
      labels: { ...labels },
    },
    spec: { provider: 'aws', parameters },
  };
}

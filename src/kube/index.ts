/**
 * Kubernetes manifests for a resolved platform: per cluster, one folder per namespace with one
 * file per concern, plus the ledger of the controls those files implement.
 */
import type { ResolvedPlatform } from '../model/platform.js';
import type { KubeObject } from './kube-object.js';
import type { ManifestLedgerEntry } from './ledger.js';
import type { ManifestFile } from './manifest-file.js';
import { buildPlatformManifests } from './platform-manifests.js';
import { renderObjects } from './render.js';
import { buildSystemManifests } from './system-manifests.js';

export type { KubeObject, Manifest } from './kube-object.js';
export type { ManifestLedgerEntry } from './ledger.js';
export { manifestFilePath, type ManifestFile } from './manifest-file.js';
export { ManifestBuildError, type ManifestBuildErrorCode } from './errors.js';
export type { AppProject, Application } from './argocd-types.js';
export type { SecretProviderClass } from './secret-provider-class.js';
export type { VirtualServer } from './virtual-server.js';

function compareFiles(a: ManifestFile, b: ManifestFile): number {
  const keyA = `${a.cluster}\u0000${a.namespace}\u0000${a.fileName}`;
  const keyB = `${b.cluster}\u0000${b.namespace}\u0000${b.fileName}`;
  if (keyA < keyB) return -1;
  if (keyA > keyB) return 1;
  return 0;
}

/**
 * Builds every manifest file and ledger entry. The output depends only on `platform`: files are
 * sorted by cluster, namespace and file name, and the ledger follows the build order.
 * Throws ManifestBuildError when the model breaks an invariant the manifests rely on.
 */
export function buildManifests(platform: ResolvedPlatform): {
  files: ManifestFile[];
  ledger: ManifestLedgerEntry[];
} {
  const files: ManifestFile[] = [];
  const ledger: ManifestLedgerEntry[] = [];

  for (const cluster of platform.clusters) {
    const systemObjects = new Map<string, KubeObject[]>();
    for (const system of platform.systems) {
      const built = buildSystemManifests(platform, cluster, system);
      files.push(...built.files);
      ledger.push(...built.ledger);
      systemObjects.set(
        system.namespace,
        built.files.flatMap((file) => file.objects),
      );
    }

    const platformBuilt = buildPlatformManifests(platform, cluster, systemObjects);
    files.push(...platformBuilt.files);
    ledger.push(...platformBuilt.ledger);
  }

  return { files: files.sort(compareFiles), ledger };
}

/** Renders a file as multi-document YAML with a stable key order, ending with a newline. */
export function renderManifestFile(file: ManifestFile): string {
  return renderObjects(file.objects);
}

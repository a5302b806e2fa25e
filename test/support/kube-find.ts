/**
 * Lookups over built manifests for the kube tests: find a file or an object by name and narrow
 * it to the typed object the test asserts on.
 */
import assert from 'node:assert/strict';

import type { KubeObject, ManifestFile } from '../../src/kube/index.js';

export function findFile(
  files: readonly ManifestFile[],
  namespace: string,
  fileName: string,
  cluster = 'main',
): ManifestFile {
  const file = files.find(
    (candidate) =>
      candidate.cluster === cluster &&
      candidate.namespace === namespace &&
      candidate.fileName === fileName,
  );
  assert.ok(file, `no file k8s/${cluster}/${namespace}/${fileName}`);
  return file;
}

/** Finds an object by kind and name in `files`; the caller states the type it expects. */
export function findObject<T>(
  files: readonly ManifestFile[],
  kind: string,
  name: string,
  namespace?: string,
): T & KubeObject {
  const object = files
    .flatMap((file) => file.objects)
    .find(
      (candidate) =>
        candidate.kind === kind &&
        candidate.metadata.name === name &&
        (namespace === undefined || candidate.metadata.namespace === namespace),
    );
  assert.ok(object, `no ${kind} ${namespace ?? ''}/${name}`);
  return object as T & KubeObject;
}

export function allObjects(files: readonly ManifestFile[]): KubeObject[] {
  return files.flatMap((file) => file.objects);
}

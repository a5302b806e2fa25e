/**
 * A system's shared files: a prefix of its S3 bucket, mounted into every app by the Mountpoint
 * for Amazon S3 CSI driver (v2). The data stays outside the cluster, so pods in a blue and a
 * green cluster read the same files.
 */
import type { V1PersistentVolume, V1PersistentVolumeClaim } from '@kubernetes/client-node';

import type { ResolvedPlatform, ResolvedSharedFiles, ResolvedSystem } from '../model/platform.js';
import type { Manifest } from './kube-object.js';

export const S3_CSI_DRIVER = 's3.csi.aws.com';

/**
 * Mountpoint options. `region` is explicit because driver v2 runs Mountpoint in its own pods,
 * which may not reach the instance metadata service to detect it. `uid` and `gid` make the
 * files the app's own; `allow-other` lets that user in at all, since the FUSE mount belongs to
 * another user. The mount stays read-write without `allow-delete` or `allow-overwrite`:
 * apps add files, and removing or rewriting shared data is a decision for the bucket's owner.
 * NOTE: the owner is the first app's user and group; an app of the same system with another
 * runAsUser reads the files but cannot change them.
 */
function mountOptions(
  platform: ResolvedPlatform,
  system: ResolvedSystem,
  sharedFiles: ResolvedSharedFiles,
): string[] {
  const options = [`prefix ${sharedFiles.prefix}`, `region ${platform.primary.region}`];
  const owner = system.apps[0];
  if (owner !== undefined) {
    options.push(`uid=${owner.runAsUser}`, `gid=${owner.runAsGroup}`, 'allow-other');
  }
  return options;
}

/**
 * Builds the PersistentVolume (cluster-scoped, statically provisioned). `claimRef` reserves it for the
 * system's claim, so no claim in another namespace can bind it. `authenticationSource: pod`
 * makes Mountpoint use the pod's own Pod Identity role, which names only this system's bucket,
 * instead of a driver role that could read every system's. `Retain` states in the manifest that
 * deleting the claim leaves the volume and the bucket's objects in place.
 */
export function buildSharedFilesVolume(
  platform: ResolvedPlatform,
  system: ResolvedSystem,
  sharedFiles: ResolvedSharedFiles,
  labels: Readonly<Record<string, string>>,
): Manifest<V1PersistentVolume> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: sharedFiles.persistentVolumeName, labels: { ...labels } },
    spec: {
      capacity: { storage: sharedFiles.capacity },
      accessModes: ['ReadWriteMany'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      claimRef: {
        namespace: system.namespace,
        name: sharedFiles.persistentVolumeClaimName,
      },
      mountOptions: mountOptions(platform, system, sharedFiles),
      csi: {
        driver: S3_CSI_DRIVER,
        // Kubernetes mounts a volume once per handle, so the handle must be unique in the
        // cluster; the PersistentVolume name already is.
        volumeHandle: sharedFiles.persistentVolumeName,
        volumeAttributes: {
          bucketName: system.bucketName,
          authenticationSource: 'pod',
        },
      },
    },
  };
}

/** Builds the claim, bound by name to the volume. The empty class turns dynamic provisioning off. */
export function buildSharedFilesClaim(
  system: ResolvedSystem,
  sharedFiles: ResolvedSharedFiles,
  labels: Readonly<Record<string, string>>,
): Manifest<V1PersistentVolumeClaim> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: sharedFiles.persistentVolumeClaimName,
      namespace: system.namespace,
      labels: { ...labels },
    },
    spec: {
      accessModes: ['ReadWriteMany'],
      storageClassName: '',
      volumeName: sharedFiles.persistentVolumeName,
      resources: { requests: { storage: sharedFiles.capacity } },
    },
  };
}

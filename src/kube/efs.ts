/**
 * A system's EFS file system in the cluster: a statically provisioned PersistentVolume of the
 * Amazon EFS CSI driver and its claim, mounted into every app. The data stays outside the
 * cluster, so pods in a blue and a green cluster share it.
 */
import type {
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Volume,
  V1VolumeMount,
} from '@kubernetes/client-node';

import type { ResolvedEfs } from '../model/data-stores.js';
import type { ResolvedSystem } from '../model/platform.js';
import type { Manifest } from './kube-object.js';
import type { LedgerSummary } from './ledger.js';

export const EFS_CSI_DRIVER = 'efs.csi.aws.com';
const VOLUME_EFS = 'efs';

/**
 * Capacity written on the volume and the claim. Kubernetes requires one, and EFS grows without
 * a limit, so the value is never enforced.
 */
const EFS_CAPACITY = '1Ti';

/**
 * Builds the PersistentVolume through the system's access point, which enforces the apps' POSIX
 * user and root directory. `tls` encrypts NFS in transit, as the file system policy requires, and
 * `iam` signs the mount with the driver's Pod Identity role, since the policy denies anonymous
 * clients. `claimRef` reserves the volume for the system's claim; `Retain` keeps the data when
 * the claim goes.
 */
export function buildEfsVolume(
  system: ResolvedSystem,
  efs: ResolvedEfs,
  volumeHandle: string,
  labels: Readonly<Record<string, string>>,
): Manifest<V1PersistentVolume> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: efs.persistentVolumeName, labels: { ...labels } },
    spec: {
      capacity: { storage: EFS_CAPACITY },
      accessModes: ['ReadWriteMany'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      claimRef: { namespace: system.namespace, name: efs.persistentVolumeClaimName },
      mountOptions: ['tls', 'iam'],
      csi: { driver: EFS_CSI_DRIVER, volumeHandle },
    },
  };
}

/** Builds the claim, bound by name to the volume; the empty class turns dynamic provisioning off. */
export function buildEfsClaim(
  system: ResolvedSystem,
  efs: ResolvedEfs,
  labels: Readonly<Record<string, string>>,
): Manifest<V1PersistentVolumeClaim> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: efs.persistentVolumeClaimName,
      namespace: system.namespace,
      labels: { ...labels },
    },
    spec: {
      accessModes: ['ReadWriteMany'],
      storageClassName: '',
      volumeName: efs.persistentVolumeName,
      resources: { requests: { storage: EFS_CAPACITY } },
    },
  };
}

/**
 * Returns the pod volume and container mount of the system's EFS claim, or empty lists when the
 * system declares no EFS or platform.yaml does not name its ids yet.
 */
export function efsPodVolumes(system: ResolvedSystem): {
  volumes: V1Volume[];
  mounts: V1VolumeMount[];
} {
  const efs = system.efs;
  if (efs?.volumeHandle === undefined) {
    return { volumes: [], mounts: [] };
  }
  return {
    volumes: [
      { name: VOLUME_EFS, persistentVolumeClaim: { claimName: efs.persistentVolumeClaimName } },
    ],
    mounts: [{ name: VOLUME_EFS, mountPath: efs.mountPath }],
  };
}

/** Controls-report lines of the EFS volume and claim. */
export const EFS_SUMMARIES = {
  volume: (system: ResolvedSystem, efs: ResolvedEfs): LedgerSummary => ({
    en: `Files of ${system.displayName} live on EFS file system ${efs.fileSystemName}, outside the cluster, mounted over TLS through an access point that acts as UID ${efs.posixUser.uid}.`,
    ja: `${system.displayName} のファイルはクラスター外の EFS ファイルシステム ${efs.fileSystemName} に置き、UID ${efs.posixUser.uid} として動作するアクセスポイント経由で TLS を使ってマウントする。`,
  }),
  claim: (system: ResolvedSystem, efs: ResolvedEfs): LedgerSummary => ({
    en: `The apps of ${system.displayName} mount the EFS file system at ${efs.mountPath} through this claim.`,
    ja: `${system.displayName} のアプリはこのクレームを通じて EFS ファイルシステムを ${efs.mountPath} にマウントする。`,
  }),
} as const;

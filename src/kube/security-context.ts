/**
 * The pod and container security contexts every app runs with: non-root, unprivileged, no
 * capabilities, a read-only root filesystem and the runtime's default seccomp profile. They meet
 * the Pod Security "restricted" profile that each system namespace enforces.
 */
import type { V1PodSecurityContext, V1SecurityContext } from '@kubernetes/client-node';

import type { ResolvedApp } from '../model/platform.js';

/**
 * Pod level: applies to every container and sets the group of mounted volumes. `fsGroup` is the
 * app's group, so the /tmp emptyDir and the shared-files volume are writable by the app.
 */
export function buildPodSecurityContext(app: ResolvedApp): V1PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: app.runAsUser,
    runAsGroup: app.runAsGroup,
    fsGroup: app.runAsGroup,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/**
 * Container level. The user and seccomp settings repeat the pod's on purpose, because a
 * container's context overrides the pod's. A policy check or a reviewer reading one container
 * then finds the whole non-root setting in one place.
 */
export function buildContainerSecurityContext(app: ResolvedApp): V1SecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: app.runAsUser,
    runAsGroup: app.runAsGroup,
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  ApiException,
  AuthorizationV1Api,
  CoreV1Api,
  KubernetesObjectApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
  type V1ClusterRoleBinding,
  type V1ResourceAttributes,
} from '@kubernetes/client-node';

import { resourceOfKind } from '../../src/kube/argocd-rbac-resources.js';
import {
  ARGOCD_CLUSTER_WRITE_ROLE,
  ARGOCD_DEPLOY_ROLE,
  ARGOCD_READ_ROLE,
} from '../../src/kube/argocd-rbac.js';
import { accessEntryGroup, argoCdCapabilityRoleName } from '../../src/model/names.js';
import { applyManifests } from '../../src/ops/apply/apply.js';
import {
  clusterManifestDir,
  describeObject,
  readManifestSet,
  type SourcedObject,
} from '../../src/ops/apply/manifest-set.js';
import { synth } from '../../src/synth/synth.js';
import { startTestbed, type Testbed } from '../support/testbed/index.js';

const CLUSTER = 'kinko-demo-blue';
/** The capability group for the example platform's account, region and blue cluster. */
const GROUP = accessEntryGroup(
  `arn:aws:iam::111122223333:role/${argoCdCapabilityRoleName(CLUSTER, 'ap-northeast-1')}`,
);

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof ApiException) return error.code;
    throw error;
  }
}

/** Objects the operator applies at bootstrap: every Namespace, then the capability's files. */
function bootstrapObjects(objects: readonly SourcedObject[]): SourcedObject[] {
  return objects.filter(
    ({ object, file }) =>
      object.kind === 'Namespace' ||
      file === 'argocd/01-settings.yaml' ||
      file === 'argocd/05-capability-rbac.yaml',
  );
}

describe('Argo CD capability RBAC on the test bed', () => {
  let bed: Testbed;
  let work: string;
  let objects: SourcedObject[];

  /**
   * Asks the API server whether the capability group may do `attributes`. A SubjectAccessReview
   * replaces real requests as the group: the test bed's client certificates carry groups in
   * the subject's O attribute, which X.509 limits to 64 characters, and the group is longer.
   */
  const allowed = async (attributes: V1ResourceAttributes): Promise<boolean> => {
    const review = await bed.kubeConfig
      .makeApiClient(AuthorizationV1Api)
      .createSubjectAccessReview({
        body: {
          spec: {
            user: 'argocd-capability',
            groups: [GROUP, 'system:authenticated'],
            resourceAttributes: attributes,
          },
        },
      });
    return review.status?.allowed === true;
  };

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-argocd-rbac-'));
    synth({ configFile: 'examples/platform.yaml', outDir: join(work, 'out') });
    objects = readManifestSet(clusterManifestDir(join(work, 'out'), CLUSTER));

    bed = await startTestbed();
    // On EKS the Argo CD capability creates its namespace; here the test does.
    await bed.kubeConfig
      .makeApiClient(CoreV1Api)
      .createNamespace({ body: { metadata: { name: 'argocd' } } });
    await applyManifests({
      kubeConfig: bed.kubeConfig,
      objects: bootstrapObjects(objects),
      dryRun: false,
      prune: false,
    });
  });

  after(async () => {
    await bed?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('[S6][apiserver] read binding names the capability group', async () => {
    const binding: V1ClusterRoleBinding = await bed.kubeConfig
      .makeApiClient(RbacAuthorizationV1Api)
      .readClusterRoleBinding({ name: ARGOCD_READ_ROLE });

    assert.deepEqual(
      binding.subjects?.map((subject) => subject.name),
      [GROUP],
    );
  });

  it('[S6][apiserver] capability may apply every object of folder a', async () => {
    const folder = objects.filter(({ file }) => file.startsWith('a/'));
    const denied: string[] = [];

    for (const { object } of folder) {
      const apiVersion = object.apiVersion ?? '';
      const attributes = {
        group: apiVersion.includes('/') ? apiVersion.split('/')[0] : '',
        resource: resourceOfKind(object.kind ?? ''),
        name: object.metadata?.name ?? '',
        ...(object.metadata?.namespace === undefined
          ? {}
          : { namespace: object.metadata.namespace }),
      };
      // A server-side apply is a patch, and a create carrying the name when the object is new.
      for (const verb of ['get', 'patch', 'create']) {
        if (!(await allowed({ ...attributes, verb }))) {
          denied.push(`${verb} ${describeObject(object)}`);
        }
      }
    }

    assert.ok(folder.length > 10);
    assert.deepEqual(denied, []);
  });

  it('[S6][apiserver] capability may create Deployments in namespace a', async () => {
    assert.equal(
      await allowed({ namespace: 'a', group: 'apps', resource: 'deployments', verb: 'create' }),
      true,
    );
  });

  it('[S6][apiserver] capability may list Deployments cluster-wide', async () => {
    assert.equal(await allowed({ group: 'apps', resource: 'deployments', verb: 'list' }), true);
  });

  it('[S6][apiserver] capability cannot write in kube-system', async () => {
    const inKubeSystem = { namespace: 'kube-system', verb: 'create' };

    assert.equal(await allowed({ ...inKubeSystem, resource: 'configmaps' }), false);
    assert.equal(await allowed({ ...inKubeSystem, group: 'apps', resource: 'deployments' }), false);
    assert.equal(
      await allowed({ resource: 'namespaces', name: 'kube-system', verb: 'patch' }),
      false,
    );
  });

  it('[S6][apiserver] capability reads no Secret of a system', async () => {
    assert.equal(await allowed({ namespace: 'a', resource: 'secrets', verb: 'get' }), false);
    assert.equal(await allowed({ namespace: 'b', resource: 'secrets', verb: 'list' }), false);
    assert.equal(await allowed({ resource: 'secrets', verb: 'list' }), false);
    assert.equal(await allowed({ resource: 'secrets', verb: 'watch' }), false);
  });

  it('[S6][apiserver] named cluster rights reject another name', async () => {
    const volumes = { resource: 'persistentvolumes' };

    assert.equal(
      await allowed({ ...volumes, verb: 'patch', name: 'kinko-demo-a-shared-files' }),
      true,
    );
    assert.equal(await allowed({ ...volumes, verb: 'create', name: 'kinko-probe' }), false);
    assert.equal(await allowed({ ...volumes, verb: 'delete', name: 'kinko-probe' }), false);
    assert.equal(await allowed({ resource: 'namespaces', verb: 'create', name: 'probe' }), false);
  });

  it('[S6][apiserver] role escalation in a only for a-admins', async () => {
    const roles = { namespace: 'a', group: 'rbac.authorization.k8s.io', resource: 'roles' };

    assert.equal(await allowed({ ...roles, verb: 'escalate', name: 'a-admins' }), true);
    assert.equal(await allowed({ ...roles, verb: 'escalate', name: 'probe' }), false);
    assert.equal(await allowed({ ...roles, verb: 'bind', name: 'probe' }), false);
  });

  it('[S6][apiserver] same rights sync folder a by server-side apply', async () => {
    // The same Roles bound to a group short enough for a client certificate, so the requests are
    // real: the escalation check on Role a-admins and the named creates run in the API server.
    const rbac = bed.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
    const subjects = [
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'probe:argocd' },
    ];
    for (const role of [ARGOCD_READ_ROLE, ARGOCD_CLUSTER_WRITE_ROLE]) {
      await rbac.createClusterRoleBinding({
        body: {
          metadata: { name: `probe-${role}` },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
          subjects,
        },
      });
    }
    await rbac.createNamespacedRoleBinding({
      namespace: 'a',
      body: {
        metadata: { name: 'probe-deploy' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: ARGOCD_DEPLOY_ROLE },
        subjects,
      },
    });
    const probe = await bed.kubeConfigFor('probe', ['probe:argocd']);
    const folder = objects.filter(({ file }) => file.startsWith('a/'));

    const result = await applyManifests({
      kubeConfig: probe,
      objects: folder,
      dryRun: false,
      prune: false,
    });
    const volume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'kinko-probe' },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        hostPath: { path: '/tmp/probe' },
      },
    };
    const otherName = await statusOf(
      KubernetesObjectApi.makeApiClient(probe).patch(
        volume,
        undefined,
        undefined,
        'probe',
        true,
        PatchStrategy.ServerSideApply,
      ),
    );

    const plainCreate = await statusOf(
      probe.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: 'a' } } }),
    );

    assert.equal(result.changes.length, folder.length);
    assert.ok(result.changes.some((change) => change.object === 'Role a/a-admins'));
    assert.equal(otherName, 403);
    // A plain create carries no name when it is authorized, so a name-limited right rejects it.
    assert.equal(plainCreate, 403);
  });

  it('[S6][apiserver] chart kinds let the group bind any ClusterRole', async () => {
    // The ingress and mesh charts create ClusterRoles and bindings whose names Kinko does not
    // render, so `bind` and `escalate` on clusterroles are not limited by name: a documented gap.
    assert.equal(
      await allowed({
        group: 'rbac.authorization.k8s.io',
        resource: 'clusterroles',
        verb: 'bind',
        name: 'cluster-admin',
      }),
      true,
    );
  });
});

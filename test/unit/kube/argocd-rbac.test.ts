import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type {
  V1ClusterRole,
  V1ClusterRoleBinding,
  V1ConfigMap,
  V1PolicyRule,
  V1Role,
  V1RoleBinding,
} from '@kubernetes/client-node';

import { deriveArgoCdGrants } from '../../../src/kube/argocd-rbac-grants.js';
import { resourceOfKind } from '../../../src/kube/argocd-rbac-resources.js';
import {
  ARGOCD_CLUSTER_WRITE_ROLE,
  ARGOCD_DEPLOY_ROLE,
  ARGOCD_READ_ROLE,
} from '../../../src/kube/argocd-rbac.js';
import type { AppProject, Application } from '../../../src/kube/argocd-types.js';
import { ManifestBuildError } from '../../../src/kube/errors.js';
import { buildManifests, type KubeObject, type ManifestFile } from '../../../src/kube/index.js';
import { argoCdCapabilityRoleName, IAM_ROLE_NAME_LIMIT } from '../../../src/model/names.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findFile, findObject } from '../../support/kube-find.js';

const GROUP = 'eks-access-entry:arn:aws:iam::111122223333:role/main-argocd-ap-northeast-1';

interface Request {
  group: string;
  resource: string;
  verb: string;
  name?: string;
}

/** Checks whether `rules` allow `request`, matching one rule as the RBAC authorizer does. */
function allows(rules: readonly V1PolicyRule[], request: Request): boolean {
  return rules.some((rule) => {
    const groups = rule.apiGroups ?? [];
    const resources = rule.resources ?? [];
    const groupMatches = groups.includes('*') || groups.includes(request.group);
    const resourceMatches = resources.includes('*') || resources.includes(request.resource);
    const verbMatches = rule.verbs.includes('*') || rule.verbs.includes(request.verb);
    const names = rule.resourceNames ?? [];
    const nameMatches =
      names.length === 0 || (request.name !== undefined && names.includes(request.name));
    return groupMatches && resourceMatches && verbMatches && nameMatches;
  });
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
}

function rbacObjects(files: readonly ManifestFile[]): KubeObject[] {
  return findFile(files, 'argocd', '05-capability-rbac.yaml').objects;
}

function deployRole(files: readonly ManifestFile[], namespace: string): V1Role {
  return findObject<V1Role>(files, 'Role', ARGOCD_DEPLOY_ROLE, namespace);
}

function clusterWriteRules(files: readonly ManifestFile[]): V1PolicyRule[] {
  return findObject<V1ClusterRole>(files, 'ClusterRole', ARGOCD_CLUSTER_WRITE_ROLE).rules ?? [];
}

describe('kube Argo CD capability RBAC', () => {
  it('[S6][manifest] every binding names the capability group', () => {
    const { files } = buildManifests(kubeFixture());

    const bindings = rbacObjects(files).filter((object) => object.kind.endsWith('Binding')) as (
      V1RoleBinding | V1ClusterRoleBinding
    )[];

    assert.equal(bindings.length, 2 + 4);
    for (const binding of bindings) {
      assert.deepEqual(binding.subjects, [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: GROUP },
      ]);
      assert.equal(binding.roleRef.name, binding.metadata?.name);
    }
  });

  it('[S6][manifest] read role reads cluster-wide but not secrets', () => {
    const { files } = buildManifests(kubeFixture());

    const read = findObject<V1ClusterRole>(files, 'ClusterRole', ARGOCD_READ_ROLE);
    const rules = read.rules ?? [];

    assert.ok(allows(rules, { group: 'apps', resource: 'deployments', verb: 'list' }));
    assert.ok(allows(rules, { group: '', resource: 'pods', verb: 'watch' }));
    assert.ok(allows(rules, { group: 'k8s.nginx.org', resource: 'virtualservers', verb: 'get' }));
    assert.equal(allows(rules, { group: '', resource: 'secrets', verb: 'get' }), false);
    assert.equal(allows(rules, { group: '', resource: 'secrets', verb: 'list' }), false);
    assert.equal(allows(rules, { group: '', resource: 'pods/log', verb: 'get' }), false);
    assert.deepEqual([...new Set(rules.flatMap((rule) => rule.verbs))], ['get', 'list', 'watch']);
    assert.match(
      read.metadata?.annotations?.['suppress.kinko.dev/no-rbac-wildcards'] ?? '',
      /without secrets/,
    );
  });

  it('[S6][manifest] system role grants exactly the system kinds', () => {
    const { files } = buildManifests(kubeFixture());
    const project = findObject<AppProject>(files, 'AppProject', 'a', 'argocd');

    const role = deployRole(files, 'a');

    const granted = (role.rules ?? [])
      .filter((rule) => rule.verbs.includes('create'))
      .flatMap((rule) =>
        (rule.resources ?? []).map((resource) => `${rule.apiGroups?.[0] ?? ''}/${resource}`),
      )
      .sort();
    const whitelisted = project.spec.namespaceResourceWhitelist
      .map(({ group, kind }) => `${group}/${resourceOfKind(kind)}`)
      .sort();
    assert.deepEqual(granted, whitelisted);
    assert.deepEqual(project.spec.sourceNamespaces, ['argocd']);
    assert.equal(allows(role.rules ?? [], { group: '', resource: 'secrets', verb: 'get' }), false);
    assert.equal(role.metadata?.annotations, undefined);
  });

  it('[S6][manifest] admin role escalation limited to its name', () => {
    const { files } = buildManifests(kubeFixture());

    const rules = deployRole(files, 'a').rules ?? [];

    const rbac = 'rbac.authorization.k8s.io';
    assert.ok(
      allows(rules, { group: rbac, resource: 'roles', verb: 'escalate', name: 'a-admins' }),
    );
    assert.ok(allows(rules, { group: rbac, resource: 'roles', verb: 'bind', name: 'a-admins' }));
    assert.equal(
      allows(rules, { group: rbac, resource: 'roles', verb: 'escalate', name: 'other' }),
      false,
    );
    assert.equal(
      allows(rules, { group: rbac, resource: 'clusterroles', verb: 'bind', name: 'cluster-admin' }),
      false,
    );
  });

  it('[S6][manifest] system cluster objects writable by name only', () => {
    const platform = kubeFixture();
    const { files } = buildManifests(platform);

    const rules = clusterWriteRules(files);

    for (const namespace of ['a', 'b', platform.ingress.namespace]) {
      assert.ok(
        allows(rules, { group: '', resource: 'namespaces', verb: 'patch', name: namespace }),
      );
    }
    assert.equal(
      allows(rules, { group: '', resource: 'namespaces', verb: 'patch', name: 'kube-system' }),
      false,
    );
    assert.equal(allows(rules, { group: '', resource: 'namespaces', verb: 'create' }), false);
  });

  it('[S6][manifest] chart namespaces get a suppressed wildcard role', () => {
    const platform = kubeFixture();
    const { files } = buildManifests(platform);

    const role = deployRole(files, platform.ingress.namespace);

    assert.deepEqual(role.rules?.[0], {
      apiGroups: ['*'],
      resources: ['*'],
      verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
    });
    assert.match(
      role.metadata?.annotations?.['suppress.kinko.dev/no-rbac-wildcards'] ?? '',
      /Helm chart/,
    );
  });

  it('[S6][manifest] RBAC allows every kind the AppProjects allow', () => {
    const { files } = buildManifests(kubeFixture());
    const objects = files.flatMap((file) => file.objects);
    const projects = objects.filter((object) => object.kind === 'AppProject') as AppProject[];
    const clusterRules = clusterWriteRules(files);

    for (const project of projects) {
      for (const { namespace } of project.spec.destinations) {
        const rules = deployRole(files, namespace).rules ?? [];
        for (const { group, kind } of project.spec.namespaceResourceWhitelist) {
          const resource = kind === '*' ? 'configmaps' : resourceOfKind(kind);
          assert.ok(
            allows(rules, { group: group === '*' ? '' : group, resource, verb: 'patch' }),
            `${project.metadata.name}: ${group}/${kind} in ${namespace}`,
          );
        }
      }
      for (const { group, kind } of project.spec.clusterResourceWhitelist) {
        const names = objects
          .filter((object) => object.kind === kind && groupOf(object.apiVersion) === group)
          .map((object) => object.metadata.name);
        const name = kind === 'Namespace' ? project.spec.destinations[0]?.namespace : names[0];
        assert.ok(
          allows(clusterRules, { group, resource: resourceOfKind(kind), verb: 'patch', name }),
          `${project.metadata.name}: ${group}/${kind} ${name ?? ''}`,
        );
      }
    }
  });

  it('[S6][manifest] no write role outside the AppProject destinations', () => {
    const { files } = buildManifests(kubeFixture());
    const objects = files.flatMap((file) => file.objects);
    const destinations = new Set(
      (objects.filter((object) => object.kind === 'AppProject') as AppProject[]).flatMap(
        (project) => project.spec.destinations.map((destination) => destination.namespace),
      ),
    );

    const roleNamespaces = rbacObjects(files)
      .filter((object) => object.kind === 'Role')
      .map((object) => object.metadata.namespace ?? '');

    assert.ok(roleNamespaces.length > 0);
    for (const namespace of roleNamespaces) assert.ok(destinations.has(namespace), namespace);
    assert.equal(roleNamespaces.includes('kube-system'), false);
  });

  it('[S6][manifest] a new folder Application is covered automatically', () => {
    const project: AppProject = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'guard', namespace: 'argocd' },
      spec: {
        description: 'guard',
        sourceRepos: ['https://git.example'],
        destinations: [{ server: 'arn', namespace: 'kinko-guard' }],
        clusterResourceWhitelist: [
          { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
        ],
        namespaceResourceWhitelist: [{ group: 'apps', kind: 'Deployment' }],
      },
    };
    const application: Application = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'guard', namespace: 'argocd' },
      spec: {
        project: 'guard',
        source: { repoURL: 'https://git.example', targetRevision: 'main', path: 'k8s/main/guard' },
        destination: { server: 'arn', namespace: 'kinko-guard' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: [] },
      },
    };
    const folder: KubeObject[] = [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'g', namespace: 'kinko-guard' },
      },
      {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingWebhookConfiguration',
        metadata: { name: 'kinko-guard' },
      },
    ];

    const grants = deriveArgoCdGrants({
      applications: [application],
      projects: [project],
      foldersByPath: new Map([['k8s/main/guard', folder]]),
    });

    assert.deepEqual(
      [...(grants.namespaces.get('kinko-guard')?.resources ?? [])],
      ['apps/deployments'],
    );
    assert.deepEqual(
      grants.cluster.get('admissionregistration.k8s.io/validatingwebhookconfigurations'),
      new Set(['kinko-guard']),
    );
    assert.deepEqual(grants.clusterEscalate, new Set());
  });

  it('[S6][manifest] Application with an unknown project is rejected', () => {
    const application: Application = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'stray', namespace: 'argocd' },
      spec: {
        project: 'missing',
        source: { repoURL: 'https://git.example', targetRevision: 'main', path: 'x' },
        destination: { server: 'arn', namespace: 'x' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: [] },
      },
    };

    assert.throws(
      () =>
        deriveArgoCdGrants({ applications: [application], projects: [], foldersByPath: new Map() }),
      (error: unknown) =>
        error instanceof ManifestBuildError && error.code === 'KUBE_ARGO_PROJECT_NOT_FOUND',
    );
  });

  it('[manifest] argocd-cm makes the controller respect RBAC', () => {
    const { files } = buildManifests(kubeFixture());

    const settings = findObject<V1ConfigMap>(files, 'ConfigMap', 'argocd-cm', 'argocd');

    assert.deepEqual(settings.data, { 'resource.respectRBAC': 'normal' });
    assert.equal(settings.metadata?.labels?.['app.kubernetes.io/part-of'], 'argocd');
  });

  it('[unit] resource of a kind follows the Kubernetes plural', () => {
    assert.equal(resourceOfKind('NetworkPolicy'), 'networkpolicies');
    assert.equal(resourceOfKind('SecretProviderClass'), 'secretproviderclasses');
    assert.equal(resourceOfKind('Ingress'), 'ingresses');
    assert.equal(resourceOfKind('Endpoints'), 'endpoints');
    assert.equal(resourceOfKind('VirtualServer'), 'virtualservers');
  });

  it('[unit] capability role name fits IAM and stays unique', () => {
    const long = 'c'.repeat(63);

    const name = argoCdCapabilityRoleName(long, 'ap-northeast-1');

    assert.equal(argoCdCapabilityRoleName('main', 'ap-northeast-1'), 'main-argocd-ap-northeast-1');
    assert.equal(name.length, IAM_ROLE_NAME_LIMIT);
    assert.match(name, /^c{55}-[0-9a-f]{8}$/);
    assert.notEqual(name, argoCdCapabilityRoleName(long, 'ap-northeast-3'));
    assert.equal(name, argoCdCapabilityRoleName(long, 'ap-northeast-1'));
  });
});

/**
 * Every workload kind reduced to the pod it makes: the pod spec, the pod's labels, and the path
 * of the spec inside the object, so pod rules are written once for all kinds.
 */
import type { FieldPath } from './rule.js';
import { arrayAt, isRecord, recordAt, stringMapAt, type KubeResource } from './resource.js';

export type ContainerKind = 'containers' | 'initContainers' | 'ephemeralContainers';

export const CONTAINER_KINDS: readonly ContainerKind[] = [
  'containers',
  'initContainers',
  'ephemeralContainers',
];

export interface PodTemplate {
  readonly spec: Readonly<Record<string, unknown>>;
  /** Path of the pod spec inside the object, for example `spec.template.spec`. */
  readonly specPath: FieldPath;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface ContainerEntry {
  readonly kind: ContainerKind;
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** Path of the container inside the object. */
  readonly path: FieldPath;
}

/** Path of the pod template (its metadata and spec) inside each kind that has one. */
const TEMPLATE_PATHS: Readonly<Record<string, FieldPath>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Rollout: ['spec', 'template'],
};

/** Kinds that run pods, for rules about every pod. */
export const WORKLOAD_KINDS: readonly string[] = ['Pod', ...Object.keys(TEMPLATE_PATHS)];

/** Kinds whose pods serve behind endpoints as several replicas. */
export const REPLICATED_KINDS: readonly string[] = [
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
  'Rollout',
];

function valueAt(body: unknown, path: FieldPath): unknown {
  let value: unknown = body;
  for (const key of path) {
    if (typeof key === 'number') value = Array.isArray(value) ? value[key] : undefined;
    else value = isRecord(value) ? value[key] : undefined;
  }
  return value;
}

/**
 * The pod template of a workload, or undefined for kinds without one and for an Argo Rollout
 * that points at a Deployment's template through `spec.workloadRef`.
 */
export function podTemplateOf(resource: KubeResource): PodTemplate | undefined {
  if (resource.kind === 'Pod') {
    const spec = recordAt(resource.body, 'spec');
    if (spec === undefined) return undefined;
    const metadata = recordAt(resource.body, 'metadata');
    return {
      spec,
      specPath: ['spec'],
      labels: stringMapAt(metadata, 'labels'),
      annotations: stringMapAt(metadata, 'annotations'),
    };
  }

  const templatePath = TEMPLATE_PATHS[resource.kind];
  if (templatePath === undefined) return undefined;
  // NOTE: a Rollout with spec.workloadRef takes its template from a Deployment, which is checked
  // on its own; the Rollout itself is then not applicable to pod rules.
  const template = valueAt(resource.body, templatePath);
  const spec = recordAt(template, 'spec');
  if (spec === undefined) return undefined;
  const metadata = recordAt(template, 'metadata');
  return {
    spec,
    specPath: [...templatePath, 'spec'],
    labels: stringMapAt(metadata, 'labels'),
    annotations: stringMapAt(metadata, 'annotations'),
  };
}

/** Every container of the pod: regular, init (sidecars included) and ephemeral. */
export function containersOf(pod: PodTemplate): ContainerEntry[] {
  const entries: ContainerEntry[] = [];
  for (const kind of CONTAINER_KINDS) {
    arrayAt(pod.spec, kind).forEach((body, index) => {
      if (!isRecord(body)) return;
      const name = typeof body['name'] === 'string' ? body['name'] : `#${index}`;
      entries.push({ kind, name, body, path: [...pod.specPath, kind, index] });
    });
  }
  return entries;
}

/** `containers[0] "web"`: how a message names a container. */
export function describeContainer(container: ContainerEntry): string {
  const index = container.path[container.path.length - 1];
  return `${container.kind}[${String(index)}] "${container.name}"`;
}

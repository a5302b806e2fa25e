/**
 * The same pod in every workload kind Kinko's rules read, as YAML the apiserver accepts: the pod
 * spec of a Pod, and the pod template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
 * CronJob and Argo Rollout.
 */

/**
 * Render `podSpec` (YAML lines indented by 8 spaces, each starting with a newline) in each
 * workload kind, named `web` in namespace `a`, with `annotations` (a YAML flow map) on the Pod
 * and on each pod template.
 */
export function workloadKindsYaml(podSpec: string, annotations = '{}'): string {
  const jobPodSpec = `${podSpec}\n        restartPolicy: Never`;
  const template = (spec: string): string => `
      metadata: { labels: { app: web }, annotations: ${annotations} }
      spec:${spec}`;
  const indent = (text: string, spaces: number): string =>
    text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
  const selector = 'selector: { matchLabels: { app: web } }';
  return `
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: a, labels: { app: web }, annotations: ${annotations} }
spec:${podSpec}
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: a }
spec:
  replicas: 3
  ${selector}
  template:${template(podSpec)}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web, namespace: a }
spec:
  ${selector}
  template:${template(podSpec)}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: web, namespace: a }
spec:
  ${selector}
  template:${template(podSpec)}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: web, namespace: a }
spec:
  ${selector}
  template:${template(podSpec)}
---
apiVersion: batch/v1
kind: Job
metadata: { name: web, namespace: a }
spec:
  template:${template(jobPodSpec)}
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: web, namespace: a }
spec:
  schedule: '0 3 * * *'
  jobTemplate:
    spec:
      template:${indent(template(jobPodSpec), 4)}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: web, namespace: a }
spec:
  replicas: 2
  ${selector}
  template:${template(podSpec)}
`;
}

/**
 * The resolved platform: every name, ARN, label, selector and timing that infra, kube, policy
 * and ops use, derived once from the validated platform.yaml. Other modules read these values
 * and never rebuild a name from strings.
 */
import type { ResolvedDisasterRecovery, ResolvedEdge } from './edge.js';
import type { ResolvedGuard } from './guard.js';
import type { ResolvedDatabase, ResolvedEfs } from './data-stores.js';

/** Kubernetes labels Kinko puts on everything it generates. */
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_SYSTEM = 'kinko.dev/system';
export const MANAGED_BY = 'kinko';

/** Paths Kinko mounts in every app container: the secrets volume and a writable /tmp. */
export const SECRETS_MOUNT_PATH = '/mnt/secrets-store';
export const TMP_MOUNT_PATH = '/tmp';

export interface ResolvedPlatform {
  /** Platform name: a DNS label, the prefix of stack and resource names. */
  readonly name: string;
  /** AWS account id (12 digits) that owns every stack and ECR registry. */
  readonly account: string;
  readonly primary: ResolvedRegion;
  /** Disaster-recovery region, declared for the DR stacks; undefined when none is declared. */
  readonly dr?: ResolvedRegion;
  readonly network: ResolvedNetwork;
  readonly clusters: readonly ResolvedCluster[];
  readonly ingress: ResolvedIngress;
  readonly gitops: ResolvedGitOps;
  readonly security: ResolvedSecurity;
  readonly systems: readonly ResolvedSystem[];
  /** Named loosenings of safe defaults, each with its reason; listed in the controls report. */
  readonly exceptions: readonly ResolvedException[];
  /** Tags put on every AWS resource. */
  readonly tags: Readonly<Record<string, string>>;
  /** Standalone ALB of cluster blue/green (R4); undefined when platform.yaml declares no `edge`. */
  readonly edge?: ResolvedEdge;
  /** Resources of the DR region (R1); undefined when no DR region is declared. */
  readonly disasterRecovery?: ResolvedDisasterRecovery;
  /** Settings of `kinko audit`; resolvePlatform always sets it, and undefined means the defaults. */
  readonly audit?: ResolvedAudit;
  /** Deployment of the `kinko guard` webhook; undefined when platform.yaml declares no `guard`. */
  readonly guard?: ResolvedGuard;
}

export interface ResolvedRegion {
  /** AWS region code, for example ap-northeast-1. */
  readonly region: string;
  /** Availability Zone names in this region, at least three. */
  readonly availabilityZones: readonly string[];
}

export interface ResolvedNetwork {
  readonly vpcCidr: string;
  /** NAT gateways for the private subnets: one per AZ keeps egress alive when an AZ fails. */
  readonly natGateways: number;
  /** Days CloudWatch Logs keeps the VPC flow logs. */
  readonly flowLogRetentionDays: number;
}

export interface ResolvedCluster {
  /** Cluster key in platform.yaml (for example `main`, or `blue` and `green`). */
  readonly key: string;
  /** EKS cluster name. */
  readonly name: string;
  /** Kubernetes minor version, for example "1.37". */
  readonly version: string;
  /** Public endpoint CIDRs; empty means the API endpoint is private only. */
  readonly publicAccessCidrs: readonly string[];
  readonly nodeGroups: readonly ResolvedNodeGroup[];
  /** kubelet eventRecordQPS set through the nodeadm NodeConfig; 0 means no limit. */
  readonly eventRecordQPS: number;
}

export interface ResolvedNodeGroup {
  readonly name: string;
  readonly instanceTypes: readonly string[];
  readonly minSize: number;
  readonly desiredSize: number;
  readonly maxSize: number;
  readonly diskSizeGiB: number;
  /** EKS AMI type, for example AL2023_x86_64_STANDARD. */
  readonly amiType: string;
}

export interface ResolvedIngress {
  /** Namespace the ingress controller runs in; system NetworkPolicies admit traffic from it. */
  readonly namespace: string;
  /** IngressClass name the VirtualServers use. */
  readonly ingressClassName: string;
  /** NodePort of the controller's HTTP listener, reached by the ALB target groups. */
  readonly httpNodePort: number;
  /** Helm chart of F5 NGINX Ingress Controller, pinned. */
  readonly chart: ResolvedHelmChart;
}

export interface ResolvedHelmChart {
  readonly repoURL: string;
  readonly chart: string;
  readonly version: string;
}

export interface ResolvedGitOps {
  /** Namespace of the Argo CD that the EKS Argo CD capability manages. */
  readonly argocdNamespace: string;
  /** Git repository Argo CD reads the synthesized manifests from. */
  readonly repoURL: string;
  /** Branch or tag of that repository. */
  readonly targetRevision: string;
  /** Path of the synthesized output inside that repository (the `--out` folder). */
  readonly path: string;
  /** IAM Identity Center the managed Argo CD signs users in with; without it no capability is built. */
  readonly identityCenter?: {
    readonly instanceArn: string;
    readonly region?: string;
    readonly adminGroupIds: readonly string[];
  };
}

export interface ResolvedSecurity {
  /** Days CloudTrail log objects are kept in their bucket. */
  readonly cloudTrailRetentionDays: number;
  /** Days CloudWatch Logs keeps the EKS control-plane logs. */
  readonly controlPlaneLogRetentionDays: number;
}

export interface ResolvedSystem {
  /** System key in platform.yaml, for example `a`. */
  readonly name: string;
  /** Human-readable name for reports, for example "A system". */
  readonly displayName: string;
  readonly namespace: string;
  /** Kubernetes group the system's administrators are mapped to, `<system>:admins`. */
  readonly adminGroup: string;
  /** IAM role ARN of the system's administrators, mapped by an EKS access entry. */
  readonly adminRoleArn: string;
  /** ServiceAccount the system's pods run as; Pod Identity associates it with `podRoleName`. */
  readonly serviceAccountName: string;
  /** IAM role name the Pod Identity association gives the system's pods. */
  readonly podRoleName: string;
  /** Alias of the system's customer managed KMS key, for example `alias/kinko/a`. */
  readonly kmsAliasName: string;
  readonly bucketName: string;
  readonly queueName: string;
  readonly deadLetterQueueName: string;
  /** Secrets Manager secret name. */
  readonly secretName: string;
  /** Host name the system's route answers on, behind the ALB and the ingress controller. */
  readonly host: string;
  /** Shared files on the system's S3 bucket, mounted by the Mountpoint for S3 CSI driver (R5). */
  readonly sharedFiles?: ResolvedSharedFiles;
  /** EFS file system mounted into every app and replicated to the DR region (R5, R1). */
  readonly efs?: ResolvedEfs;
  /** Aurora cluster; a global database with a secondary in the DR region when one is declared. */
  readonly database?: ResolvedDatabase;
  readonly apps: readonly ResolvedApp[];
  /** Labels every object of this system carries. */
  readonly labels: Readonly<Record<string, string>>;
}

export interface ResolvedSharedFiles {
  /** Prefix inside the system's bucket that the volume exposes, ending with `/`. */
  readonly prefix: string;
  /** Path inside each app container where the volume is mounted. */
  readonly mountPath: string;
  /** Storage capacity written on the PersistentVolume; S3 does not enforce it. */
  readonly capacity: string;
  readonly persistentVolumeName: string;
  readonly persistentVolumeClaimName: string;
}

export interface ResolvedApp {
  readonly name: string;
  /** ECR repository name, `<platform>/<system>/<app>`. */
  readonly repositoryName: string;
  /** Full image reference in the system's ECR repository, with tag or digest. */
  readonly image: string;
  readonly containerPort: number;
  readonly replicas: number;
  readonly resources: ResolvedResources;
  /** Numeric UID the container runs as; never 0. */
  readonly runAsUser: number;
  readonly runAsGroup: number;
  /** Seconds the preStop hook sleeps so endpoint removal and in-flight requests finish. */
  readonly preStopSleepSeconds: number;
  /** Integer seconds; always greater than preStopSleepSeconds. */
  readonly terminationGracePeriodSeconds: number;
  readonly healthCheckPath: string;
  /** URL path prefix of this app on the system's host. */
  readonly routePath: string;
  /** Selector labels of the app's pods. */
  readonly selector: Readonly<Record<string, string>>;
  /** Labels of the app's objects: the system's labels plus the selector. */
  readonly labels: Readonly<Record<string, string>>;
  /** Set when the app runs a blue and a green copy; unset for a single Deployment. */
  readonly blueGreen?: ResolvedAppBlueGreen;
}

/** Colour of one of an app's two copies under application blue/green. */
export type AppColour = 'blue' | 'green';

/** Label that carries a blue/green app's colour on its pods, Deployments and Services. */
export const LABEL_COLOUR = 'kinko.dev/colour';

/** Application blue/green of one app (R3). */
export interface ResolvedAppBlueGreen {
  readonly method: 'service' | 'upstream' | 'rollout';
  /** Colour that serves users when the manifests are first applied. */
  readonly live: AppColour;
  /** Image of the other colour; the app's image unless platform.yaml names a preview image. */
  readonly previewImage: string;
  readonly smokeCheck?: {
    readonly path: string;
    readonly expectStatus: number;
    readonly timeoutSeconds: number;
  };
}

export interface ResolvedResources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu?: string; readonly memory: string };
}

export interface ResolvedAudit {
  /** IPv4 CIDR ranges whose every request `kinko audit` reports. */
  readonly watchedSourceRanges: readonly string[];
  readonly deniedBurst: { readonly threshold: number; readonly windowSeconds: number };
  /** Seconds repeats of one alert are counted instead of printed; 0 prints every one. */
  readonly repeatWindowSeconds: number;
  readonly exceptions: readonly ResolvedAuditException[];
}

/** An exception to one detection: every non-empty list must contain the event's value. */
export interface ResolvedAuditException {
  readonly detection: string;
  readonly users: readonly string[];
  readonly groups: readonly string[];
  readonly namespaces: readonly string[];
  readonly names: readonly string[];
  readonly sourceRanges: readonly string[];
  readonly reason: string;
}

export interface ResolvedException {
  /** Control the exception loosens, for example `cluster.publicEndpoint`. */
  readonly control: string;
  readonly reason: string;
  /** YAML path the exception applies to. */
  readonly target: string;
}

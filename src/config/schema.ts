/**
 * The platform.yaml schema. Every optional field's default is declared here, once, and is the
 * safe choice; docs/platform-yaml.md describes each field. Objects are strict, so a misspelt key
 * is an error rather than a silently ignored setting.
 *
 * A format check carries the id of its catalogue message (`config.format.<id>`) as its zod
 * message; `issues.ts` turns zod issues into catalogue messages.
 */
import { z } from 'zod';

import { SUPPORTED_KUBERNETES_VERSIONS, DEFAULT_KUBERNETES_VERSION } from '../model/versions.js';
import { EXCEPTION_CONTROLS } from './exceptions.js';

const format = (id: string) => ({ error: `format:${id}` });

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const PLATFORM_NAME = /^[a-z][a-z0-9-]{0,18}[a-z0-9]$/;
const SYSTEM_NAME = /^[a-z]([a-z0-9-]{0,13}[a-z0-9])?$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const AVAILABILITY_ZONE = /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/;
const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
const HOST =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const URL_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const IMAGE_DIGEST = /^sha256:[a-f0-9]{64}$/;
const REPOSITORY = /^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;
const CPU = /^(\d+m|\d+(\.\d{1,3})?)$/;
const MEMORY = /^\d+(Ki|Mi|Gi|Ti)?$/;
const STORAGE = /^\d+(Mi|Gi|Ti)$/;
const GIT_URL = /^(https|ssh):\/\/[^\s]+$/;
const RELATIVE_PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._/-]+$/;
const MOUNT_PATH = /^\/(?!(etc|proc|sys|dev|tmp|bin|sbin|usr|lib|var\/run)(\/|$))[A-Za-z0-9._/-]+$/;
const IDENTITY_CENTER_ARN = /^arn:aws(-cn|-us-gov)?:sso:::instance\/ssoins-[a-f0-9]{16}$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
/** One line of printable text: a name shown in reports, without control characters. */
// eslint-disable-next-line no-control-regex -- the pattern exists to reject control characters
const DISPLAY_NAME = /^[^\u0000-\u001f\u007f]{1,100}$/;
const S3_PREFIX = /^(?!\/)[A-Za-z0-9!_.*'()/-]*\/$/;
const ACM_CERTIFICATE_ARN =
  /^arn:aws(-cn|-us-gov)?:acm:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:certificate\/[0-9a-f-]{36}$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
/** HTTP header and cookie names the ALB can match: lowercase tokens, at most 40 characters. */
const HEADER_NAME = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;
const COOKIE_NAME = /^[a-z0-9]([a-z0-9_-]{0,38}[a-z0-9])?$/;
/** A URL path prefix without a trailing slash and without ALB wildcards. */
const PATH_PREFIX = /^(\/[A-Za-z0-9._~-]+)+$/;

/** Retention periods CloudWatch Logs accepts, in days; any other value is rejected by the API. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;
const logRetentionDays = () =>
  z
    .int()
    .min(1)
    .max(3653)
    .refine(
      (days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days),
      format('logRetentionDays'),
    );

const dnsLabel = () => z.string().regex(DNS_LABEL, format('dnsLabel'));
/** Why an exception is accepted: 10 to 1000 characters, of which 10 or more are not spaces. */
const reasonText = () =>
  z
    .string()
    .max(1000)
    .refine((text) => text.trim().length >= 10, format('reason'));
const seconds = (min: number, max: number) => z.int().min(min).max(max);

const regionSchema = z.strictObject({
  /** AWS region code. */
  region: z.string().regex(REGION, format('region')),
  /** Availability Zones to spread subnets and nodes over; three at least (R2). */
  availabilityZones: z
    .array(z.string().regex(AVAILABILITY_ZONE, format('availabilityZone')))
    .min(3)
    .max(6),
});

const nodeGroupSchema = z.strictObject({
  name: dnsLabel(),
  /** EC2 instance types; several give the group room when one type runs short in a zone. */
  instanceTypes: z
    .array(z.string().regex(INSTANCE_TYPE, format('instanceType')))
    .min(1)
    .default(['m7i.xlarge']),
  /** Defaults keep one node per zone of three at least. */
  minSize: z.int().min(0).max(450).default(3),
  desiredSize: z.int().min(0).max(450).default(3),
  maxSize: z.int().min(1).max(450).default(9),
  diskSizeGiB: z.int().min(20).max(16384).default(50),
  amiType: z
    .enum(['AL2023_x86_64_STANDARD', 'AL2023_ARM_64_STANDARD'])
    .default('AL2023_x86_64_STANDARD'),
});

const clusterSchema = z.strictObject({
  /** Key of the cluster in output paths and stack names, for example `main`, `blue`, `green`. */
  key: dnsLabel(),
  /** EKS cluster name; defaults to `<platform>-<key>`. */
  name: dnsLabel().optional(),
  version: z
    .enum(SUPPORTED_KUBERNETES_VERSIONS, format('kubernetesVersion'))
    .default(DEFAULT_KUBERNETES_VERSION),
  /** CIDRs allowed to reach a public API endpoint; empty (the default) keeps it private only. */
  publicAccessCidrs: z.array(z.string().regex(CIDR, format('cidr'))).default([]),
  /** kubelet eventRecordQPS; 0 removes the AMI's limit of 5 events per second (S9). */
  eventRecordQPS: z.int().min(0).max(1000).default(0),
  nodeGroups: z
    .array(nodeGroupSchema)
    .min(1)
    .prefault([{ name: 'general' }]),
});

const resourcesSchema = z.strictObject({
  requests: z
    .strictObject({
      cpu: z.string().regex(CPU, format('cpuQuantity')).default('250m'),
      memory: z.string().regex(MEMORY, format('memoryQuantity')).default('256Mi'),
    })
    .prefault({}),
  /** The memory limit defaults to the request; a CPU limit is left unset unless given. */
  limits: z
    .strictObject({
      cpu: z.string().regex(CPU, format('cpuQuantity')).optional(),
      memory: z.string().regex(MEMORY, format('memoryQuantity')).optional(),
    })
    .default({}),
});

const imageSchema = z.strictObject({
  /** ECR repository name; defaults to `<platform>/<system>/<app>`. */
  repository: z.string().regex(REPOSITORY, format('repositoryName')).max(256).optional(),
  tag: z.string().regex(IMAGE_TAG, format('imageTag')).optional(),
  digest: z.string().regex(IMAGE_DIGEST, format('imageDigest')).optional(),
});

/** Colours of an app's two copies under application blue/green (R3). */
export const APP_COLOURS = ['blue', 'green'] as const;

/** Application blue/green of one app (R3); unset keeps the app a single Deployment. */
const appBlueGreenSchema = z.strictObject({
  /** Switching method: the Service selector, the VirtualServer upstream, or an Argo Rollout promotion. */
  method: z.enum(['service', 'upstream', 'rollout']),
  /** Colour that serves users when the manifests are first applied. */
  live: z.enum(APP_COLOURS).default('blue'),
  /** Image of the colour that is not `live`; defaults to the app's image. Not allowed with `rollout`. */
  previewImage: imageSchema.optional(),
  /** HTTP GET that `kinko switch app` sends to the preview before switching. */
  smokeCheck: z
    .strictObject({
      /** Path of the request; defaults to the app's health check path. */
      path: z.string().regex(URL_PATH, format('urlPath')).optional(),
      expectStatus: z.int().min(100).max(599).default(200),
      timeoutSeconds: seconds(1, 300).default(10),
    })
    .optional(),
});

const appSchema = z.strictObject({
  name: z.string().regex(/^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$/, format('dnsLabel')),
  image: imageSchema,
  /** Container port the app listens on. */
  port: z.int().min(1024).max(65535),
  /** Two at least, so a drained node or a failed zone leaves one serving (R2, R6). */
  replicas: z.int().min(1).max(1000).default(3),
  resources: resourcesSchema.prefault({}),
  /** Numeric non-root UID; Pod Security can verify runAsNonRoot only for a numeric UID. */
  runAsUser: z.int().min(1).max(2147483647).default(10001),
  runAsGroup: z.int().min(1).max(2147483647).optional(),
  /** Seconds the preStop hook sleeps while endpoints and the load balancer drop the pod (R6). */
  preStopSleepSeconds: seconds(1, 3600).default(160),
  /** Integer seconds, longer than the preStop sleep; the talk uses 180 over a sleep of 160. */
  terminationGracePeriodSeconds: seconds(2, 7200).default(180),
  /** Longest request the app serves, in seconds; an estimate until the team measures it (R6). */
  longestRequestSeconds: seconds(1, 3600).default(15),
  healthCheckPath: z.string().regex(URL_PATH, format('urlPath')).default('/healthz'),
  routePath: z.string().regex(URL_PATH, format('urlPath')).default('/'),
  blueGreen: appBlueGreenSchema.optional(),
});

/** Aurora engine versions as RDS names them: `17.7` (PostgreSQL), `8.0.mysql_aurora.3.08.0` (MySQL). */
const AURORA_ENGINE_VERSION = /^\d{1,2}\.\d{1,2}(\.mysql_aurora\.\d+\.\d+\.\d+)?$/;
const DB_INSTANCE_CLASS = /^db\.[a-z][a-z0-9-]*\.[a-z0-9]+$/;

/** An Amazon EFS file system of the system, mounted into every app and replicated to the DR region. */
const efsSchema = z.strictObject({
  mountPath: z.string().regex(MOUNT_PATH, format('mountPath')).default('/mnt/efs'),
  /** Elastic scales throughput with the load; bursting earns credits from the stored size. */
  throughputMode: z.enum(['elastic', 'bursting']).default('elastic'),
  /**
   * Ids that EFS generates at the first deploy, copied from the systems stack outputs. Synth makes
   * no AWS lookups, so the apps mount the file system only once both are set.
   */
  fileSystemId: z
    .string()
    .regex(/^fs-[0-9a-f]{8,40}$/, format('efsFileSystemId'))
    .optional(),
  accessPointId: z
    .string()
    .regex(/^fsap-[0-9a-f]{8,40}$/, format('efsAccessPointId'))
    .optional(),
});

/** An Aurora database cluster of the system; with a DR region it becomes a global database. */
const databaseSchema = z.strictObject({
  engine: z.enum(['aurora-postgresql', 'aurora-mysql']),
  /** Full engine version, pinned, so an upgrade is a deliberate change of platform.yaml. */
  engineVersion: z.string().regex(AURORA_ENGINE_VERSION, format('auroraEngineVersion')),
  instanceClass: z
    .string()
    .regex(DB_INSTANCE_CLASS, format('dbInstanceClass'))
    .default('db.r7g.large'),
  /** Two at least, one writer and a reader in another Availability Zone to fail over to. */
  instances: z.int().min(2).max(16).default(2),
  /** Instances of the DR secondary cluster; 0 keeps it headless. Defaults to 1 with a DR region. */
  drInstances: z.int().min(0).max(16).optional(),
  /** Days of automated backups; RDS keeps at most 35. */
  backupRetentionDays: z.int().min(7).max(35).default(35),
  deletionProtection: z.boolean().default(true),
});

const sharedFilesSchema = z.strictObject({
  prefix: z.string().regex(S3_PREFIX, format('s3Prefix')).default('shared/'),
  mountPath: z.string().regex(MOUNT_PATH, format('mountPath')).default('/mnt/shared'),
  capacity: z.string().regex(STORAGE, format('storageQuantity')).default('100Gi'),
});

const systemSchema = z.strictObject({
  name: z.string().regex(SYSTEM_NAME, format('systemName')),
  displayName: z.string().regex(DISPLAY_NAME, format('displayName')).optional(),
  /** Namespace of the system; defaults to the system name. */
  namespace: dnsLabel().optional(),
  /** IAM role of the system's administrators, mapped to the group `<system>:admins` (S6). */
  adminRoleArn: z.string().regex(ROLE_ARN, format('roleArn')),
  host: z.string().regex(HOST, format('host')),
  /** Path prefix the system's ALB rules also match, for example `/a`; unset matches every path. */
  pathPrefix: z.string().max(100).regex(PATH_PREFIX, format('pathPrefix')).optional(),
  /** Cluster key the ALB sends this system's users to when the edge stack is created; defaults to `edge.liveCluster`. */
  liveCluster: dnsLabel().optional(),
  /** Disaster-recovery settings of the system (R1). */
  dr: z
    .strictObject({
      /** Path the Route 53 health check requests; defaults to the first app's health check path. */
      healthCheckPath: z.string().max(255).regex(URL_PATH, format('urlPath')).optional(),
    })
    .optional(),
  sharedFiles: sharedFilesSchema.optional(),
  efs: efsSchema.optional(),
  database: databaseSchema.optional(),
  apps: z.array(appSchema).min(1),
});

/** The standalone ALB that fronts every cluster for cluster blue/green (R4). */
const edgeSchema = z.strictObject({
  /** ACM certificate of the HTTPS listener in the primary region; it must cover every system host. */
  certificateArn: z.string().regex(ACM_CERTIFICATE_ARN, format('acmCertificateArn')),
  /** ACM certificate of the DR region's ALB; required when `regions.dr` is declared. */
  drCertificateArn: z.string().regex(ACM_CERTIFICATE_ARN, format('acmCertificateArn')).optional(),
  /** Cluster key that receives users when the stack is created; defaults to the first cluster. */
  liveCluster: dnsLabel().optional(),
  smokeTest: z
    .strictObject({
      /** Request header whose value names the cluster a smoke test reaches, for example `green`. */
      headerName: z.string().regex(HEADER_NAME, format('headerName')).default('x-kinko-smoke'),
      /** Cookie whose value names the cluster a smoke test reaches. */
      cookieName: z.string().regex(COOKIE_NAME, format('cookieName')).default('kinko-smoke'),
    })
    .prefault({}),
  /** Route 53 public hosted zone of the system hosts; the DR failover records go into it. */
  hostedZone: z
    .strictObject({
      id: z.string().regex(HOSTED_ZONE_ID, format('hostedZoneId')),
      name: z.string().regex(HOST, format('host')),
    })
    .optional(),
});

/** An exception to one `kinko audit` detection; each list given narrows it, empty lists match anything. */
const auditExceptionSchema = z.strictObject({
  /** Detection id, for example `pod-exec`; `kinko audit --list` prints them. */
  detection: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, format('dnsLabel')),
  users: z.array(z.string().min(1).max(253)).default([]),
  groups: z.array(z.string().min(1).max(253)).default([]),
  namespaces: z.array(dnsLabel()).default([]),
  names: z.array(z.string().min(1).max(253)).default([]),
  sourceRanges: z.array(z.string().regex(CIDR, format('cidr'))).default([]),
  reason: reasonText(),
});

/** Settings of `kinko audit`, the detector over the Kubernetes audit log (S12). */
const auditSchema = z.strictObject({
  /** Source address ranges whose every request is reported; empty reports none. */
  watchedSourceRanges: z.array(z.string().regex(CIDR, format('cidr'))).default([]),
  /** Denied requests by one user within the window that make a burst. */
  deniedBurst: z
    .strictObject({
      threshold: z.int().min(2).max(100000).default(10),
      windowSeconds: seconds(1, 86400).default(60),
    })
    .prefault({}),
  /** Seconds repeats of one alert (same detection, user and target) are counted, not printed; 0 prints every one. */
  repeatWindowSeconds: seconds(0, 86400).default(300),
  exceptions: z.array(auditExceptionSchema).default([]),
});

/** A vulnerability id as scanners print it: CVE-2026-1234, GHSA-xxxx-xxxx-xxxx, ALAS2023-2026-123. */
const FINDING_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{2,127}$/;
/** An ECR repository name in which `*` matches any run of characters, slashes included. */
const REPOSITORY_PATTERN = /^[a-z0-9*]+([._/-][a-z0-9*]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Check that `YYYY-MM-DD` names a real calendar day (rejects 2027-02-30). */
function isCalendarDate(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

/** An accepted scan finding: `kinko images` does not fail on it until the day after `expires` (S3). */
const imageExceptionSchema = z.strictObject({
  finding: z.string().regex(FINDING_ID, format('findingId')),
  /** ECR repository name or `*` pattern; absent covers every repository of the platform. */
  repository: z.string().max(256).regex(REPOSITORY_PATTERN, format('repositoryPattern')).optional(),
  reason: reasonText(),
  /** Last day (UTC) the exception applies; `kinko images` rejects one more than 180 days ahead. */
  expires: z.string().regex(ISO_DATE, format('isoDate')).refine(isCalendarDate, format('isoDate')),
});

const exceptionSchema = z.strictObject({
  control: z.enum(EXCEPTION_CONTROLS, format('exceptionControl')),
  /** YAML path or key of the setting the exception covers, as the error message names it. */
  target: z.string().min(1),
  reason: reasonText(),
});

export const platformConfigSchema = z.strictObject({
  name: z.string().regex(PLATFORM_NAME, format('platformName')),
  account: z.string().regex(ACCOUNT, format('account')),
  regions: z.strictObject({
    primary: regionSchema,
    /** Disaster-recovery region; optional, but banks are expected to declare one (R1). */
    dr: regionSchema.optional(),
  }),
  network: z
    .strictObject({
      vpcCidr: z.string().regex(CIDR, format('cidr')).default('10.0.0.0/16'),
      /** NAT gateways; defaults to one per Availability Zone. */
      natGateways: z.int().min(1).max(6).optional(),
      flowLogRetentionDays: logRetentionDays().default(365),
    })
    .prefault({}),
  clusters: z.array(clusterSchema).min(1).max(2),
  /** Standalone ALB for cluster blue/green; required with two clusters. */
  edge: edgeSchema.optional(),
  /** Times of the shutdown timing model (R6); the defaults are estimates to replace with measurements. */
  timing: z
    .strictObject({
      /** Seconds from a pod's deletion until kube-proxy and the ingress controller drop its endpoint. */
      endpointPropagationSeconds: seconds(0, 3600).default(30),
      /** Seconds from DeregisterTargets until the ALB stops sending new requests to the target. */
      albDeregistrationSeconds: seconds(0, 3600).default(60),
    })
    .prefault({}),
  ingress: z
    .strictObject({
      namespace: dnsLabel().default('nginx-ingress'),
      ingressClassName: dnsLabel().default('nginx'),
      httpNodePort: z.int().min(30000).max(32767).default(30080),
    })
    .prefault({}),
  gitops: z.strictObject({
    repoURL: z.string().regex(GIT_URL, format('gitUrl')),
    targetRevision: z.string().min(1).max(255).default('main'),
    path: z.string().regex(RELATIVE_PATH, format('relativePath')).default('out'),
    argocdNamespace: dnsLabel().default('argocd'),
    /** IAM Identity Center instance the EKS Argo CD capability signs users in with. */
    identityCenter: z
      .strictObject({
        instanceArn: z.string().regex(IDENTITY_CENTER_ARN, format('identityCenterArn')),
        region: z.string().regex(REGION, format('region')).optional(),
        adminGroupIds: z.array(z.string().min(1).max(64)).default([]),
      })
      .optional(),
  }),
  security: z
    .strictObject({
      /** Seven years by default, the retention Japanese banks commonly keep audit trails. */
      cloudTrailRetentionDays: z.int().min(90).max(3653).default(2557),
      controlPlaneLogRetentionDays: logRetentionDays().default(365),
    })
    .prefault({}),
  tags: z
    .record(
      z
        .string()
        .min(1)
        .max(128)
        .regex(/^(?!aws:)/, format('tagKey')),
      z.string().max(256),
    )
    .default({}),
  systems: z.array(systemSchema).min(1),
  exceptions: z.array(exceptionSchema).default([]),
  audit: auditSchema.prefault({}),
  /** Settings of `kinko images`, the deploy gate on ECR scan findings (S3). */
  images: z.strictObject({ exceptions: z.array(imageExceptionSchema).default([]) }).prefault({}),
  /** The `kinko guard` admission webhook deployed in every cluster (S2); none when left out. */
  guard: z
    .strictObject({
      image: z.strictObject({
        /** ECR repository in the platform's primary registry; defaults to `<platform>/kinko-guard`. */
        repository: z.string().regex(REPOSITORY, format('repositoryName')).max(256).optional(),
        /** sha256 digest of the pushed guard image; a digest pins the image that was scanned (S3). */
        digest: z.string().regex(IMAGE_DIGEST, format('imageDigest')),
      }),
    })
    .optional(),
});

export type PlatformConfig = z.output<typeof platformConfigSchema>;
export type PlatformConfigInput = z.input<typeof platformConfigSchema>;

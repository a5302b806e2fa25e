import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { argoCdCapabilityRoleName } from '../model/names.js';
import type { ResolvedCluster, ResolvedGitOps } from '../model/platform.js';

/** Service principal that EKS capabilities assume their roles with. */
const CAPABILITY_PRINCIPAL = 'capabilities.eks.amazonaws.com';

/** IAM Identity Center instance that Argo CD signs users in with, because the capability has no local users. */
export interface ArgoCdIdentityCenter {
  /** ARN of the IAM Identity Center instance, `arn:aws:sso:::instance/ssoins-…`. */
  readonly instanceArn: string;
  /** Region of the instance. Default: the cluster's region. */
  readonly region?: string;
  /** Identity Center group ids given the Argo CD ADMIN role. Default: none. */
  readonly adminGroupIds?: readonly string[];
}

export interface ArgoCdCapabilityProps {
  readonly cluster: eks.Cluster;
  readonly resolved: ResolvedCluster;
  /** Region of the cluster, part of the capability role's name. */
  readonly region: string;
  readonly gitops: ResolvedGitOps;
  readonly identityCenter: ArgoCdIdentityCenter;
}

const INSTANCE_ARN = /^arn:aws[a-z-]*:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/;

/**
 * The EKS Argo CD capability: an Argo CD that AWS runs for the cluster, in the platform's Argo CD
 * namespace, which syncs the synthesized manifests from git.
 */
export class ArgoCdCapability extends Construct {
  readonly capability: eks.CfnCapability;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ArgoCdCapabilityProps) {
    super(scope, id);
    const { cluster, resolved, region, gitops, identityCenter } = props;
    if (!INSTANCE_ARN.test(identityCenter.instanceArn)) {
      throw new Error(
        `The IAM Identity Center instance ARN for the Argo CD capability is "${identityCenter.instanceArn}"; ` +
          'it must look like arn:aws:sso:::instance/ssoins-0123456789abcdef (aws sso-admin list-instances prints it).',
      );
    }

    // NOTE: the role has no permissions, which is enough for a git repository that Argo CD reads over
    // HTTPS; CodeConnections or credentials in Secrets Manager would need statements here.
    // The name is fixed and the role has no path, so the access entry that EKS creates for it has
    // the group `eks-access-entry:arn:aws:iam::<account>:role/<name>`, which the RBAC manifests
    // in argocd/05-capability-rbac.yaml bind.
    this.role = new iam.Role(this, 'Role', {
      roleName: argoCdCapabilityRoleName(resolved.name, region),
      assumedBy: new iam.SessionTagsPrincipal(new iam.ServicePrincipal(CAPABILITY_PRINCIPAL)),
      description: `Kinko ${resolved.name}: the role of the EKS Argo CD capability`,
    });

    const adminGroupIds = identityCenter.adminGroupIds ?? [];
    // EKS creates the role's access entry itself, with no access policy. CloudFormation cannot
    // associate a policy with an entry it does not own, so Kubernetes RBAC grants the rights.
    this.capability = new eks.CfnCapability(this, 'Resource', {
      capabilityName: `${resolved.name}-argocd`,
      clusterName: cluster.clusterName,
      type: 'ARGOCD',
      roleArn: this.role.roleArn,
      deletePropagationPolicy: 'RETAIN',
      configuration: {
        argoCd: {
          namespace: gitops.argocdNamespace,
          awsIdc: {
            idcInstanceArn: identityCenter.instanceArn,
            ...(identityCenter.region === undefined ? {} : { idcRegion: identityCenter.region }),
          },
          ...(adminGroupIds.length === 0
            ? {}
            : {
                rbacRoleMappings: [
                  {
                    role: 'ADMIN',
                    identities: adminGroupIds.map((groupId) => ({
                      id: groupId,
                      type: 'SSO_GROUP',
                    })),
                  },
                ],
              }),
        },
      },
    });
    this.capability.node.addDependency(cluster);
  }
}

import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { Construct } from 'constructs';
import type { ResolvedSystem } from '../model/platform.js';
import type { ControlLedger } from './control-ledger.js';
import type { SystemResources } from './system-resources.js';

export interface SystemAccessProps {
  readonly cluster: eks.Cluster;
  readonly system: ResolvedSystem;
  readonly resources: SystemResources;
  readonly ledger: ControlLedger;
}

/**
 * How one system reaches one cluster: an access entry that maps the system's administrator role
 * to its Kubernetes group, and a Pod Identity association that gives the system's ServiceAccount
 * its pod role.
 */
export class SystemAccess extends Construct {
  constructor(scope: Construct, id: string, props: SystemAccessProps) {
    super(scope, id);
    const { cluster, system, resources, ledger } = props;

    // No access policy: IAM only authenticates the administrators, and the Role and RoleBinding in
    // the system's namespace (from the Kubernetes manifests) authorize the group.
    const accessEntry = new eks.CfnAccessEntry(this, 'AdminAccessEntry', {
      clusterName: cluster.clusterName,
      principalArn: system.adminRoleArn,
      type: 'STANDARD',
      kubernetesGroups: [system.adminGroup],
    });
    accessEntry.node.addDependency(cluster);
    ledger.record('S6', accessEntry, {
      en: `Access entry: ${system.displayName} administrators (${system.adminRoleArn}) join Kubernetes group ${system.adminGroup}, with no access policy, so RBAC in namespace ${system.namespace} authorizes them`,
      ja: `アクセスエントリ：${system.displayName} 管理者（${system.adminRoleArn}）を Kubernetes グループ ${system.adminGroup} に対応付け（アクセスポリシーなし、名前空間 ${system.namespace} の RBAC で認可）`,
    });

    const association = new eks.CfnPodIdentityAssociation(this, 'PodIdentityAssociation', {
      clusterName: cluster.clusterName,
      namespace: system.namespace,
      serviceAccount: system.serviceAccountName,
      roleArn: resources.podRole.roleArn,
    });
    association.node.addDependency(cluster);
    ledger.record('S7', association, {
      en: `Pod Identity association: ServiceAccount ${system.namespace}/${system.serviceAccountName} receives role ${system.podRoleName}`,
      ja: `Pod Identity の関連付け：ServiceAccount ${system.namespace}/${system.serviceAccountName} にロール ${system.podRoleName} を付与`,
    });
  }
}

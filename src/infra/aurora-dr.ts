import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import type { ResolvedPlatform } from '../model/platform.js';
import { acknowledgeClusterRules, addDatabaseInstances, commonClusterProps } from './aurora.js';
import type { ControlLedger } from './control-ledger.js';
import { PlatformStack } from './platform-stack.js';
import type { Site } from './site.js';
import type { SystemResources } from './system-resources.js';

/**
 * The DR region's secondary Aurora clusters, one per system that declares a database (R1). Each
 * joins its system's global database by the global cluster identifier, a name and not a
 * reference, because CloudFormation cannot refer to another region. The global cluster must
 * exist first, so this stack deploys after the primary systems stack, and it has no master user:
 * the secondary takes the primary's.
 *
 * A secondary with instances (one by default) costs an instance per system, but a managed
 * failover or a switchover makes it the writer in minutes; a headless secondary
 * (`drInstances: 0`) costs storage only, and a failover must first create an instance.
 */
export class DrDatabaseStack extends PlatformStack {
  constructor(
    scope: Construct,
    platform: ResolvedPlatform,
    site: Site,
    systems: ReadonlyMap<string, SystemResources>,
    ledger: ControlLedger,
  ) {
    super(
      scope,
      `${site.stackPrefix}-databases`,
      platform,
      site.region,
      `Kinko ${platform.name}: secondary Aurora clusters of the global databases (DR region)`,
    );

    for (const system of platform.systems) {
      const database = system.database;
      const resources = systems.get(system.name);
      const foundation = resources?.dataStores?.databaseFoundation;
      if (database === undefined) continue;
      if (resources === undefined || foundation === undefined) {
        throw new Error(
          `System ${system.name} declares a database, but the DR systems stack has no subnet and parameter groups for it. Build both from the same platform.`,
        );
      }
      if (database.globalClusterIdentifier === undefined) {
        throw new Error(
          `System ${system.name} has no global cluster identifier; it is resolved only when regions.dr is declared.`,
        );
      }

      const scope = new Construct(this, `System-${system.name}`);
      const cluster = new rds.CfnDBCluster(scope, 'Cluster', {
        ...commonClusterProps(system, database, foundation, resources.key),
        globalClusterIdentifier: database.globalClusterIdentifier,
      });
      acknowledgeClusterRules(cluster, database);
      addDatabaseInstances(
        scope,
        cluster,
        database,
        foundation,
        site.region.availabilityZones,
        database.drInstances,
        resources.key,
      );
      ledger.record('R1', cluster, {
        en: `${system.displayName} Aurora secondary cluster ${database.clusterIdentifier} in ${site.region.region}, in global database ${database.globalClusterIdentifier}, with ${database.drInstances} instances, encrypted with ${system.kmsAliasName} there`,
        ja: `${system.displayName} の Aurora セカンダリクラスター ${database.clusterIdentifier}（${site.region.region}、グローバルデータベース ${database.globalClusterIdentifier} に参加、インスタンス ${database.drInstances} 台、複製先の ${system.kmsAliasName} で暗号化）`,
      });
    }
  }
}

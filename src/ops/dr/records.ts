/** Reads and writes a system's PRIMARY failover record in the declared hosted zone. */
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';

import { KinkoError } from '../../errors.js';
import { failoverSetIdentifier } from '../../infra/edge-failover.js';
import { awsStep, EDGE_NOT_FOUND } from '../bluegreen/discover.js';

/** Alias target of a record, as Route 53 stores it. */
export interface AliasState {
  readonly dnsName: string;
  readonly hostedZoneId: string;
}

/** Route 53 returns names with a trailing dot and ALB names sometimes with `dualstack.`. */
export function normalizeDnsName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^dualstack\./, '');
}

export async function findPrimaryRecord(
  client: Route53Client,
  zoneId: string,
  host: string,
  system: string,
): Promise<ResourceRecordSet> {
  const identifier = failoverSetIdentifier(system, 'PRIMARY');
  const listed = await awsStep('ListResourceRecordSets', () =>
    client.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: host,
        StartRecordType: 'A',
        MaxItems: 100,
      }),
    ),
  );
  const record = listed.ResourceRecordSets?.find(
    (candidate) =>
      normalizeDnsName(candidate.Name ?? '') === host &&
      candidate.Type === 'A' &&
      candidate.SetIdentifier === identifier,
  );
  if (record === undefined) {
    throw new KinkoError(EDGE_NOT_FOUND, 'user', {
      messageId: 'ops.dr.recordNotFound',
      params: { host, identifier, zone: zoneId },
    });
  }
  return record;
}

export function aliasOf(record: ResourceRecordSet): AliasState {
  return {
    dnsName: normalizeDnsName(record.AliasTarget?.DNSName ?? ''),
    hostedZoneId: record.AliasTarget?.HostedZoneId ?? '',
  };
}

/**
 * UPSERTs the record with a new alias target, keeping its failover role, health check and
 * target-health setting, then waits for the change to be INSYNC.
 */
export async function writeAlias(
  client: Route53Client,
  zoneId: string,
  record: ResourceRecordSet,
  alias: AliasState,
  pollMilliseconds = 5000,
): Promise<void> {
  const changed = await awsStep('ChangeResourceRecordSets', () =>
    client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Comment: `kinko dr: ${record.Name ?? ''} ${record.SetIdentifier ?? ''} -> ${alias.dnsName}`,
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: {
                Name: record.Name,
                Type: record.Type,
                SetIdentifier: record.SetIdentifier,
                Failover: record.Failover,
                ...(record.HealthCheckId !== undefined
                  ? { HealthCheckId: record.HealthCheckId }
                  : {}),
                AliasTarget: {
                  DNSName: alias.dnsName,
                  HostedZoneId: alias.hostedZoneId,
                  EvaluateTargetHealth: record.AliasTarget?.EvaluateTargetHealth ?? false,
                },
              },
            },
          ],
        },
      }),
    ),
  );

  // Route 53 applies a change batch atomically. INSYNC means every Route 53 name server has the
  // change; the API itself returns the new record at once, which is what the verify step reads.
  const changeId = changed.ChangeInfo?.Id;
  if (changeId !== undefined && changed.ChangeInfo?.Status !== 'INSYNC') {
    await waitInSync(client, changeId, pollMilliseconds);
  }
}

/** How many GetChange polls `waitInSync` makes before it stops waiting. */
export const INSYNC_POLLS = 60;

/**
 * Polls GetChange until the change is INSYNC; Route 53 usually gets there within a minute
 * (estimate). After INSYNC_POLLS polls the wait ends without an error, because the change is
 * already in force and only its spread to the name servers is late.
 */
export async function waitInSync(
  client: Route53Client,
  changeId: string,
  pollMilliseconds: number,
): Promise<boolean> {
  for (let poll = 0; poll < INSYNC_POLLS; poll += 1) {
    const change = await awsStep('GetChange', () =>
      client.send(new GetChangeCommand({ Id: changeId })),
    );
    if (change.ChangeInfo?.Status === 'INSYNC') return true;
    await new Promise((resolve) => setTimeout(resolve, pollMilliseconds));
  }
  return false;
}

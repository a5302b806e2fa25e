/**
 * The public control catalogues each practice serves. NIST SP 800-53 rev 5 control ids are not
 * typed here: they are read from the cdk-nag NIST 800-53 R5 rule pack that synth runs, for the
 * rules that check the resources implementing the practice. CIS Amazon EKS Benchmark items and
 * FISC items are listed only where a public source states the item, with that source; anything
 * else is shown as unknown rather than guessed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import type { PracticeId } from '../model/practices.js';

export interface CitedItem {
  /** Item number as the source states it. */
  readonly item: string;
  readonly title: string;
  /** Benchmark or standard version the source covers. */
  readonly version: string;
  /** Public page that states the item. */
  readonly source: string;
}

export interface CatalogueEntry {
  /** cdk-nag NIST.800.53.R5 rules that check the resources implementing the practice. */
  readonly nistRules: readonly string[];
  readonly cis: readonly CitedItem[];
  readonly fisc: readonly CitedItem[];
}

/**
 * Rules are chosen by resource type: a rule is listed when it checks a resource type that the
 * practice's ledger records (AWS::SecretsManager::Secret, AWS::KMS::Key, AWS::IAM::Role,
 * AWS::CloudTrail::Trail, AWS::Logs::LogGroup, AWS::S3::Bucket,
 * AWS::ElasticLoadBalancingV2::LoadBalancer) and bears on what the practice claims. Practices
 * built from Kubernetes manifests, ECR, GuardDuty, EKS access entries or add-ons have no rule in
 * the pack.
 */
export const CATALOGUE: Readonly<Record<PracticeId, CatalogueEntry>> = {
  S1: { nistRules: [], cis: [], fisc: [] },
  S2: { nistRules: [], cis: [], fisc: [] },
  S3: {
    nistRules: [],
    cis: [
      {
        item: '5.1.1',
        title:
          'Ensure Image Vulnerability Scanning using Amazon ECR image scanning or a third party provider',
        version: 'CIS Amazon EKS Benchmark 1.5.0',
        source:
          'https://avd.aquasec.com/compliance/kubernetes/eks-1.5.0/eks-1.5.0-managedservices/5.1/',
      },
    ],
    fisc: [],
  },
  S4: {
    nistRules: ['SecretsManagerUsingKMSKey', 'KMSBackingKeyRotationEnabled'],
    cis: [],
    fisc: [],
  },
  S5: { nistRules: [], cis: [], fisc: [] },
  S6: { nistRules: [], cis: [], fisc: [] },
  S7: {
    nistRules: ['IAMPolicyNoStatementsWithAdminAccess', 'IAMPolicyNoStatementsWithFullAccess'],
    cis: [],
    fisc: [],
  },
  S8: { nistRules: [], cis: [], fisc: [] },
  S9: { nistRules: [], cis: [], fisc: [] },
  S10: { nistRules: [], cis: [], fisc: [] },
  S11: { nistRules: [], cis: [], fisc: [] },
  S12: {
    nistRules: [
      'CloudTrailCloudWatchLogsEnabled',
      'CloudTrailEncryptionEnabled',
      'CloudTrailLogFileValidationEnabled',
      'CloudWatchLogGroupEncrypted',
      'CloudWatchLogGroupRetentionPeriod',
    ],
    cis: [
      {
        item: '2.1.1',
        title: 'Enable audit Logs',
        version: 'CIS Amazon EKS Benchmark 1.1.0',
        source: 'https://docs.lacework.net/catalog/policies/lacework-global-315',
      },
    ],
    fisc: [],
  },
  R1: { nistRules: ['S3BucketVersioningEnabled'], cis: [], fisc: [] },
  R2: { nistRules: [], cis: [], fisc: [] },
  R3: { nistRules: [], cis: [], fisc: [] },
  R4: { nistRules: ['ELBLoggingEnabled', 'ELBDeletionProtectionEnabled'], cis: [], fisc: [] },
  R5: { nistRules: ['S3BucketVersioningEnabled'], cis: [], fisc: [] },
  R6: { nistRules: [], cis: [], fisc: [] },
};

/** Control ids per rule name, as the installed cdk-nag NIST 800-53 R5 pack states them. */
export type NistRuleControls = ReadonlyMap<string, readonly string[]>;

const RULE_INFO = /info:\s*(['"])((?:(?!\1).)*)\1,[\s\S]*?rule:\s*[\w$]+\.(\w+)/g;

/** Parse the rule pack's source: each rule's `info` text ends with `(Control IDs: ...)`. */
export function parseNistPack(source: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  for (const match of source.matchAll(RULE_INFO)) {
    const info = match[2] ?? '';
    const marker = info.lastIndexOf('(Control ID');
    if (marker < 0) continue;
    const list = info.slice(info.indexOf(':', marker) + 1).replace(/\)\.?\s*$/, '');
    const ids = [
      ...new Set(
        list
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      ),
    ];
    rules.set(match[3] ?? '', ids);
  }
  return rules;
}

/** Read the installed pack; undefined when cdk-nag's files are not where they were. */
export function loadNistPack(): NistRuleControls | undefined {
  try {
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve('cdk-nag/package.json'));
    const source = readFileSync(join(packageDir, 'lib', 'packs', 'nist-800-53-r5.js'), 'utf8');
    const rules = parseNistPack(source);
    return rules.size > 0 ? rules : undefined;
  } catch {
    return undefined;
  }
}

/** NIST control ids for a practice, sorted; undefined when the pack could not be read. */
export function nistControls(
  practice: PracticeId,
  pack: NistRuleControls | undefined,
): readonly string[] | undefined {
  if (pack === undefined) return undefined;
  const ids = new Set<string>();
  for (const rule of CATALOGUE[practice].nistRules) {
    for (const id of pack.get(rule) ?? []) ids.add(id);
  }
  return [...ids].sort(compareControlIds);
}

function compareControlIds(left: string, right: string): number {
  return left.localeCompare(right, 'en', { numeric: true });
}

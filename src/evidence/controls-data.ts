/**
 * controls.json: the machine-readable twin of controls.md that `kinko synth` writes. It contains
 * the ledgers (CloudFormation resources and Kubernetes manifests per practice), the suppressed
 * cdk-nag findings and the known gaps, so `kinko evidence` need not synthesize again.
 */
import type {
  CloudFormationImplementation,
  ControlsReportInput,
  ManifestImplementation,
  NagSuppression,
} from '../synth/controls-report.js';
import type { KnownGap } from '../synth/known-gaps.js';

export const CONTROLS_JSON = 'controls.json';
export const CONTROLS_JSON_VERSION = 1;

export interface ControlsData {
  readonly version: number;
  readonly platform: string;
  readonly cloudFormation: readonly CloudFormationImplementation[];
  readonly manifests: readonly ManifestImplementation[];
  readonly suppressions: readonly NagSuppression[];
  readonly gaps: readonly KnownGap[];
}

export function controlsData(report: ControlsReportInput): ControlsData {
  return {
    version: CONTROLS_JSON_VERSION,
    platform: report.platform,
    cloudFormation: report.cloudFormation,
    manifests: report.manifests,
    suppressions: report.suppressions,
    gaps: report.gaps ?? [],
  };
}

export function renderControlsJson(report: ControlsReportInput): string {
  return `${JSON.stringify(controlsData(report), null, 2)}\n`;
}

/** Check the parsed file's shape; returns a reason when it is not a controls.json Kinko wrote. */
export function controlsDataProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const data = value as Record<string, unknown>;
  if (data.version !== CONTROLS_JSON_VERSION) return `version is ${String(data.version)}, not 1`;
  if (typeof data.platform !== 'string') return 'no platform name';
  for (const key of ['cloudFormation', 'manifests', 'suppressions', 'gaps']) {
    if (!Array.isArray(data[key])) return `no ${key} list`;
  }
  return undefined;
}

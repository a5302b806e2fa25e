/**
 * `kinko synth`: platform.yaml → CDK cloud assembly, Kubernetes manifests and the controls
 * report. Everything is written to a staging folder first and moved into place only when every
 * phase succeeded, so a failure leaves the previous output untouched.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

import { App } from 'aws-cdk-lib';

import { loadPlatformConfig } from '../config/load.js';
import { KinkoError } from '../errors.js';
import { CONTROLS_JSON, renderControlsJson } from '../evidence/controls-data.js';
import { buildInfra } from '../infra/app.js';
import { applyNagPacks, collectNagFindings } from '../infra/nag.js';
import { NODE_RELEASES_CONTEXT, type NodeReleasesContext } from '../infra/node-groups.js';
import { buildManifests, renderManifestFile } from '../kube/index.js';
import type { ResolvedPlatform } from '../model/platform.js';
import { resolvePlatform } from '../model/resolve.js';
import { readRecord, recordPathFor } from '../ops/nodes/record.js';
import {
  checkOutputDir,
  createStagingDir,
  OUTPUT_MARKER,
  OUTPUT_MARKER_TEXT,
} from './output-dir.js';
import { KNOWN_GAPS } from './known-gaps.js';
import {
  renderControlsReport,
  suppressionsFromTemplate,
  type ControlsReportInput,
  type NagSuppression,
} from './controls-report.js';

export const SYNTH_NAG_ERRORS = 'KINKO_SYNTH_NAG_ERRORS';
export const SYNTH_ASSEMBLY_ERRORS = 'KINKO_SYNTH_ASSEMBLY_ERRORS';

/** Entries of the output folder that synth owns and replaces; anything else there is left alone. */
export const OUTPUT_ENTRIES = [
  'cdk',
  'k8s',
  'controls.md',
  'controls.ja.md',
  CONTROLS_JSON,
  OUTPUT_MARKER,
] as const;

export type SynthPhase = 'config' | 'infra' | 'nag' | 'manifests' | 'report' | 'write';

export interface SynthOptions {
  readonly configFile: string;
  readonly outDir: string;
  /** Called when a phase starts, for progress lines. */
  readonly onPhase?: (phase: SynthPhase) => void;
}

export interface SynthResult {
  readonly platform: ResolvedPlatform;
  readonly outDir: string;
  readonly templates: readonly string[];
  readonly manifestFiles: readonly string[];
  readonly implementedPractices: number;
  readonly suppressions: number;
  /** Warnings the CDK constructs attached, as `construct path: text`. */
  readonly warnings: readonly string[];
}

export function synth(options: SynthOptions): SynthResult {
  const phase = options.onPhase ?? (() => undefined);
  const outDir = checkOutputDir(options.outDir, OUTPUT_ENTRIES);

  phase('config');
  const platform = resolvePlatform(loadPlatformConfig(options.configFile));
  const nodeReleases = nodeReleasesContext(options.configFile);

  const staging = createStagingDir(outDir);
  try {
    const result = synthInto(platform, staging, phase, nodeReleases);

    phase('write');
    replaceOutput(staging, outDir);
    return {
      ...result,
      outDir,
      templates: result.templates.map((file) => join(outDir, file)),
      manifestFiles: result.manifestFiles.map((file) => join(outDir, file)),
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function synthInto(
  platform: ResolvedPlatform,
  staging: string,
  phase: (phase: SynthPhase) => void,
  nodeReleases: NodeReleasesContext,
): Omit<SynthResult, 'outDir'> {
  phase('infra');
  // analyticsReporting off: no AWS::CDK::Metadata resource, so templates carry no usage telemetry.
  const app = new App({
    outdir: join(staging, 'cdk'),
    analyticsReporting: false,
    context: { [NODE_RELEASES_CONTEXT]: nodeReleases },
  });
  const infra = buildInfra(app, platform);
  applyNagPacks(app);

  phase('nag');
  const assembly = app.synth();
  const assemblyErrors = assembly.stacks.flatMap((stack) =>
    stack.messages.filter(
      (message) => message.level === 'error' && !String(message.entry.data).includes('[Nag'),
    ),
  );
  const warnings = assembly.stacks.flatMap((stack) =>
    stack.messages
      .filter((message) => message.level === 'warning')
      .map((message) => `${message.id}: ${String(message.entry.data)}`),
  );
  const nagFindings = collectNagFindings(assembly).filter((finding) => finding.level === 'error');
  if (nagFindings.length > 0) {
    throw new KinkoError(
      SYNTH_NAG_ERRORS,
      'tool',
      { messageId: 'synth.nag.errors', params: { count: nagFindings.length } },
      nagFindings.map((finding) => ({
        messageId: 'synth.nag.finding',
        params: { rule: finding.ruleId, path: finding.path, message: finding.message },
      })),
    );
  }
  if (assemblyErrors.length > 0) {
    throw new KinkoError(
      SYNTH_ASSEMBLY_ERRORS,
      'tool',
      { messageId: 'synth.assembly.errors', params: { count: assemblyErrors.length } },
      assemblyErrors.map((message) => ({
        messageId: 'synth.assembly.error',
        params: { path: message.id, message: String(message.entry.data) },
      })),
    );
  }

  const templates: string[] = [];
  const suppressions: NagSuppression[] = [];
  for (const stack of assembly.stacks) {
    templates.push(join('cdk', stack.templateFile));
    suppressions.push(...suppressionsFromTemplate(stack.stackName, stack.template));
  }

  phase('manifests');
  const manifests = buildManifests(platform);
  const manifestFiles: string[] = [];
  for (const file of manifests.files) {
    const path = join('k8s', file.cluster, file.namespace, file.fileName);
    mkdirSync(join(staging, dirname(path)), { recursive: true });
    writeFileSync(join(staging, path), renderManifestFile(file));
    manifestFiles.push(path);
  }

  phase('report');
  const report: ControlsReportInput = {
    platform: platform.name,
    cloudFormation: infra.ledger.entries(),
    manifests: manifests.ledger.map((entry) => ({
      practice: entry.practice,
      file: entry.file,
      kind: entry.kind,
      name: entry.namespace !== undefined ? `${entry.namespace}/${entry.name}` : entry.name,
      summary: entry.summary,
    })),
    exceptions: platform.exceptions,
    suppressions,
    gaps: [...KNOWN_GAPS, ...infra.ledger.gaps()],
  };
  writeFileSync(join(staging, 'controls.md'), renderControlsReport(report, 'en'));
  writeFileSync(join(staging, 'controls.ja.md'), renderControlsReport(report, 'ja'));
  writeFileSync(join(staging, CONTROLS_JSON), renderControlsJson(report));
  writeFileSync(join(staging, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);

  const implemented = new Set(
    [...report.cloudFormation, ...report.manifests].map((entry) => entry.practice),
  );
  return {
    platform,
    warnings,
    templates,
    manifestFiles,
    implementedPractices: implemented.size,
    suppressions: suppressions.length,
  };
}

/**
 * Move the staged entries into the output folder. Each owned entry is swapped by rename, the
 * old one first set aside, so a reader never sees a half-written tree.
 */
function replaceOutput(staging: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const aside = join(outDir, `.previous-${process.pid}`);
  rmSync(aside, { recursive: true, force: true });
  mkdirSync(aside);
  try {
    for (const entry of OUTPUT_ENTRIES) {
      if (existsSync(join(outDir, entry))) renameSync(join(outDir, entry), join(aside, entry));
    }
    for (const entry of OUTPUT_ENTRIES) {
      renameSync(join(staging, entry), join(outDir, entry));
    }
  } catch (error) {
    // Put the previous output back so the folder holds one complete generation.
    for (const entry of OUTPUT_ENTRIES) {
      if (existsSync(join(aside, entry))) {
        rmSync(join(outDir, entry), { recursive: true, force: true });
        renameSync(join(aside, entry), join(outDir, entry));
      }
    }
    throw error;
  } finally {
    rmSync(aside, { recursive: true, force: true });
  }
}

/**
 * Reads the recorded release lookup next to platform.yaml. A missing file gives no releases, so
 * every node group is reported unpinned; an invalid one stops synth.
 */
function nodeReleasesContext(configFile: string): NodeReleasesContext {
  const file = recordPathFor(configFile);
  return { file: basename(file), releases: readRecord(file)?.releases ?? [] };
}

/** List files under `dir`, relative to it, sorted; used by the CLI summary and tests. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files.sort();
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

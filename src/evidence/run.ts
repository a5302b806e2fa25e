/**
 * `kinko evidence`: read the test results of the last run and the controls synth recorded,
 * resolve platform.yaml for the diagram, and write evidence.md, evidence.ja.md and
 * evidence.html into the output folder.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadPlatformConfig } from '../config/load.js';
import { KinkoError } from '../errors.js';
import type { Locale } from '../i18n/locale.js';
import { resolvePlatform } from '../model/resolve.js';
import { buildEvidence, type EvidencePack } from './build.js';
import { loadNistPack } from './catalogues.js';
import { controlsDataProblem, type ControlsData } from './controls-data.js';
import { renderDiagram } from './diagram.js';
import { renderEvidenceHtml } from './html.js';
import { JUnitFormatError, parseJUnit, type TestResult } from './junit.js';
import { renderEvidenceMarkdown } from './markdown.js';

export const EVIDENCE_RESULTS_MISSING = 'KINKO_EVIDENCE_RESULTS_MISSING';
export const EVIDENCE_RESULTS_MALFORMED = 'KINKO_EVIDENCE_RESULTS_MALFORMED';
export const EVIDENCE_CONTROLS_MISSING = 'KINKO_EVIDENCE_CONTROLS_MISSING';
export const EVIDENCE_CONTROLS_MALFORMED = 'KINKO_EVIDENCE_CONTROLS_MALFORMED';
export const EVIDENCE_CONTROLS_STALE = 'KINKO_EVIDENCE_CONTROLS_STALE';

export const EVIDENCE_FILES = ['evidence.md', 'evidence.ja.md', 'evidence.html'] as const;

export interface EvidenceOptions {
  readonly configFile: string;
  readonly resultsFile: string;
  readonly controlsFile: string;
  readonly outDir: string;
  /** Language of evidence.html; the Markdown is written in both. */
  readonly locale: Locale;
}

export interface EvidenceResult {
  readonly pack: EvidencePack;
  readonly files: readonly string[];
}

export function readTestResults(file: string): TestResult[] {
  if (!existsSync(file)) {
    throw new KinkoError(EVIDENCE_RESULTS_MISSING, 'user', {
      messageId: 'evidence.results.missing',
      params: { file },
    });
  }
  let results: TestResult[];
  try {
    results = parseJUnit(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof JUnitFormatError)) throw error;
    throw new KinkoError(EVIDENCE_RESULTS_MALFORMED, 'user', {
      messageId: 'evidence.results.malformed',
      params: { file, reason: error.reason },
    });
  }
  if (results.length === 0) {
    throw new KinkoError(EVIDENCE_RESULTS_MALFORMED, 'user', {
      messageId: 'evidence.results.empty',
      params: { file },
    });
  }
  return results;
}

export function readControls(file: string): ControlsData {
  if (!existsSync(file)) {
    throw new KinkoError(EVIDENCE_CONTROLS_MISSING, 'user', {
      messageId: 'evidence.controls.missing',
      params: { file },
    });
  }
  let value: unknown;
  let problem: string | undefined;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
    problem = controlsDataProblem(value);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    problem = error.message;
  }
  if (problem !== undefined) {
    throw new KinkoError(EVIDENCE_CONTROLS_MALFORMED, 'user', {
      messageId: 'evidence.controls.malformed',
      params: { file, reason: problem },
    });
  }
  return value as ControlsData;
}

export function runEvidence(options: EvidenceOptions): EvidenceResult {
  const platform = resolvePlatform(loadPlatformConfig(options.configFile));
  const controls = readControls(options.controlsFile);
  if (controls.platform !== platform.name) {
    throw new KinkoError(EVIDENCE_CONTROLS_STALE, 'user', {
      messageId: 'evidence.controls.stale',
      params: { file: options.controlsFile, found: controls.platform, expected: platform.name },
    });
  }
  const results = readTestResults(options.resultsFile);
  const pack = buildEvidence({ controls, results, nistPack: loadNistPack() });

  mkdirSync(options.outDir, { recursive: true });
  const files = EVIDENCE_FILES.map((name) => join(options.outDir, name));
  const [markdown, japanese, html] = files;
  writeFileSync(markdown ?? '', renderEvidenceMarkdown(pack, 'en'));
  writeFileSync(japanese ?? '', renderEvidenceMarkdown(pack, 'ja'));
  writeFileSync(
    html ?? '',
    renderEvidenceHtml(pack, renderDiagram(platform, options.locale), options.locale),
  );
  return { pack, files };
}

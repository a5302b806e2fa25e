/**
 * The evidence pack's content: for each practice, what implements it (from controls.json), the
 * tests that prove it (from the JUnit results, by title tags), its gaps and the public catalogue
 * items it serves; then Kinko's own controls and their tests.
 *
 * Status rule: any failing test makes a control `failing`; otherwise at least one passing test
 * makes it `done`; otherwise it is `unproven`. Skipped tests prove nothing.
 */
import { PRACTICES, type Practice, type PracticeId } from '../model/practices.js';
import type {
  CloudFormationImplementation,
  LocalizedText,
  ManifestImplementation,
} from '../synth/controls-report.js';
import { CATALOGUE, nistControls, type CitedItem, type NistRuleControls } from './catalogues.js';
import type { ControlsData } from './controls-data.js';
import type { TestResult } from './junit.js';
import { parseTitleTags, stripTitleTags } from './tags.js';

export type ControlStatus = 'done' | 'failing' | 'unproven';

export interface ProvingTest {
  readonly title: string;
  readonly component?: string;
  readonly outcome: TestResult['outcome'];
  readonly suite: string;
  readonly file?: string;
  readonly message?: string;
}

export interface PracticeEvidence {
  readonly practice: Practice;
  readonly status: ControlStatus;
  readonly resources: readonly CloudFormationImplementation[];
  readonly manifests: readonly ManifestImplementation[];
  readonly tests: readonly ProvingTest[];
  readonly gaps: readonly LocalizedText[];
  readonly nistRules: readonly string[];
  /** undefined when the cdk-nag pack could not be read. */
  readonly nist: readonly string[] | undefined;
  readonly cis: readonly CitedItem[];
  readonly fisc: readonly CitedItem[];
}

export interface OwnControlEvidence {
  readonly control: string;
  readonly status: ControlStatus;
  readonly tests: readonly ProvingTest[];
}

export interface EvidencePack {
  readonly platform: string;
  readonly practices: readonly PracticeEvidence[];
  readonly ownControls: readonly OwnControlEvidence[];
  readonly totals: {
    readonly tests: number;
    readonly passed: number;
    readonly failed: number;
    readonly skipped: number;
    /** Tests whose title names no control. */
    readonly untagged: number;
  };
}

export interface EvidenceInput {
  readonly controls: ControlsData;
  readonly results: readonly TestResult[];
  readonly nistPack: NistRuleControls | undefined;
}

export function statusOf(tests: readonly ProvingTest[]): ControlStatus {
  if (tests.some((test) => test.outcome === 'failed')) return 'failing';
  if (tests.some((test) => test.outcome === 'passed')) return 'done';
  return 'unproven';
}

function provingTest(result: TestResult, component: string | undefined): ProvingTest {
  return {
    title: stripTitleTags(result.name),
    ...(component !== undefined ? { component } : {}),
    outcome: result.outcome,
    suite: result.suite,
    ...(result.file !== undefined ? { file: result.file } : {}),
    ...(result.message !== undefined ? { message: result.message } : {}),
  };
}

export function buildEvidence(input: EvidenceInput): EvidencePack {
  const byPractice = new Map<PracticeId, ProvingTest[]>();
  const byOwn = new Map<string, ProvingTest[]>();
  let untagged = 0;

  for (const result of input.results) {
    const tags = parseTitleTags(result.name);
    if (tags.practices.length === 0 && tags.ownControls.length === 0) untagged++;
    const test = provingTest(result, tags.component);
    for (const practice of tags.practices) {
      byPractice.set(practice, [...(byPractice.get(practice) ?? []), test]);
    }
    for (const control of tags.ownControls) {
      byOwn.set(control, [...(byOwn.get(control) ?? []), test]);
    }
  }

  const practices = PRACTICES.map((practice): PracticeEvidence => {
    const tests = byPractice.get(practice.id) ?? [];
    const catalogue = CATALOGUE[practice.id];
    return {
      practice,
      status: statusOf(tests),
      resources: input.controls.cloudFormation.filter((entry) => entry.practice === practice.id),
      manifests: input.controls.manifests.filter((entry) => entry.practice === practice.id),
      tests,
      gaps: input.controls.gaps
        .filter((gap) => gap.practice === practice.id)
        .map((gap) => gap.text),
      nistRules: catalogue.nistRules,
      nist: nistControls(practice.id, input.nistPack),
      cis: catalogue.cis,
      fisc: catalogue.fisc,
    };
  });

  const ownControls = [...byOwn.keys()].sort().map((control): OwnControlEvidence => {
    const tests = byOwn.get(control) ?? [];
    return { control, status: statusOf(tests), tests };
  });

  return {
    platform: input.controls.platform,
    practices,
    ownControls,
    totals: {
      tests: input.results.length,
      passed: input.results.filter((result) => result.outcome === 'passed').length,
      failed: input.results.filter((result) => result.outcome === 'failed').length,
      skipped: input.results.filter((result) => result.outcome === 'skipped').length,
      untagged,
    },
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type App,
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
  Validations,
} from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks, type NagPack, NIST80053R5Checks } from 'cdk-nag';

/** Name of Kinko's validation plugin in CDK's validation report. */
export const NAG_PLUGIN_NAME = 'kinko-cdk-nag';

/** File, in the cloud assembly directory, where CDK writes every validation plugin's report. */
const VALIDATION_REPORT_FILE = 'validation-report.json';

/** A cdk-nag rule violation that no acknowledgement covers. */
export interface NagFinding {
  /** Rule pack, `AwsSolutions` or `NIST.800.53.R5`. */
  readonly pack: string;
  /** Rule id, with the finding in brackets for rules that report several, as in `AwsSolutions-IAM5[Resource::*]`. */
  readonly ruleId: string;
  readonly level: 'error' | 'warning';
  /** Construct path of the violating resource, as in `kinko-network/Vpc/Resource`. */
  readonly path: string;
  readonly message: string;
}

/**
 * Runs the AwsSolutions and NIST 800-53 rev 5 packs over the whole app as one CDK validation plugin.
 * It always reports success so that `app.synth()` returns, and the caller decides what fails:
 * Kinko's synth fails on any error-level finding that `collectNagFindings` returns.
 */
class KinkoNagPlugin implements IPolicyValidationPlugin {
  readonly name = NAG_PLUGIN_NAME;

  constructor(private readonly packs: readonly NagPack[]) {}

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const reports = this.packs.map((pack) => pack.validate(context));
    return {
      success: true,
      violations: reports.flatMap((report) => report.violations),
      metadata: {
        decision: 'Kinko fails synth on error-level violations after reading this report.',
      },
    };
  }
}

/**
 * Registers the cdk-nag packs on `app`. Call it once, after the stacks are built and before
 * `app.synth()`. Acknowledged rules (`Validations.of(construct).acknowledge(...)`) are written
 * into each resource's template Metadata as `cdk_nag.rules_to_suppress`, with their reasons.
 */
export function applyNagPacks(app: App): void {
  // Either pack's constructor adds the aspect that writes acknowledgements into the templates.
  const packs = [
    new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }),
    new NIST80053R5Checks(),
  ];
  Validations.of(app).addPlugins(new KinkoNagPlugin(packs));
}

/** The parts of CDK's validation-report.json (aws-cdk-lib 2.276) that Kinko reads. */
interface ValidationReportFile {
  readonly pluginReports?: ReadonlyArray<{
    readonly pluginName?: string;
    readonly violations?: ReadonlyArray<{
      readonly ruleName: string;
      readonly description?: string;
      readonly severity?: string;
      readonly violatingConstructs?: ReadonlyArray<{ readonly constructPath?: string }>;
    }>;
  }>;
}

/**
 * Reads the unacknowledged cdk-nag findings from the validation report of a synthesized assembly.
 * Returns an empty list when the assembly has no report, which CDK omits when no plugin reports
 * a violation.
 */
export function collectNagFindings(assembly: CloudAssembly): NagFinding[] {
  const reportPath = join(assembly.directory, VALIDATION_REPORT_FILE);
  if (!existsSync(reportPath)) {
    return [];
  }

  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as ValidationReportFile;
  const findings: NagFinding[] = [];
  for (const pluginReport of report.pluginReports ?? []) {
    if (pluginReport.pluginName !== NAG_PLUGIN_NAME) {
      continue;
    }
    for (const violation of pluginReport.violations ?? []) {
      for (const resource of violation.violatingConstructs ?? []) {
        findings.push({
          pack: violation.ruleName.startsWith('AwsSolutions-') ? 'AwsSolutions' : 'NIST.800.53.R5',
          ruleId: violation.ruleName,
          level: violation.severity === 'warning' ? 'warning' : 'error',
          path: resource.constructPath ?? '(unknown construct)',
          message: violation.description ?? '',
        });
      }
    }
  }
  return findings;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { ResolvedPlatform } from '../../src/model/platform.js';
import { buildInfra, type InfraOptions, type InfraResult } from '../../src/infra/app.js';
import { applyNagPacks, collectNagFindings, type NagFinding } from '../../src/infra/nag.js';

/** An identity center instance ARN of the documented shape, for tests that need the Argo CD capability. */
export const TEST_IDENTITY_CENTER_ARN = 'arn:aws:sso:::instance/ssoins-0123456789abcdef';

export interface SynthesizedInfra {
  readonly infra: InfraResult;
  readonly assembly: CloudAssembly;
  readonly findings: NagFinding[];
  /** Template of the stack with this name, for example `kinko-network`. */
  template(stackName: string): Template;
  /** Raw template JSON of the stack with this name. */
  json(stackName: string): {
    Resources: Record<
      string,
      {
        Type: string;
        Properties?: Record<string, unknown>;
        Metadata?: Record<string, unknown>;
        DependsOn?: string[];
      }
    >;
  };
}

/**
 * Builds the platform's stacks in a new app with the cdk-nag packs applied, synthesizes them into a
 * temporary folder, and returns the templates. Synthesis takes seconds, so call it once per file.
 */
export function synthInfra(
  platform: ResolvedPlatform,
  options: InfraOptions = {},
): SynthesizedInfra {
  const outdir = mkdtempSync(join(tmpdir(), 'kinko-infra-test-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  const app = new App({ outdir, analyticsReporting: false });
  const infra = buildInfra(app, platform, options);
  applyNagPacks(app);
  const assembly = app.synth();
  const templates = new Map<string, Template>();

  return {
    infra,
    assembly,
    findings: collectNagFindings(assembly),
    template(stackName) {
      let template = templates.get(stackName);
      if (template === undefined) {
        template = Template.fromJSON(assembly.getStackByName(stackName).template);
        templates.set(stackName, template);
      }
      return template;
    },
    json(stackName) {
      return assembly.getStackByName(stackName).template;
    },
  };
}

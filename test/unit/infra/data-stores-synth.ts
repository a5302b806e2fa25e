import { readFileSync } from 'node:fs';
import { Document, parseDocument } from 'yaml';
import { parsePlatformConfig } from '../../../src/config/load.js';
import type { ResolvedPlatform } from '../../../src/model/platform.js';
import { resolvePlatform } from '../../../src/model/resolve.js';
import { synthInfra, type SynthesizedInfra } from '../../support/infra-synth.js';

const EXAMPLE = readFileSync('examples/platform.yaml', 'utf8');

/** Index of system `a` (EFS) and system `b` (Aurora) in the example. */
export const SYSTEM_A = 0;
export const SYSTEM_B = 1;

/** Returns the example platform.yaml after `edit`, as text. */
export function exampleWith(edit: (document: Document) => void = () => undefined): string {
  const document = parseDocument(EXAMPLE);
  edit(document);
  return document.toString();
}

/** Removes the DR region and everything that needs it, so the example is primary-only. */
export function withoutDr(document: Document): void {
  document.deleteIn(['regions', 'dr']);
  document.deleteIn(['edge', 'drCertificateArn']);
  document.deleteIn(['systems', SYSTEM_B, 'database', 'drInstances']);
}

/** Removes the EFS file system of `a` and the database of `b`. */
export function withoutDataStores(document: Document): void {
  document.deleteIn(['systems', SYSTEM_A, 'efs']);
  document.deleteIn(['systems', SYSTEM_B, 'database']);
}

export function platformOf(text: string): ResolvedPlatform {
  return resolvePlatform(parsePlatformConfig(text, 'platform.yaml'));
}

/** Synthesizes the edited example with the cdk-nag packs; it takes seconds, so once per case. */
export function synthExample(edit?: (document: Document) => void): SynthesizedInfra {
  return synthInfra(platformOf(exampleWith(edit)));
}

type Resources = ReturnType<SynthesizedInfra['json']>['Resources'];
export type Resource = Resources[string];

/** Returns the resources of one type in a stack, as [logical id, resource] pairs. */
export function resourcesOfType(
  synth: SynthesizedInfra,
  stackName: string,
  type: string,
): Array<[string, Resource]> {
  return Object.entries(synth.json(stackName).Resources).filter(
    ([, resource]) => resource.Type === type,
  );
}

/** Returns the only resource of a type in a stack, and fails when there is not exactly one. */
export function onlyResource(synth: SynthesizedInfra, stackName: string, type: string): Resource {
  const found = resourcesOfType(synth, stackName, type);
  if (found.length !== 1 || found[0] === undefined) {
    throw new Error(`${stackName} has ${found.length} resources of type ${type}, expected 1`);
  }
  return found[0][1];
}

/** Returns the logical id of the only resource of a type in a stack. */
export function onlyLogicalId(synth: SynthesizedInfra, stackName: string, type: string): string {
  const found = resourcesOfType(synth, stackName, type);
  if (found.length !== 1 || found[0] === undefined) {
    throw new Error(`${stackName} has ${found.length} resources of type ${type}, expected 1`);
  }
  return found[0][0];
}

/** Returns the ARN of a key alias in the DR region, as the templates write it. */
export function drAliasArn(alias: string): unknown {
  return {
    'Fn::Join': [
      '',
      ['arn:', { Ref: 'AWS::Partition' }, `:kms:ap-northeast-3:111122223333:${alias}`],
    ],
  };
}

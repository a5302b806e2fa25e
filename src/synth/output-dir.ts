/**
 * Checks on the `--out` folder before synth writes anything: it must be a folder Kinko may
 * own entries in, so a typo cannot replace someone else's `cdk/` or `k8s/`.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync } from 'node:fs';
import { basename, dirname, join, parse, resolve } from 'node:path';

import { KinkoError } from '../errors.js';

export const SYNTH_OUT_INVALID = 'KINKO_SYNTH_OUT_INVALID';

/** File that marks a folder as written by `kinko synth`. */
export const OUTPUT_MARKER = '.kinko-output';

export const OUTPUT_MARKER_TEXT =
  'Written by kinko synth. It replaces cdk/, k8s/, controls.md, controls.ja.md and controls.json in this folder on every run.\n';

function outError(messageId: string, out: string, reason = ''): KinkoError {
  return new KinkoError(SYNTH_OUT_INVALID, 'user', { messageId, params: { out, reason } });
}

/**
 * Reject an empty path, the filesystem root, a path that is not a folder, and a folder that
 * holds any of `ownedEntries` without the marker of an earlier synth.
 */
export function checkOutputDir(out: string, ownedEntries: readonly string[]): string {
  if (out.trim() === '') throw outError('synth.out.empty', out);
  const outDir = resolve(out);
  if (outDir === parse(outDir).root) throw outError('synth.out.root', outDir);

  if (existsSync(outDir)) {
    if (!lstatSync(outDir).isDirectory()) throw outError('synth.out.notDirectory', outDir);
    const foreign = ownedEntries.filter(
      (entry) => entry !== OUTPUT_MARKER && existsSync(join(outDir, entry)),
    );
    if (foreign.length > 0 && !existsSync(join(outDir, OUTPUT_MARKER))) {
      throw outError('synth.out.foreign', outDir, foreign.join(', '));
    }
  }
  return outDir;
}

/** Create the staging folder beside `outDir`, turning file system errors into a clear message. */
export function createStagingDir(outDir: string): string {
  try {
    mkdirSync(dirname(outDir), { recursive: true });
    return mkdtempSync(join(dirname(outDir), `.${basename(outDir)}.kinko-staging-`));
  } catch (error) {
    throw outError(
      'synth.out.unwritable',
      outDir,
      error instanceof Error ? error.message : String(error),
    );
  }
}

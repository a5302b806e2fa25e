/**
 * The checkpoint file: where each source stopped and which events and alerts were already
 * handled, so a restart resumes without losing an event or reporting one twice. It is written to
 * a temporary file and renamed into place, so a crash never leaves half a checkpoint.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

import type { DetectorState } from './detector.js';

export const CHECKPOINT_VERSION = 1;

const checkpointSchema = z.object({
  version: z.literal(CHECKPOINT_VERSION),
  savedAt: z.string(),
  /** Position of each source by its key, in the source's own shape. */
  sources: z.record(z.string(), z.unknown()),
  detector: z.object({ seenEvents: z.array(z.string()), reported: z.array(z.string()) }),
});

export type Checkpoint = z.output<typeof checkpointSchema>;

export class CheckpointFileError extends Error {}

/** Read a checkpoint; a missing file is a first run and returns undefined. */
export function readCheckpoint(file: string): Checkpoint | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CheckpointFileError((error as Error).message);
  }
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success) throw new CheckpointFileError(parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

export function writeCheckpoint(
  file: string,
  sources: Readonly<Record<string, unknown>>,
  detector: DetectorState,
): void {
  const checkpoint: Checkpoint = {
    version: CHECKPOINT_VERSION,
    savedAt: new Date().toISOString(),
    sources: { ...sources },
    detector,
  };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(checkpoint));
  renameSync(temporary, file);
}

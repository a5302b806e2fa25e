/**
 * Reads an audit log file of JSON lines and, when following, keeps reading as it grows, the way
 * `tail -F` does. When the path is renamed away and a new file appears (rotation), the old file
 * is read to its end first. When the file shrinks (truncation), reading starts over at byte 0.
 *
 * The position is the inode, the byte offset after the last complete line and that line's
 * number. On a restart whose inode no longer sits at the path, the rotated file is looked up by
 * inode in the same folder and its rest is read before the new file, so nothing is lost.
 */
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

import { LineSplitter } from './line-splitter.js';
import { sleep, type AuditSource, type RawRecord, type RecordBatch } from './source.js';

export interface FilePosition {
  readonly path: string;
  readonly inode: number;
  readonly offset: number;
  readonly line: number;
}

export interface FileSourceOptions {
  readonly path: string;
  readonly follow: boolean;
  /** Position a previous run stopped at, from the checkpoint. */
  readonly start?: FilePosition;
  /** How often a followed file is checked for growth, rotation and truncation. */
  readonly pollIntervalMs?: number;
  /** Bytes read at a time; each read becomes one batch. */
  readonly chunkBytes?: number;
  /** Called on rotation and truncation, for the log. */
  readonly onEvent?: (kind: 'rotated' | 'truncated' | 'waiting', detail: FilePosition) => void;
}

const DEFAULT_POLL_INTERVAL_MS = 100;
const DEFAULT_CHUNK_BYTES = 1 << 20;

interface OpenFile {
  handle: FileHandle;
  path: string;
  inode: number;
  offset: number;
  line: number;
  splitter: LineSplitter;
}

export class FileSource implements AuditSource {
  readonly key: string;
  private readonly path: string;

  constructor(private readonly options: FileSourceOptions) {
    this.path = resolve(options.path);
    this.key = `file:${this.path}`;
  }

  async *read(signal: AbortSignal): AsyncGenerator<RecordBatch> {
    const pollMs = this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    let current = await this.openAtStart(signal);

    try {
      // A restart after a rotation: finish the rotated file, then take the new one from 0.
      if (current !== undefined && current.path !== this.path) {
        yield* this.readToEnd(current, true);
        await current.handle.close();
        current = await this.openPath(signal);
      }

      while (current !== undefined && !signal.aborted) {
        yield* this.readToEnd(current, !this.options.follow);
        if (!this.options.follow) break;

        await sleep(pollMs, signal);
        if (signal.aborted) break;

        const size = (await current.handle.stat()).size;
        if (size < current.offset) {
          current.offset = 0;
          current.line = 0;
          current.splitter.reset();
          this.options.onEvent?.('truncated', positionOf(current));
          continue;
        }

        const atPath = await inodeAt(this.path);
        if (atPath !== undefined && atPath !== current.inode) {
          yield* this.readToEnd(current, true);
          await current.handle.close();
          this.options.onEvent?.('rotated', positionOf(current));
          current = await this.openPath(signal);
        }
      }
    } finally {
      await current?.handle.close();
    }
  }

  /** Open the file to start from: the checkpointed one (at the path or rotated), else the path. */
  private async openAtStart(signal: AbortSignal): Promise<OpenFile | undefined> {
    const start = this.options.start;
    if (start !== undefined) {
      const rotated = await findByInode(this.path, start.inode);
      if (rotated !== undefined) {
        const file = await openFile(rotated, start.inode);
        if (file !== undefined) {
          const size = (await file.handle.stat()).size;
          if (size >= start.offset) {
            file.offset = start.offset;
            file.line = start.line;
          }
          return file;
        }
      }
    }
    return this.openPath(signal);
  }

  /** Open the path, waiting for it to appear when following (a rotation in progress). */
  private async openPath(signal: AbortSignal): Promise<OpenFile | undefined> {
    for (let attempt = 0; ; attempt++) {
      const file = await openFile(this.path);
      if (file !== undefined || !this.options.follow) {
        if (file === undefined)
          throw Object.assign(new Error(`not found: ${this.path}`), { code: 'ENOENT' });
        return file;
      }
      if (attempt === 0) {
        this.options.onEvent?.('waiting', { path: this.path, inode: 0, offset: 0, line: 0 });
      }
      await sleep(this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, signal);
      if (signal.aborted) return undefined;
    }
  }

  /** Read from the offset to the current end; `final` also takes a last line without newline. */
  private async *readToEnd(file: OpenFile, final: boolean): AsyncGenerator<RecordBatch> {
    const buffer = Buffer.alloc(this.options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    let readOffset = file.offset + file.splitter.pendingBytes();
    for (;;) {
      const { bytesRead } = await file.handle.read(buffer, 0, buffer.length, readOffset);
      if (bytesRead === 0) break;
      readOffset += bytesRead;
      const { lines, bytes } = file.splitter.push(buffer.subarray(0, bytesRead));
      if (lines.length === 0) continue;
      const records = lines.map((text): RawRecord => ({
        text,
        origin: file.path,
        line: ++file.line,
      }));
      file.offset += bytes;
      yield { records, position: positionOf(file) };
    }

    if (final) {
      const { line, bytes } = file.splitter.flush();
      if (line !== undefined) {
        file.offset += bytes;
        yield {
          records: [{ text: line, origin: file.path, line: ++file.line }],
          position: positionOf(file),
        };
      }
    }
  }
}

function positionOf(file: OpenFile): FilePosition {
  // The checkpoint names the followed path, even while the rotated file is being finished.
  return { path: file.path, inode: file.inode, offset: file.offset, line: file.line };
}

async function openFile(path: string, inode?: number): Promise<OpenFile | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const ino = (await handle.stat()).ino;
  if (inode !== undefined && ino !== inode) {
    await handle.close();
    return undefined;
  }
  return { handle, path, inode: ino, offset: 0, line: 0, splitter: new LineSplitter() };
}

async function inodeAt(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).ino;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The file with `inode` among the path itself and its siblings (rotated copies), if any. */
async function findByInode(path: string, inode: number): Promise<string | undefined> {
  if ((await inodeAt(path)) === inode) return path;
  const folder = dirname(path);
  const prefix = basename(path).replace(/\.[^.]*$/, '');
  for (const name of await readdir(folder)) {
    if (!name.startsWith(prefix)) continue;
    const candidate = join(folder, name);
    if ((await inodeAt(candidate)) === inode) return candidate;
  }
  return undefined;
}

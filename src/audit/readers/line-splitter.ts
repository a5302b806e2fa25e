/**
 * Splits a byte stream into lines on `\n`, keeping an incomplete last line until its end
 * arrives, and counting the bytes of the complete lines so a reader can checkpoint an offset
 * that never falls inside a line. A `\r` before the `\n` is dropped.
 */
export class LineSplitter {
  private pending: Buffer = Buffer.alloc(0);

  /** Lines completed by `chunk`, and the bytes they take including their newlines. */
  push(chunk: Buffer): { lines: string[]; bytes: number } {
    const data = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const end = data.indexOf(10, start);
      if (end < 0) break;
      const stop = end > start && data[end - 1] === 13 ? end - 1 : end;
      lines.push(data.toString('utf8', start, stop));
      start = end + 1;
    }
    this.pending = start === data.length ? Buffer.alloc(0) : Buffer.from(data.subarray(start));
    return { lines, bytes: start };
  }

  /** The incomplete last line, for input that ends without a newline. */
  flush(): { line: string | undefined; bytes: number } {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    return rest.length === 0
      ? { line: undefined, bytes: 0 }
      : { line: rest.toString('utf8'), bytes: rest.length };
  }

  /** Bytes of the incomplete last line held back. */
  pendingBytes(): number {
    return this.pending.length;
  }

  reset(): void {
    this.pending = Buffer.alloc(0);
  }
}

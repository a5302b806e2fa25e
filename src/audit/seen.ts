/**
 * A set that keeps only its most recent entries, for the keys of events already processed and
 * alerts already reported. Bounded, so a process that follows a log for months stays small.
 * The insertion order lives in a ring buffer, because evicting the oldest entry of a JavaScript
 * Set through its iterator gets slower as deleted slots pile up at its start.
 */
export class RecentSet {
  private readonly entries = new Set<string>();
  private readonly order: (string | undefined)[];
  private next = 0;

  constructor(readonly capacity: number) {
    this.order = new Array<string | undefined>(capacity);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  add(key: string): void {
    if (this.entries.has(key)) return;
    const evicted = this.order[this.next];
    if (evicted !== undefined) this.entries.delete(evicted);
    this.order[this.next] = key;
    this.next = (this.next + 1) % this.capacity;
    this.entries.add(key);
  }

  /** The entries, oldest first, for the checkpoint. */
  toJSON(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const key = this.order[(this.next + i) % this.capacity];
      if (key !== undefined) keys.push(key);
    }
    return keys;
  }

  restore(keys: readonly string[]): void {
    for (const key of keys) this.add(key);
  }
}

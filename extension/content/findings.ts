// The findings annotated in this frame, owned by the row they were found in. A row that
// changes (a recycled virtual row, an edited line) or leaves the page takes its findings along.
import type {DiagnosedFinding} from '../../shared/engine/types';

export interface Placed {
  id: number;
  row: Element;
  /** 0-based line of the row's text where the finding starts. */
  lineIndex: number;
  /** The matched line, live: follows the page's text nodes. */
  range: Range;
  lineText: string;
  finding: DiagnosedFinding;
}

export class FindingStore {
  private readonly byRow = new Map<Element, Placed[]>();
  private nextId = 1;
  private listeners: ((added: readonly Placed[], removed: readonly Placed[]) => void)[] = [];

  onChange(fn: (added: readonly Placed[], removed: readonly Placed[]) => void): void {
    this.listeners.push(fn);
  }

  private emit(added: readonly Placed[], removed: readonly Placed[]): void {
    if (added.length || removed.length) for (const fn of this.listeners) fn(added, removed);
  }

  add(row: Element, items: readonly Omit<Placed, 'id' | 'row'>[]): void {
    if (!items.length) return;
    const placed = items.map((p) => ({...p, row, id: this.nextId++}));
    this.byRow.set(row, [...(this.byRow.get(row) ?? []), ...placed]);
    this.emit(placed, []);
  }

  /** Removes the row's findings (all, or those starting at or after `fromLine`). */
  clearRow(row: Element, fromLine = 0): void {
    const list = this.byRow.get(row);
    if (!list) return;
    const keep = list.filter((p) => p.lineIndex < fromLine);
    const gone = list.filter((p) => p.lineIndex >= fromLine);
    if (keep.length) this.byRow.set(row, keep);
    else this.byRow.delete(row);
    this.emit([], gone);
  }

  has(row: Element): boolean {
    return this.byRow.has(row);
  }

  /** Drops findings whose row left the document. */
  prune(): void {
    for (const row of [...this.byRow.keys()]) if (!row.isConnected) this.clearRow(row);
  }

  clearAll(): void {
    const all = this.all();
    this.byRow.clear();
    this.emit([], all);
  }

  all(): Placed[] {
    return [...this.byRow.values()].flat();
  }

  get size(): number {
    let n = 0;
    for (const list of this.byRow.values()) n += list.length;
    return n;
  }
}

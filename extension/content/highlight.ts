// Marks matched text with the CSS Custom Highlight API: ranges over the page's own text nodes,
// painted by the browser, so the page's DOM is not changed at all. Changes to the registered
// Highlight are applied in batches (flush()): each change makes Chromium repaint the page, and
// on a 50,000-row view a repaint per scan slice cost seconds of main-thread time. The document gets the
// `::highlight()` rule from content.css (manifest); a shadow root doesn't inherit document
// styles, so each open shadow root holding a finding adopts a small sheet of its own.
import type {Life} from './life';

export const HIGHLIGHT_NAME = 'apm-doctor-finding';

const RULE = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(255, 196, 0, 0.45); color: inherit; text-decoration: underline wavy #c2410c 1px; }
@media (prefers-color-scheme: dark) { ::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(250, 204, 21, 0.35); text-decoration-color: #fb923c; } }`;

export class HighlightLayer {
  private readonly highlight: Highlight | null;
  private readonly adopted = new WeakSet<ShadowRoot>();
  private sheet: CSSStyleSheet | null = null;

  constructor(life: Life) {
    // CSS.highlights: Chrome 105+, Firefox 140+. Without it the markers still show each finding.
    this.highlight = typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS ? new Highlight() : null;
    if (this.highlight) CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    life.onEnd(() => {
      if (this.highlight && CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
      this.highlight?.clear();
    });
    life.onEnd(() => this.unadoptAll());
  }

  private readonly roots: ShadowRoot[] = [];
  private readonly toAdd = new Set<Range>();
  private readonly toDelete = new Set<Range>();

  add(range: Range): void {
    if (!this.highlight) return;
    this.toDelete.delete(range);
    this.toAdd.add(range);
  }

  delete(range: Range): void {
    if (!this.highlight) return;
    if (!this.toAdd.delete(range)) this.toDelete.add(range);
  }

  get dirty(): boolean {
    return this.toAdd.size > 0 || this.toDelete.size > 0;
  }

  flush(): void {
    if (!this.highlight) return;
    for (const range of this.toDelete) this.highlight.delete(range);
    for (const range of this.toAdd) {
      this.highlight.add(range);
      const root = range.startContainer.getRootNode();
      if (root instanceof ShadowRoot) this.adopt(root);
    }
    this.toAdd.clear();
    this.toDelete.clear();
  }

  private adopt(root: ShadowRoot): void {
    if (this.adopted.has(root)) return;
    this.adopted.add(root);
    try {
      this.sheet ??= new CSSStyleSheet();
      this.sheet.replaceSync(RULE);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
      this.roots.push(root);
    } catch {
      // Firefox's content-script Xrays may refuse adoptedStyleSheets on page roots; the
      // marker still shows the finding.
    }
  }

  private unadoptAll(): void {
    for (const root of this.roots) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
      } catch {
        /* the root is gone */
      }
    }
  }
}

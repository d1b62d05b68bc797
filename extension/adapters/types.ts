// A console adapter tells the content script how one log console lays out its log entries.
// One adapter per file (the file name is its id), listed in ./index.ts; each has a fixture page
// under test/fixtures/pages/<id>/ modelled on the console's real markup (test/extension/
// adapters-registry.test.ts keeps files, list and fixtures in step).

export interface ConsoleAdapter {
  /** Equals the file name in extension/adapters/. */
  id: string;
  /** Human name, for the popup. */
  name: string;
  /** Hosts where this console is served (SaaS consoles); self-hosted ones rely on `signature`. */
  hosts: readonly RegExp[];
  /**
   * A selector that matches only this console's log view; picks the adapter on any host. Simple
   * selectors only (no descendant/child combinators): it is tried on every element a page adds,
   * and Chromium's element.querySelector with a combinator walks the whole document (measured:
   * ~0.6 ms a call on a 30,000-row page, against <1 µs for a simple selector).
   */
  signature: string;
  /** One element per log entry (a virtualised list recycles these; live tail appends them). */
  rows: string;
  /**
   * Inside a row, the elements holding the log message (without timestamp/level columns).
   * Default: the whole row.
   */
  message?: string;
  /**
   * Short texts that tell where the app runs (log group names, Kubernetes labels, tags),
   * read from the page; bounded by the caller.
   */
  context?: (doc: Document) => string[];
  /** What the markup model and the fixture are based on. */
  modelledOn: string;
}

/** Texts of the first `limit` elements matching `selector`. */
export function textsOf(doc: Document, selector: string, limit = 50): string[] {
  const out: string[] = [];
  for (const el of doc.querySelectorAll(selector)) {
    if (out.length >= limit) break;
    const text = el.textContent?.trim();
    if (text) out.push(text.slice(0, 500));
  }
  return out;
}

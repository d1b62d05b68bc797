// One MutationObserver per root (the document and each open shadow root). The callback only
// collects what changed; all work happens later in budgeted slices (STYLE §9). Nothing is
// dropped here: every added node and every changed text node reaches the queue.
import {OWN_TAG} from './dom';
import type {Life} from './life';

export interface Changes {
  /** Added nodes and the text nodes whose data changed. */
  nodes: Node[];
  /** Something was removed: rows holding findings may be gone. */
  removed: boolean;
}

export class RootWatcher {
  private readonly watched = new WeakSet<Node>();
  private readonly observers: MutationObserver[] = [];

  constructor(
    life: Life,
    private readonly onChanges: (changes: Changes) => void,
  ) {
    life.onEnd(() => {
      for (const o of this.observers) o.disconnect();
      this.observers.length = 0;
    });
  }

  watch(root: Document | ShadowRoot): boolean {
    if (this.watched.has(root)) return false;
    this.watched.add(root);
    const observer = new MutationObserver((records) => {
      const nodes: Node[] = [];
      let removed = false;
      for (const r of records) {
        if (r.type === 'characterData') {
          nodes.push(r.target);
          continue;
        }
        for (const n of r.addedNodes) if (!(n.nodeType === Node.ELEMENT_NODE && (n as Element).tagName === OWN_TAG)) nodes.push(n);
        if (r.removedNodes.length) removed = true;
      }
      if (nodes.length || removed) this.onChanges({nodes, removed});
    });
    observer.observe(root, {childList: true, subtree: true, characterData: true});
    this.observers.push(observer);
    return true;
  }
}

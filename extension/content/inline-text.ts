// Most log rows are a block holding text and inline elements only (<div><span>ts</span>
// <span>message</span></div>). Such a row's text is the plain concatenation of its text nodes,
// which one native `textContent` call returns: none of the per-node work of the page walk or of
// readRowText applies to it. In a content script per-node work costs more than it looks: every
// node the script touches gets a wrapper object of the isolated world's own. The checks below are
// selectors, so they run natively and touch no descendant either. (bench/extension.bench.mjs,
// 50,000 rows of two spans: the walk's time fell by more than half.)
//
// Whatever the slow paths treat specially keeps a row on them: a nested block, <br>, a skipped
// element, our own element, a custom element, anything else not listed in INLINE. (textContent
// also counts CDATA sections, which the slow paths skip; only XML documents have them.)

/**
 * Elements the walk and readRowText read as plain text: none is in BLOCK_TAGS or SKIP_TAGS, <br>,
 * ours or a custom element (a test keeps it so). Commonest first: `:not()` tries them in order
 * for every descendant.
 */
export const INLINE = ['span', 'a', 'b', 'i', 'em', 'strong', 'code', 'small', 'mark', 'time', 'u', 's', 'abbr', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'font', 'img', 'ins', 'kbd', 'label', 'nobr', 'q', 'samp', 'strike', 'sub', 'sup', 'tt', 'var', 'wbr'];
const NOT_INLINE = `:not(${INLINE.join(',')})`;

/**
 * The walk also reports open shadow roots, and of the INLINE elements a <span> can host one.
 * Asking each span (a wrapper per span) would cost what this saves; a host almost always has no
 * light children (what it shows is in its shadow tree), so an empty span sends the block to the
 * walk. Not noticed: a span with both light children and an open shadow root.
 */
const NOT_INLINE_OR_HOST = `${NOT_INLINE}, span:empty`;

/** True when every descendant of `el` is text or an INLINE element. */
export function hasOnlyInline(el: Element): boolean {
  return el.querySelector(NOT_INLINE) === null;
}

/** hasOnlyInline, for the walk: also false when a descendant may host a shadow root. */
export function hasOnlyInlineNoHost(el: Element): boolean {
  return el.querySelector(NOT_INLINE_OR_HOST) === null;
}

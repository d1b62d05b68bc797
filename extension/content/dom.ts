// What the content script treats as structure when it reads text out of a page.

/** Elements whose contents are never log text. */
// (SVG elements keep their lower-case tag name.)
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'svg', 'CANVAS', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE', 'META', 'LINK']);

/**
 * Elements that start a new line of text. Tag names, not computed styles: getComputedStyle on
 * every element of a 50,000-row log view would cost more than the whole scan.
 */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Our own elements (overlay host); never scanned, never counted as page changes. */
export const OWN_TAG = 'APM-DOCTOR-OVERLAY';

export function isBlock(el: Element): boolean {
  return isBlockTag(el.tagName);
}

export function isBlockTag(tag: string): boolean {
  // Custom elements (Angular/Lit components such as <kd-log-line>) are nearly always laid out
  // as blocks in log consoles.
  return BLOCK_TAGS.has(tag) || tag.includes('-');
}

export function isSkipped(el: Element): boolean {
  const tag = el.tagName;
  return SKIP_TAGS.has(tag) || tag === OWN_TAG;
}

/** The nearest block ancestor of a node (the element itself if it is one). */
export function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && !isBlock(el)) el = el.parentElement;
  return el;
}

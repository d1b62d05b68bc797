// One marker per finding and the diagnosis popover, in a shadow root on a host appended to
// <html>. Nothing is inserted into the page's own rows, so the page's layout, its
// :nth-child()/:last-child rules and its click handlers on rows are untouched. Markers are
// placed over the end of the matched line (fixed coordinates from the Range) and shown only
// while the row is visible (IntersectionObserver clips by scrolling containers).
// Everything is built with createElement/textContent: no page, log or agent text is parsed.
import type {Locale} from '../../shared/i18n/index';
import {renderMsg, t} from '../../shared/i18n/index';
import type {ProbeOutcome} from '../messages';
import {OWN_TAG} from './dom';
import type {Placed} from './findings';
import type {Life} from './life';
import type {EnvState} from './report';
import {envText, findingAsText, targetText} from './report';
import {HOST_STYLE, OVERLAY_CSS} from './styles';

export interface OverlayDeps {
  locale: Locale;
  env: () => EnvState;
  probe: (placed: Placed) => Promise<ProbeOutcome | null>;
  copy: (text: string) => Promise<boolean>;
}

interface MarkerState {
  placed: Placed;
  button: HTMLButtonElement;
}

const MARKER_SIZE = 18;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: {className?: string; text?: string} = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

export class Overlay {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly layer: HTMLDivElement;
  private readonly popover: HTMLDivElement;
  private readonly markers = new Map<number, MarkerState>();
  private readonly rowMarkers = new Map<Element, Set<number>>();
  private readonly visibleRows = new Set<Element>();
  private readonly io: IntersectionObserver;
  private openFor: MarkerState | null = null;
  private frame = 0;

  constructor(
    private readonly life: Life,
    private readonly deps: OverlayDeps,
  ) {
    this.host = document.createElement(OWN_TAG.toLowerCase());
    for (const decl of HOST_STYLE) {
      const [prop, value] = decl.split(/:\s*/) as [string, string];
      this.host.style.setProperty(prop, value, 'important');
    }
    // Closed in releases so page scripts can't reach in; open in test builds so tests can
    // drive the markers like a user (Playwright pierces open roots only).
    this.shadow = this.host.attachShadow({mode: __TEST__ ? 'open' : 'closed'});
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.layer = el('div', {className: 'layer'});
    this.popover = el('div', {className: 'popover'});
    this.popover.hidden = true;
    this.popover.tabIndex = -1;
    this.popover.setAttribute('role', 'dialog');
    this.popover.setAttribute('aria-label', t(deps.locale, 'content_popover_label'));
    this.shadow.append(style, this.layer, this.popover);

    // Keep our events to ourselves: the page's bubbling handlers (row clicks, keyboard shortcuts)
    // never see clicks or keys meant for a marker or the popover.
    for (const type of ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'contextmenu']) {
      this.host.addEventListener(type, (e) => e.stopPropagation(), {signal: life.signal});
    }
    this.popover.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close(true);
      }
    }, {signal: life.signal});
    document.addEventListener('pointerdown', (e) => {
      if (this.openFor && !e.composedPath().includes(this.host)) this.close(false);
    }, {capture: true, signal: life.signal});
    const schedule = () => this.schedulePosition();
    document.addEventListener('scroll', schedule, {capture: true, passive: true, signal: life.signal});
    window.addEventListener('resize', schedule, {passive: true, signal: life.signal});

    this.io = new IntersectionObserver((entries) => {
      life.guard('visibility', () => {
        for (const e of entries) {
          if (e.isIntersecting) this.visibleRows.add(e.target);
          else this.visibleRows.delete(e.target);
        }
        this.schedulePosition();
      });
    });
    life.onEnd(() => {
      this.io.disconnect();
      if (this.frame) cancelAnimationFrame(this.frame);
      this.host.remove();
    });
  }

  /** Where a temporary element may live without touching the page (the copy fallback's textarea). */
  get scratch(): ShadowRoot {
    return this.shadow;
  }

  get markerCount(): number {
    return this.markers.size;
  }

  add(items: readonly Placed[]): void {
    if (!items.length) return;
    if (!this.host.isConnected) document.documentElement.append(this.host);
    for (const placed of items) {
      const button = el('button', {className: 'marker', text: '!'});
      button.type = 'button';
      button.hidden = true;
      button.setAttribute('aria-haspopup', 'dialog');
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-label', t(this.deps.locale, 'content_marker_label', {title: renderMsg(this.deps.locale, placed.finding.diagnosis.title)}));
      button.title = renderMsg(this.deps.locale, placed.finding.diagnosis.title);
      const state = {placed, button};
      button.addEventListener('click', () => this.life.guard('open', () => this.toggle(state)), {signal: this.life.signal});
      // Tab order: the order findings were placed, which is document order for a scan of the page
      // (sorting by compareDocumentPosition costs O(rows) per comparison on a 50,000-row view).
      this.layer.append(button);
      this.markers.set(placed.id, state);
      const ids = this.rowMarkers.get(placed.row) ?? new Set<number>();
      if (!ids.size) this.io.observe(placed.row);
      ids.add(placed.id);
      this.rowMarkers.set(placed.row, ids);
    }
    this.schedulePosition();
  }

  remove(items: readonly Placed[]): void {
    for (const placed of items) {
      const state = this.markers.get(placed.id);
      if (!state) continue;
      if (this.openFor === state) this.close(false);
      state.button.remove();
      this.markers.delete(placed.id);
      const ids = this.rowMarkers.get(placed.row);
      ids?.delete(placed.id);
      if (ids && !ids.size) {
        this.rowMarkers.delete(placed.row);
        this.visibleRows.delete(placed.row);
        this.io.unobserve(placed.row);
      }
    }
  }

  /** The popup's "Show": scrolls the finding's line to the middle of its scroller and opens its popover. */
  reveal(placed: Placed): void {
    const state = this.markers.get(placed.id);
    if (!state) return;
    const rect = placed.range.getBoundingClientRect();
    let scroller: Element | null = placed.row;
    while (scroller && scroller !== document.documentElement) {
      const style = getComputedStyle(scroller);
      if (/(auto|scroll)/.test(style.overflowY) && scroller.scrollHeight > scroller.clientHeight) break;
      scroller = scroller.parentElement;
    }
    if (scroller && scroller !== document.documentElement) {
      const box = scroller.getBoundingClientRect();
      scroller.scrollTop += rect.top - box.top - scroller.clientHeight / 2;
    }
    const after = placed.range.getBoundingClientRect();
    window.scrollBy(0, after.top - window.innerHeight / 2);
    // The row is on screen now; don't wait for the IntersectionObserver to say so.
    this.visibleRows.add(placed.row);
    this.position();
    this.open(state);
  }

  schedulePosition(): void {
    if (this.frame || this.life.dead) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.life.guard('position', () => this.position());
    });
  }

  private position(): void {
    // Nothing on screen: read no geometry (a layout read on a page that just changed forces a
    // full layout of it, which on a 50,000-row view costs hundreds of ms).
    if (!this.visibleRows.size && !this.openFor) {
      for (const state of this.markers.values()) if (!state.button.hidden) state.button.hidden = true;
      return;
    }
    const vw = window.innerWidth;
    for (const state of this.markers.values()) {
      const {placed, button} = state;
      const rect = this.visibleRows.has(placed.row) ? placed.range.getClientRects()[0] : undefined;
      if (!rect || (rect.width === 0 && rect.height === 0)) {
        if (!button.hidden) button.hidden = true;
        continue;
      }
      const x = Math.max(0, Math.min(rect.right + 4, vw - MARKER_SIZE - 2));
      const y = rect.top + rect.height / 2 - MARKER_SIZE / 2;
      // Unchanged values are not written again: each write restyles our layer.
      const transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      if (button.style.transform !== transform) button.style.transform = transform;
      if (button.hidden) button.hidden = false;
    }
    if (this.openFor) this.placePopover(this.openFor);
  }

  private toggle(state: MarkerState): void {
    if (this.openFor === state) {
      this.close(true);
      return;
    }
    this.open(state);
  }

  private open(state: MarkerState): void {
    if (this.openFor) this.openFor.button.setAttribute('aria-expanded', 'false');
    this.openFor = state;
    this.popover.replaceChildren(...this.renderPopover(state.placed));
    this.popover.hidden = false;
    state.button.setAttribute('aria-expanded', 'true');
    this.placePopover(state);
    this.popover.focus({preventScroll: true});
  }

  close(returnFocus: boolean): void {
    const state = this.openFor;
    if (!state) return;
    this.openFor = null;
    this.popover.hidden = true;
    this.popover.replaceChildren();
    state.button.setAttribute('aria-expanded', 'false');
    if (returnFocus) state.button.focus({preventScroll: true});
  }

  private placePopover(state: MarkerState): void {
    const b = state.button.getBoundingClientRect();
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    const w = this.popover.offsetWidth || 440;
    const h = this.popover.offsetHeight || 300;
    let x = Math.min(b.left, vw - w - 8);
    let y = b.bottom + 6;
    if (y + h > vh - 8 && b.top - h - 6 >= 8) y = b.top - h - 6;
    x = Math.max(8, x);
    y = Math.max(8, Math.min(y, vh - h - 8));
    this.popover.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  private renderPopover(placed: Placed): Node[] {
    const {locale} = this.deps;
    const f = placed.finding;
    const env = this.deps.env();
    const title = el('h2', {text: renderMsg(locale, f.diagnosis.title)});
    title.id = 'apm-doctor-title';
    this.popover.setAttribute('aria-labelledby', title.id);
    const close = el('button', {className: 'close', text: '×'});
    close.type = 'button';
    close.setAttribute('aria-label', t(locale, 'content_close'));
    close.addEventListener('click', () => this.close(true));

    const facts = el('dl');
    const fact = (label: string, value: string) => facts.append(el('dt', {text: label}), el('dd', {text: value}));
    fact(t(locale, 'content_cause'), t(locale, `cause_${f.cause}`));
    fact(t(locale, 'content_lang'), t(locale, `lang_${f.lang}`));
    fact(t(locale, 'content_tracer_version'), f.tracerVersion ?? t(locale, 'content_version_unknown'));
    fact(t(locale, 'content_target'), targetText(locale, f.target));
    fact(t(locale, 'content_env'), envText(locale, env));

    const advice = el('ul', {}, ...f.diagnosis.advice.map((a) => el('li', {text: renderMsg(locale, a)})));
    const status = el('div', {className: 'status'});
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');

    const probe = el('button', {className: 'primary', text: t(locale, 'content_probe')});
    probe.type = 'button';
    probe.dataset.action = 'probe';
    probe.addEventListener('click', () => {
      status.textContent = t(locale, 'content_probing');
      probe.disabled = true;
      this.deps.probe(placed).then(
        (outcome) => {
          status.textContent = probeText(locale, outcome);
          probe.disabled = false;
        },
        () => {
          status.textContent = t(locale, 'content_probe_no_answer');
          probe.disabled = false;
        },
      );
    });
    const copy = el('button', {text: t(locale, 'content_copy')});
    copy.type = 'button';
    copy.dataset.action = 'copy';
    copy.addEventListener('click', () => {
      const text = findingAsText(locale, f, placed.lineText, this.deps.env(), location.href);
      this.deps.copy(text).then(
        (ok) => {
          status.textContent = t(locale, ok ? 'content_copied' : 'content_copy_failed');
        },
        () => {
          status.textContent = t(locale, 'content_copy_failed');
        },
      );
    });

    return [
      el('div', {className: 'head'}, title, close),
      facts,
      el('p', {className: 'explanation', text: renderMsg(locale, f.diagnosis.explanation)}),
      el('h3', {text: t(locale, 'content_advice_heading')}),
      advice,
      el('h3', {text: t(locale, 'content_log_line')}),
      el('pre', {text: placed.lineText}),
      el('div', {className: 'actions'}, probe, copy),
      status,
    ];
  }
}

function probeText(locale: Locale, outcome: ProbeOutcome | null): string {
  if (!outcome) return t(locale, 'content_probe_no_answer');
  if (outcome.ok) return t(locale, 'content_probe_result', {verdict: outcome.verdict, summary: outcome.summary});
  switch (outcome.code) {
    case 'bridge-not-connected':
      return t(locale, 'content_probe_not_connected');
    case 'bad-target':
      return t(locale, 'content_probe_bad_target');
    case 'bridge-error':
      return t(locale, 'content_probe_failed');
  }
}

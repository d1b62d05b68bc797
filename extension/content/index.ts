// Content script entry (one per frame; manifest all_frames). Map:
//
//   page DOM ──MutationObserver per root (watch.ts: collect only)──▶ Pipeline queue
//   SliceScheduler (≤8 ms per animation frame) ──▶ Pipeline.run: nodes → rows (adapters/,
//       generic blocks) → text → shared engine Scanner (incremental) → FindingStore
//   FindingStore ──▶ HighlightLayer (CSS.highlights, no page node changed)
//                ──▶ Overlay (markers + popover in our own shadow root, appended to <html>)
//                ──▶ Channel (Port to the background: per-frame findings → tab badge)
//   Popover "Probe now" ──▶ Channel ──▶ background (which alone may talk to the bridge)
//
// Everything hangs off one Life (AbortController): the extension going away, a newer copy of
// this script starting, or the user disabling the site ends it and restores the page.
import browser from 'webextension-polyfill';
import {Scanner} from '../../shared/engine/api';
import {pickLocale} from '../../shared/i18n/index';
import {adapterIn, pickAdapter} from '../adapters/index';
import type {ConsoleAdapter} from '../adapters/types';
import {MAX_FINDINGS_PER_FRAME, MESSAGE_VERSION} from '../messages';
import type {FindingSummary} from '../messages';
import {Channel} from './channel';
import {copyText} from './clipboard';
import {detectFromPage, onOverrideChange, readOverride} from './env';
import type {Placed} from './findings';
import {FindingStore} from './findings';
import {HighlightLayer} from './highlight';
import {Life} from './life';
import {Overlay} from './overlay';
import {Pipeline} from './pipeline';
import type {EnvState} from './report';
import {SliceScheduler} from './scheduler';
import {publishTestState, snapshot} from './test-hooks';
import {RootWatcher} from './watch';

/** Fired on the document by each new instance; older instances end themselves. */
const INSTANCE_EVENT = 'apm-doctor:instance';
/** During a long scan, highlights are repainted and the badge updated at most this often. */
const PUBLISH_MS = 500;
/** The page's environment is read again at most this often while the page changes (labels render late). */
const ENV_RECHECK_MS = 1_500;

function summarize(p: Placed): FindingSummary {
  const f = p.finding;
  return {
    rule: f.diagnosis.rule,
    cause: f.cause,
    lang: f.lang,
    source: f.source,
    target: f.target,
    tracerVersion: f.tracerVersion,
    lineText: p.lineText.slice(0, 2_000),
    excerpt: f.excerpt.slice(0, 4_000),
    title: f.diagnosis.title,
    explanation: f.diagnosis.explanation,
    advice: f.diagnosis.advice,
  };
}

function sameEnv(a: EnvState, b: EnvState): boolean {
  return a.env === b.env && a.source === b.source;
}

async function start(): Promise<void> {
  const life = new Life();
  document.dispatchEvent(new CustomEvent(INSTANCE_EVENT));
  document.addEventListener(INSTANCE_EVENT, () => life.end(), {signal: life.signal});

  const locale = pickLocale(browser.i18n.getUILanguage());
  let override = await readOverride().catch(() => null);
  if (life.dead) return;
  let adapter: ConsoleAdapter | null = life.guard('pick adapter', () => pickAdapter(location.hostname, document)) ?? null;
  let detected = detectFromPage(adapter, life);
  let env: EnvState = override ?? detected;
  let lastUrl = location.href;

  const channel = new Channel(life);
  const store = new FindingStore();
  const highlights = new HighlightLayer(life);
  const overlay: Overlay = new Overlay(life, {
    locale,
    env: () => env,
    probe: (placed) => channel.probe(placed.finding.target),
    copy: (text): Promise<boolean> => copyText(text, overlay.scratch),
  });
  const newScanner = () => new Scanner({env: env.env, facts: {}});
  const roots = new Set<Document | ShadowRoot>([document]);

  let reportDue = true;
  store.onChange((added, removed) => {
    for (const p of removed) highlights.delete(p.range);
    for (const p of added) highlights.add(p.range);
    overlay.remove(removed);
    overlay.add(added);
    reportDue = true;
  });
  life.onEnd(() => store.clearAll());

  let lastReport = -Infinity;
  const flush = (final = true) => {
    if (reportDue && (final || performance.now() - lastReport >= PUBLISH_MS)) {
      lastReport = performance.now();
      reportDue = false;
      channel.report({
        v: MESSAGE_VERSION,
        type: 'content-findings',
        findings: store.all().slice(0, MAX_FINDINGS_PER_FRAME).map(summarize),
        env: env.env,
        envSource: env.source,
        adapter: adapter?.id ?? 'generic',
      });
    }
    if (__TEST__) {
      publishTestState({
        ...snapshot(store, pipeline),
        markers: overlay.markerCount,
        adapter: adapter?.id ?? 'generic',
        env: env.env,
        tabId: channel.tabId,
        dead: life.dead,
      });
    }
  };

  const watcher = new RootWatcher(life, ({nodes, removed}) => {
    if (!adapter) for (const n of nodes) if (n.nodeType === Node.ELEMENT_NODE) candidates.push(n as Element);
    pipeline.enqueue(nodes, removed);
    scheduler.request();
  });
  const pipeline = new Pipeline(life, store, adapter, newScanner(), {
    onShadowRoot: (root) => {
      if (watcher.watch(root)) {
        roots.add(root);
        pipeline.enqueueRoot(root);
      }
    },
  });

  const restart = () => {
    pipeline.reset(adapter, newScanner(), roots);
    scheduler.request();
  };

  // A console's log view may appear after load (SPA): while no adapter claims the page, the
  // elements the page adds are checked against the adapters' signatures (cost: the added
  // subtrees only). The URL (log group, pod) may change without a reload: that re-reads the
  // environment.
  let candidates: Element[] = [];
  const recheck = () => {
    let changed = false;
    if (!adapter && candidates.length) {
      const added = candidates;
      candidates = [];
      for (const el of added) {
        if (!el.isConnected) continue;
        adapter = life.guard('signatures', () => adapterIn(el)) ?? null;
        if (adapter) break;
      }
      changed = Boolean(adapter);
    }
    const urlChanged = location.href !== lastUrl;
    lastUrl = location.href;
    if (changed || urlChanged) {
      detected = detectFromPage(adapter, life);
      const next = override ?? detected;
      if (changed || !sameEnv(next, env)) {
        env = next;
        restart();
      }
    }
  };

  // Labels, tags and log-group names often render after the log rows' container: while the page
  // changes and nobody chose the environment, read it again now and then (trailing timer), and
  // rescan only if it changed.
  let lastDetect = performance.now();
  let envTimer: ReturnType<typeof setTimeout> | undefined;
  life.onEnd(() => clearTimeout(envTimer));
  const redetectSoon = () => {
    if (override || envTimer !== undefined) return;
    envTimer = setTimeout(() => {
      envTimer = undefined;
      lastDetect = performance.now();
      life.guard('env', () => {
        detected = detectFromPage(adapter, life);
        if (!override && !sameEnv(detected, env)) {
          env = detected;
          reportDue = true;
          restart();
        }
      });
    }, Math.max(0, lastDetect + ENV_RECHECK_MS - performance.now()));
  };

  let lastHighlightFlush = -Infinity;
  const scheduler = new SliceScheduler(life, (deadline) => {
    life.guard('recheck', recheck);
    const more = pipeline.run(deadline);
    // Each change to the page's highlights repaints the page: batch them during long scans.
    if (highlights.dirty && (!more || performance.now() - lastHighlightFlush >= PUBLISH_MS)) {
      highlights.flush();
      lastHighlightFlush = performance.now();
    }
    overlay.schedulePosition();
    flush(!more);
    if (!more) redetectSoon();
    return more;
  });

  onOverrideChange(life, () => {
    readOverride().then(
      (o) => {
        override = o;
        const next = override ?? detected;
        if (!sameEnv(next, env)) {
          env = next;
          reportDue = true;
          restart();
        }
      },
      () => undefined,
    );
  });

  // A page restored from the back/forward cache lost its port: report again.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) channel.resend();
  }, {signal: life.signal});

  life.onEnd(() => {
    if (__TEST__) flush();
  });

  if (__TEST__) channel.onHello = flush;
  channel.onFocus = (index, lineText) => {
    // The report lists store.all() in order; the line text guards against a list that changed since.
    const all = store.all();
    const placed = all[index]?.lineText === lineText ? all[index] : all.find((p) => p.lineText === lineText);
    if (placed) overlay.reveal(placed);
  };
  watcher.watch(document);
  channel.hello();
  pipeline.enqueueRoot(document);
  scheduler.request();
}

start().catch((err: unknown) => {
  console.debug('[APM Connection Doctor] start', err);
});

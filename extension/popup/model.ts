// The popup's pure logic (no browser APIs, unit-tested in test/extension/popup-model.test.ts):
// grouping the tab's findings by diagnosis, the probe's default target, and the support
// bundle's input from what the popup knows.
import type {StatusResult} from '../../shared/agent/status-types';
import type {BundleInput} from '../../shared/bundle/index';
import {scanText} from '../../shared/engine/api';
import type {DiagnosedFinding, Env, Msg, StartupConfig} from '../../shared/engine/types';
import type {EnvSnapshot} from '../../shared/env/types';
import type {ProbeResult} from '../../shared/probe/types';
import {targetInput} from '../lib/bridge-client';
import type {EnvSource, FindingSummary} from '../messages';

export interface FrameFindings {
  frameId: number;
  /** The frame's origin (from the background: the port sender's URL); null when unknown. */
  origin: string | null;
  env: Env;
  envSource: EnvSource;
  adapter: string;
  findings: FindingSummary[];
}

/** One finding and where it lives: the frame and its index in that frame's report (for "jump"). */
export interface FindingRef {
  frameId: number;
  index: number;
  finding: FindingSummary;
}

/** Findings with the same diagnosis (rule, explanation and advice, substitutions included). */
export interface DiagnosisGroup {
  key: string;
  rule: string;
  title: Msg;
  explanation: Msg;
  advice: readonly Msg[];
  items: FindingRef[];
}

const msgKey = (m: Msg): string => `${m.key}${m.subs ? JSON.stringify(Object.entries(m.subs).sort()) : ''}`;

export function groupFindings(frames: readonly FrameFindings[]): DiagnosisGroup[] {
  const groups = new Map<string, DiagnosisGroup>();
  for (const frame of frames) {
    frame.findings.forEach((finding, index) => {
      const key = [finding.rule, msgKey(finding.explanation), ...finding.advice.map(msgKey)].join('|');
      let g = groups.get(key);
      if (!g) {
        g = {key, rule: finding.rule, title: finding.title, explanation: finding.explanation, advice: finding.advice, items: []};
        groups.set(key, g);
      }
      g.items.push({frameId: frame.frameId, index, finding});
    });
  }
  // Most frequent first; ties keep page order.
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length);
}

/** Distinct line texts of a group, each with its first occurrence (a live tail repeats lines). */
export function distinctLines(items: readonly FindingRef[]): {ref: FindingRef; count: number}[] {
  const seen = new Map<string, {ref: FindingRef; count: number}>();
  for (const ref of items) {
    const entry = seen.get(ref.finding.lineText);
    if (entry) entry.count++;
    else seen.set(ref.finding.lineText, {ref, count: 1});
  }
  return [...seen.values()];
}

/** The env the tab's findings were diagnosed for: the frame with the most findings decides. */
export function tabEnv(frames: readonly FrameFindings[]): {env: Env; source: EnvSource} | null {
  const top = [...frames].sort((a, b) => b.findings.length - a.findings.length || a.frameId - b.frameId)[0];
  return top ? {env: top.env, source: top.envSource} : null;
}

/** The origins an env override for this tab must name: every reporting frame's (content scripts read their own frame's). */
export function envScopes(frames: readonly FrameFindings[]): string[] {
  return [...new Set(frames.map((f) => f.origin).filter((o): o is string => typeof o === 'string' && /^https?:\/\//.test(o)))];
}

/** Targets the findings name, most frequent first, as probe inputs. */
export function findingTargets(findings: readonly FindingSummary[]): string[] {
  const counts = new Map<string, number>();
  for (const f of findings) {
    const t = targetInput(f.target);
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
}

export interface BundleSources {
  /** The tab's findings, as the content script reported them. */
  page: readonly FindingSummary[];
  /** Text pasted into "Paste to diagnose", when it had findings. */
  pasted: string | null;
  env: {detected: Env | null; chosen: Env | null};
  probe: ProbeResult | null;
  status: StatusResult | null;
  snapshot: EnvSnapshot | null;
  /** The page's host name (not its full URL: paths and queries can carry ids). */
  origin: string | null;
  generatedAt: string;
}

/**
 * The page's findings come with their diagnosis already made (for the env the user saw), so they
 * go into the bundle as they are, over a log text made of their excerpts (the bundle's context
 * lines come from it). Re-scanning that text adds what a summary doesn't carry (HTTP status,
 * errno, timestamp) and finds startup configuration lines. Pasted text is appended after it.
 */
export function bundleInput(src: BundleSources): BundleInput {
  const effective = src.env.chosen ?? src.env.detected ?? 'unknown';
  const parts: string[] = [];
  const placed: {f: FindingSummary; start: number; end: number}[] = [];
  let line = 1;
  for (const f of src.page) {
    const text = (f.excerpt || f.lineText).replace(/\r\n?/g, '\n');
    const n = text.split('\n').length;
    parts.push(text);
    placed.push({f, start: line, end: line + n - 1});
    line += n + 1;
  }
  const pageText = parts.join('\n\n');
  const pageScan = pageText ? scanText(pageText, {env: effective}) : {findings: [], configs: []};
  const findings: DiagnosedFinding[] = placed.map(({f, start, end}) => {
    const hit = pageScan.findings.find((x) => x.line >= start && x.line <= end);
    return {
      line: hit?.line ?? start,
      endLine: hit ? Math.min(hit.endLine, end) : end,
      lang: f.lang,
      source: f.source,
      recognizer: hit?.recognizer ?? 'page',
      cause: f.cause,
      target: f.target,
      tracerVersion: f.tracerVersion,
      httpStatus: hit?.httpStatus ?? null,
      errorCode: hit?.errorCode ?? null,
      timestamp: hit?.timestamp ?? null,
      excerpt: f.excerpt,
      diagnosis: {rule: f.rule, title: f.title, explanation: f.explanation, advice: f.advice},
    };
  });
  const configs: StartupConfig[] = [...pageScan.configs];
  let logText = pageText;
  if (src.pasted) {
    // Pasted line k sits at k + shift in `logText` (page text, a blank line, then the paste).
    const shift = pageText ? line - 1 : 0;
    const pasted = scanText(src.pasted, {env: effective});
    for (const f of pasted.findings) findings.push({...f, line: f.line + shift, endLine: f.endLine + shift});
    for (const c of pasted.configs) configs.push({...c, line: c.line + shift});
    logText = pageText ? `${pageText}\n\n${src.pasted}` : src.pasted;
  }
  const input: BundleInput = {findings, configs, env: src.env, logText, generatedAt: src.generatedAt};
  if (src.probe) input.probe = src.probe;
  if (src.status) input.status = src.status;
  if (src.snapshot) input.envSnapshot = src.snapshot;
  if (src.origin) input.origin = src.origin;
  return input;
}

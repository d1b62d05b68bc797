// The popup. Map:
//
//   mount ─▶ currentTab() ─▶ background 'ui-tab-findings' (again on every storage.session change
//            of that tab) ─▶ groupFindings ─▶ Findings tab (jump → 'ui-focus-finding')
//         ─▶ BridgeClient(port from options, token from storage.local) ─▶ pill + Bridge panel
//   Probe tab: pair / forget; probe{target, vantage} with live `probe-step`s ─▶ verdict;
//              agent status; an env snapshot is fetched once paired (for the bundle)
//   Paste tab: scanText in this page (no bridge needed); an `agent status` paste is parsed too
//   Footer:   buildBundle(findings + pasted + probe + status + snapshot) ─▶ clipboard (Markdown) / JSON file
//
// The environment select writes the tab's origin override through the background; the content
// script re-diagnoses and reports again, which refreshes the list here.
import type {JSX} from 'preact';
import {useEffect, useMemo, useRef, useState} from 'preact/hooks';
import browser from 'webextension-polyfill';
import {parseStatusText} from '../../shared/agent/status-parse';
import type {StatusResult} from '../../shared/agent/status-types';
import {buildBundle, renderBundleJson, renderBundleMarkdown} from '../../shared/bundle/index';
import {scanText} from '../../shared/engine/api';
import type {DiagnosedFinding, Env} from '../../shared/engine/types';
import {ENVS} from '../../shared/engine/types';
import type {EnvSnapshot} from '../../shared/env/types';
import {parseTarget} from '../../shared/probe/target';
import type {ProbeResult, ProbeStep, Vantage} from '../../shared/probe/types';
import {MAX_TARGET_CHARS} from '../../shared/protocol';
import type {BridgeState, RequestFailure} from '../lib/bridge-client';
import {BRIDGE_PORT_KEY, BridgeClient, readBridgePort} from '../lib/bridge-client';
import {LAST_PROBE_KEY, LAST_STATUS_KEY, PROBE_VANTAGE_KEY, readLastProbe, readLastStatus, readVantage, storageTokens} from '../lib/ui-settings';
import type {FindingSummary} from '../messages';
import {currentTab, enableSite, focusFinding, requestOrigin, setEnvOverride, tabFindings} from './api';
import {ApmStatusView, BridgePanel, BridgePill, FailureNote, mergeStep, StatusResultView, StepList, Verdict, VantageFields} from './bridge-view';
import {FindingsView, GroupCard} from './findings-view';
import {envKey, useT} from './i18n';
import type {FrameFindings} from './model';
import {bundleInput, envScopes, findingTargets, groupFindings, tabEnv} from './model';
import {Tabs, type TabId} from './tabs';
import type {VantageDraft} from './vantage';
import {draftOf, EMPTY_DRAFT, vantageOf} from './vantage';

interface ProbeState {
  running: boolean;
  steps: ProbeStep[];
  result: ProbeResult | null;
  failure: RequestFailure | null;
}

interface StatusState {
  running: boolean;
  result: StatusResult | null;
  failure: RequestFailure | null;
}

function httpOrigin(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** A pasted finding in the shape the list renders. */
function pastedSummary(f: DiagnosedFinding, lines: readonly string[]): FindingSummary {
  return {
    rule: f.diagnosis.rule,
    cause: f.cause,
    lang: f.lang,
    source: f.source,
    target: f.target,
    tracerVersion: f.tracerVersion,
    lineText: (lines[f.line - 1] ?? '').trim().slice(0, 2000),
    excerpt: f.excerpt,
    title: f.diagnosis.title,
    explanation: f.diagnosis.explanation,
    advice: f.diagnosis.advice,
  };
}

const openedAsPage = new URLSearchParams(location.search).has('tabId');

export function App(): JSX.Element {
  const tr = useT();
  const [tab, setTab] = useState<{tabId: number | null; url: string | null} | null>(null);
  const [frames, setFrames] = useState<FrameFindings[] | null>(null);
  const [reachable, setReachable] = useState(true);
  const [envChoice, setEnvChoice] = useState<Env | null | undefined>(undefined);
  const [view, setView] = useState<TabId>('findings');
  const [client, setClient] = useState<BridgeClient | null>(null);
  const [bridgeState, setBridgeState] = useState<BridgeState>({kind: 'idle'});
  const [target, setTarget] = useState('');
  const targetTouched = useRef(false);
  const [probeDraft, setProbeDraft] = useState<VantageDraft>(EMPTY_DRAFT);
  const [statusDraft, setStatusDraft] = useState<VantageDraft>(EMPTY_DRAFT);
  const [probe, setProbe] = useState<ProbeState>({running: false, steps: [], result: null, failure: null});
  const [status, setStatus] = useState<StatusState>({running: false, result: null, failure: null});
  const [snapshot, setSnapshot] = useState<EnvSnapshot | null>(null);
  const [pasteText, setPasteText] = useState('');
  const [pasted, setPasted] = useState<{text: string; findings: DiagnosedFinding[]; lines: string[]} | null>(null);
  const [bundleNote, setBundleNote] = useState('');
  const [jumpNote, setJumpNote] = useState('');
  const abort = useRef<AbortController | null>(null);
  const snapshotFor = useRef<string | null>(null);

  // ---- the tab and its findings ------------------------------------------------------------
  useEffect(() => {
    void currentTab().then(setTab);
  }, []);

  useEffect(() => {
    const tabId = tab?.tabId;
    if (tabId === null || tabId === undefined) {
      if (tab) setFrames([]);
      return;
    }
    const load = () =>
      void tabFindings(tabId).then((f) => {
        setReachable(f !== null);
        setFrames(f ?? []);
      });
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && `tab:${tabId}` in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tab]);

  const allFindings = useMemo(() => (frames ?? []).flatMap((f) => f.findings), [frames]);
  const groups = useMemo(() => groupFindings(frames ?? []), [frames]);
  const pageEnv = useMemo(() => tabEnv(frames ?? []), [frames]);
  // tabs.Tab.url needs a host permission the extension may not hold; the frames' own reports carry it.
  const origin = httpOrigin(tab?.url ?? null) ?? (frames ? (envScopes(frames.filter((f) => f.frameId === 0))[0] ?? envScopes(frames)[0] ?? null) : null);
  const override = envChoice !== undefined ? envChoice : pageEnv?.source === 'override' ? pageEnv.env : null;
  const detected = pageEnv?.source === 'detected' && pageEnv.env !== 'unknown' ? pageEnv.env : null;
  const effectiveEnv: Env = override ?? detected ?? 'unknown';

  useEffect(() => {
    if (!targetTouched.current) setTarget(findingTargets(allFindings)[0] ?? '');
  }, [allFindings]);

  // ---- the bridge --------------------------------------------------------------------------
  useEffect(() => {
    let c: BridgeClient | null = null;
    let unsubscribe = () => {};
    let gone = false;
    void (async () => {
      const stored = await browser.storage.local.get([BRIDGE_PORT_KEY, PROBE_VANTAGE_KEY]);
      const session = await browser.storage.session.get([LAST_PROBE_KEY, LAST_STATUS_KEY]).catch(() => ({}));
      if (gone) return;
      setProbeDraft(draftOf(readVantage(stored)));
      const lastProbe = readLastProbe(session);
      if (lastProbe) setProbe((p) => (p.result || p.running ? p : {...p, result: lastProbe, steps: lastProbe.steps}));
      const lastStatus = readLastStatus(session);
      if (lastStatus) setStatus((s) => (s.result || s.running ? s : {...s, result: lastStatus}));
      c = new BridgeClient({port: readBridgePort(stored), tokens: storageTokens});
      unsubscribe = c.subscribe(setBridgeState);
      setClient(c);
      await c.connect();
    })();
    return () => {
      gone = true;
      unsubscribe();
      c?.close();
    };
  }, []);

  const refreshSnapshot = async (vantage: Vantage) => {
    if (!client) return;
    const key = JSON.stringify(vantage);
    if (snapshotFor.current === key) return;
    snapshotFor.current = key;
    const r = await client.request({type: 'env', vantage});
    if (r.ok) setSnapshot(r.reply.result);
    else snapshotFor.current = null;
  };

  useEffect(() => {
    if (bridgeState.kind === 'ready') void refreshSnapshot(vantageOf(probeDraft) ?? {kind: 'local'});
    // Only on becoming ready; later probes refresh it for their own vantage.
  }, [bridgeState.kind]);

  const pair = async (code: string): Promise<RequestFailure | null> => {
    if (!client) return {kind: 'client', code: 'not-connected'};
    const r = await client.pair(code);
    return r.ok ? null : r.failure;
  };

  const targetError = useMemo(() => {
    const v = target.trim();
    if (!v) return null;
    // eslint-disable-next-line no-control-regex
    if (v.length > MAX_TARGET_CHARS || /[\u0000-\u001f\u007f]/.test(v)) return tr('popup_target_err');
    const parsed = parseTarget(v);
    return 'error' in parsed ? tr.msg(parsed.error) : null;
  }, [target, tr.locale]);

  const probeVantage = vantageOf(probeDraft);
  const statusVantage = vantageOf(statusDraft);
  const ready = bridgeState.kind === 'ready';

  const runProbe = async () => {
    if (!client || !probeVantage || targetError) return;
    abort.current?.abort();
    const ac = new AbortController();
    abort.current = ac;
    void browser.storage.local.set({[PROBE_VANTAGE_KEY]: probeVantage});
    setProbe({running: true, steps: [], result: null, failure: null});
    const r = await client.request(
      {type: 'probe', target: target.trim() || null, vantage: probeVantage, options: {}},
      {signal: ac.signal, onStep: (step) => setProbe((p) => ({...p, steps: mergeStep(p.steps, step)}))},
    );
    if (abort.current === ac) abort.current = null;
    if (r.ok) {
      const result = r.reply.result;
      setProbe({running: false, steps: result.steps, result, failure: null});
      void browser.storage.session.set({[LAST_PROBE_KEY]: result}).catch(() => undefined);
      void refreshSnapshot(probeVantage);
    } else {
      setProbe((p) => ({...p, running: false, failure: r.failure}));
    }
  };

  const runStatus = async () => {
    if (!client || !statusVantage) return;
    setStatus({running: true, result: null, failure: null});
    const r = await client.request({type: 'status', vantage: statusVantage});
    if (r.ok) {
      setStatus({running: false, result: r.reply.result, failure: null});
      void browser.storage.session.set({[LAST_STATUS_KEY]: r.reply.result}).catch(() => undefined);
    } else setStatus({running: false, result: null, failure: r.failure});
  };

  // ---- environment -------------------------------------------------------------------------
  const chooseEnv = (value: string) => {
    const env = (ENVS as readonly string[]).includes(value) ? (value as Env) : null;
    setEnvChoice(env);
    for (const scope of envScopes(frames ?? [])) void setEnvOverride(scope, env);
  };

  // ---- jump --------------------------------------------------------------------------------
  const jump = async (ref: {frameId: number; index: number; finding: FindingSummary}) => {
    if (tab?.tabId === null || tab?.tabId === undefined) return;
    const ok = await focusFinding(tab.tabId, ref.frameId, ref.index, ref.finding.lineText);
    if (ok && !openedAsPage) window.close();
    setJumpNote(tr(ok ? 'popup_jumped' : 'popup_jump_failed'));
  };

  const enableThisSite =
    origin && frames !== null && frames.length === 0
      ? () => {
          void requestOrigin(`${new URL(origin).protocol}//${new URL(origin).hostname}/*`).then(async (granted) => {
            if (!granted) return;
            const r = await enableSite(origin);
            setJumpNote(tr(r.ok ? 'popup_site_enabled' : 'popup_site_enable_failed'));
          });
        }
      : null;

  // ---- paste -------------------------------------------------------------------------------
  const diagnosePaste = () => {
    const text = pasteText.slice(0, 2_000_000);
    const lines = text.split(/\r?\n/);
    setPasted({text, findings: scanText(text, {env: effectiveEnv}).findings, lines});
  };
  const pastedGroups = useMemo(
    () => (pasted ? groupFindings([{frameId: -1, origin: null, env: effectiveEnv, envSource: 'detected', adapter: 'paste', findings: pasted.findings.map((f) => pastedSummary(f, pasted.lines))}]) : []),
    [pasted, effectiveEnv],
  );
  const pastedStatus = useMemo(() => {
    if (!pasted) return null;
    const s = parseStatusText(pasted.text);
    return s.apm.state === 'absent' && !s.rawSection ? null : s;
  }, [pasted]);

  // ---- bundle ------------------------------------------------------------------------------
  const makeBundle = () => {
    const input = bundleInput({
      page: allFindings,
      pasted: pasted && pasted.findings.length ? pasted.text : null,
      env: {detected, chosen: override},
      probe: probe.result,
      status: status.result,
      snapshot,
      origin: origin ? new URL(origin).hostname : null,
      generatedAt: new Date().toISOString(),
    });
    return {b: buildBundle(input), findings: input.findings.length};
  };

  const bundleSummary = ({b, findings}: ReturnType<typeof makeBundle>) =>
    tr('popup_bundle_contents', {
      findings: String(findings),
      probe: tr(b.probe ? 'popup_yes' : 'popup_no'),
      status: tr(b.status ? 'popup_yes' : 'popup_no'),
      env: tr(snapshot ? 'popup_yes' : 'popup_no'),
    });

  const copyBundle = async () => {
    const made = makeBundle();
    const md = renderBundleMarkdown(made.b, tr.locale);
    try {
      await navigator.clipboard.writeText(md);
      setBundleNote(`${tr('popup_bundle_copied')} ${bundleSummary(made)}`);
    } catch {
      setBundleNote(tr('popup_bundle_copy_failed'));
    }
  };

  const downloadJson = () => {
    const made = makeBundle();
    const b = made.b;
    const blob = new Blob([renderBundleJson(b)], {type: 'application/json'});
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `apm-doctor-bundle-${b.generatedAt.replace(/[:.]/g, '-')}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setBundleNote(`${tr('popup_bundle_saved')} ${bundleSummary(made)}`);
  };

  // ---- render ------------------------------------------------------------------------------
  const targets = findingTargets(allFindings);
  return (
    <div class="app">
      <header class="top">
        <h1>{tr('extName')}</h1>
        <BridgePill state={bridgeState} />
      </header>

      <div class="env-row">
        <label for="env">{tr('popup_env_label')}</label>
        <select id="env" value={override ?? ''} onChange={(e) => chooseEnv(e.currentTarget.value)}>
          <option value="">{detected ? tr('popup_env_auto_detected', {env: tr(envKey(detected))}) : tr('popup_env_auto')}</option>
          {ENVS.filter((e) => e !== 'unknown').map((e) => (
            <option key={e} value={e}>
              {tr(envKey(e))}
            </option>
          ))}
        </select>
      </div>

      <Tabs
        current={view}
        onSelect={setView}
        labels={{
          findings: tr('popup_tab_findings', {count: String(allFindings.length)}),
          probe: tr('popup_tab_probe'),
          paste: tr('popup_tab_paste'),
        }}
      />

      <div class="panel" id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`} tabIndex={0}>
        {view === 'findings' && (
          <FindingsView groups={groups} loaded={frames !== null} reachable={reachable && (frames?.length ?? 0) > 0} onJump={(r) => void jump(r)} jumpNote={jumpNote} enableSite={enableThisSite} />
        )}

        {view === 'probe' && (
          <>
            <BridgePanel
              state={bridgeState}
              onPair={pair}
              onForget={() => void client?.forget()}
              onRetry={() => void client?.connect()}
              onOptions={() => void browser.runtime.openOptionsPage()}
            />
            <section class="probe" aria-labelledby="probe-h">
              <h2 id="probe-h">{tr('popup_probe_heading')}</h2>
              <div class="field">
                <label for="target">{tr('probe_label_target')}</label>
                <input
                  id="target"
                  list="targets"
                  value={target}
                  spellcheck={false}
                  autocomplete="off"
                  placeholder={tr('popup_target_placeholder')}
                  aria-invalid={targetError ? 'true' : 'false'}
                  aria-describedby="target-help"
                  onInput={(e) => {
                    targetTouched.current = true;
                    setTarget(e.currentTarget.value);
                  }}
                />
                <datalist id="targets">
                  {targets.map((t) => (
                    <option key={t} value={t} />
                  ))}
                </datalist>
                <span id="target-help" class={targetError ? 'error' : 'muted'}>
                  {targetError ?? tr(targets.length ? 'popup_target_help_findings' : 'popup_target_help')}
                </span>
              </div>
              <VantageFields idPrefix="pv" draft={probeDraft} onChange={setProbeDraft} legend={tr('popup_probe_from')} />
              <div class="row">
                {probe.running ? (
                  <button type="button" onClick={() => abort.current?.abort()}>
                    {tr('popup_cancel')}
                  </button>
                ) : (
                  <button type="button" class="primary" data-action="probe" disabled={!ready || !probeVantage || Boolean(targetError)} onClick={() => void runProbe()}>
                    {tr('popup_probe_button')}
                  </button>
                )}
                {!ready && <span class="muted">{tr('popup_needs_bridge')}</span>}
              </div>
              <div aria-live="polite">
                <FailureNote failure={probe.failure} />
                {probe.result && !probe.running && <Verdict result={probe.result} />}
                <StepList steps={probe.steps} />
              </div>
            </section>
            <section class="agent-status" aria-labelledby="status-h">
              <h2 id="status-h">{tr('status_label_title')}</h2>
              <VantageFields idPrefix="sv" draft={statusDraft} onChange={setStatusDraft} legend={tr('popup_status_where')} />
              <div class="row">
                <button type="button" data-action="status" disabled={!ready || !statusVantage || status.running} onClick={() => void runStatus()}>
                  {tr(status.running ? 'popup_status_running' : 'popup_status_button')}
                </button>
              </div>
              <div aria-live="polite">
                <FailureNote failure={status.failure} />
                {status.result && <StatusResultView result={status.result} />}
              </div>
            </section>
          </>
        )}

        {view === 'paste' && (
          <section class="paste" aria-labelledby="paste-h">
            <h2 id="paste-h">{tr('popup_paste_heading')}</h2>
            <label for="paste-text" class="muted">
              {tr('popup_paste_help')}
            </label>
            <textarea
              id="paste-text"
              rows={7}
              spellcheck={false}
              value={pasteText}
              onInput={(e) => setPasteText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  diagnosePaste();
                }
              }}
            />
            <div class="row">
              <button type="button" class="primary" data-action="diagnose" disabled={pasteText.trim() === ''} onClick={diagnosePaste}>
                {tr('popup_paste_button')}
              </button>
              <span class="muted">{tr('popup_paste_shortcut')}</span>
            </div>
            <div aria-live="polite" data-testid="paste-results">
              {pasted && pasted.findings.length === 0 && !pastedStatus && <p class="muted">{tr('popup_paste_none')}</p>}
              {pasted && pasted.findings.length > 0 && <p>{tr('popup_paste_found', {count: String(pasted.findings.length)})}</p>}
              {pastedGroups.map((g, i) => (
                <GroupCard key={g.key} group={g} open={i === 0} lineLabel={(ref) => tr('popup_line_no', {line: String(pasted?.findings[ref.index]?.line ?? '?')})} />
              ))}
              {pastedStatus && (
                <>
                  <h3>{tr('status_label_title')}</h3>
                  <ApmStatusView apm={pastedStatus.apm} agentVersion={pastedStatus.agentVersion} />
                </>
              )}
            </div>
          </section>
        )}
      </div>

      <footer class="bundle">
        <div class="row">
          <button type="button" class="primary" data-action="copy-bundle" onClick={() => void copyBundle()}>
            {tr('popup_bundle_copy')}
          </button>
          <button type="button" data-action="download-bundle" onClick={downloadJson}>
            {tr('popup_bundle_json')}
          </button>
        </div>
        <p class="note" role="status" aria-live="polite" data-testid="bundle-note">
          {bundleNote}
        </p>
      </footer>
    </div>
  );
}

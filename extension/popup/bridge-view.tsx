// Bridge connection and pairing, the probe (target, vantage, live steps, verdict) and
// `agent status`. All text nodes; everything the bridge sends is shown through i18n keys.
import {Fragment, type JSX} from 'preact';
import {useState} from 'preact/hooks';
import type {ApmStatus, StatusResult} from '../../shared/agent/status-types';
import type {ProbeResult, ProbeStep} from '../../shared/probe/types';
import type {BridgeState, RequestFailure} from '../lib/bridge-client';
import {failureMsg, verdictHeadline, verdictSummary} from '../lib/bridge-client';
import {useT} from './i18n';
import type {VantageDraft, VantageField} from './vantage';
import {draftErrors} from './vantage';

export function BridgePill(props: {state: BridgeState}): JSX.Element {
  const tr = useT();
  const kind = props.state.kind;
  return (
    <span class={`pill pill-${kind}`} data-state={kind} role="status">
      {tr(`popup_bridge_state_${kind}`)}
    </span>
  );
}

export function BridgePanel(props: {
  state: BridgeState;
  onPair: (code: string) => Promise<RequestFailure | null>;
  onForget: () => void;
  onRetry: () => void;
  onOptions: () => void;
}): JSX.Element {
  const tr = useT();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestFailure | null>(null);
  const s = props.state;

  if (s.kind === 'ready') {
    return (
      <section class="bridge ok" aria-labelledby="bridge-h">
        <h2 id="bridge-h">{tr('popup_bridge_heading')}</h2>
        <div class="row">
          <span data-testid="bridge-ready">{tr('popup_bridge_ready', {version: s.bridgeVersion, port: String(s.port)})}</span>
          <button type="button" class="small" onClick={props.onForget}>
            {tr('popup_bridge_forget')}
          </button>
        </div>
      </section>
    );
  }
  if (s.kind === 'unpaired') {
    const shown = error ?? s.error;
    const submit = (e: Event) => {
      e.preventDefault();
      setBusy(true);
      void props.onPair(code).then((f) => {
        setBusy(false);
        setError(f);
        if (!f) setCode('');
      });
    };
    return (
      <section class="bridge" aria-labelledby="bridge-h">
        <h2 id="bridge-h">{tr('popup_bridge_heading')}</h2>
        <p>{tr('popup_pair_intro', {port: String(s.port)})}</p>
        <form class="row" onSubmit={submit}>
          <label class="sr-only" for="pair-code">
            {tr('popup_pair_label')}
          </label>
          <input
            id="pair-code"
            name="code"
            autocomplete="off"
            spellcheck={false}
            placeholder="ABCD-EFGH"
            maxLength={32}
            value={code}
            aria-invalid={shown ? 'true' : 'false'}
            aria-describedby={shown ? 'pair-error' : undefined}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy || code.trim() === ''}>
            {tr('popup_pair_button')}
          </button>
        </form>
        {shown && (
          <p id="pair-error" class="error" role="alert">
            {tr.msg(failureMsg(shown))}
          </p>
        )}
      </section>
    );
  }
  if (s.kind === 'unreachable') {
    return (
      <section class="bridge off" aria-labelledby="bridge-h">
        <h2 id="bridge-h">{tr('popup_bridge_heading')}</h2>
        <p data-testid="bridge-unreachable">{tr('popup_bridge_unreachable', {port: String(s.port)})}</p>
        <p>{tr('popup_bridge_start')}</p>
        <pre class="cmd">npx apm-doctor bridge</pre>
        <p class="muted">{tr('popup_bridge_start_repo')}</p>
        <div class="row">
          <button type="button" onClick={props.onRetry}>
            {tr('popup_retry')}
          </button>
          <button type="button" class="link" onClick={props.onOptions}>
            {tr('popup_change_port')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section class="bridge" aria-labelledby="bridge-h">
      <h2 id="bridge-h">{tr('popup_bridge_heading')}</h2>
      <p class="muted">{tr('popup_bridge_state_connecting')}</p>
    </section>
  );
}

export function VantageFields(props: {idPrefix: string; draft: VantageDraft; onChange: (d: VantageDraft) => void; legend: string}): JSX.Element {
  const tr = useT();
  const d = props.draft;
  const errors = draftErrors(d);
  const id = (f: string) => `${props.idPrefix}-${f}`;
  const field = (name: VantageField, label: string, placeholder: string) => {
    const err = errors[name];
    const value = d[name];
    return (
      <div class="field">
        <label for={id(name)}>{label}</label>
        <input
          id={id(name)}
          value={value}
          placeholder={placeholder}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={err && value.trim() ? 'true' : 'false'}
          aria-describedby={err ? id(`${name}-err`) : undefined}
          onInput={(e) => props.onChange({...d, [name]: e.currentTarget.value})}
        />
        {err && (
          <span id={id(`${name}-err`)} class={value.trim() ? 'error' : 'muted'}>
            {tr(err)}
          </span>
        )}
      </div>
    );
  };
  return (
    <fieldset class="vantage">
      <legend>{props.legend}</legend>
      <div class="field">
        <label class="sr-only" for={id('kind')}>
          {props.legend}
        </label>
        <select id={id('kind')} value={d.kind} onChange={(e) => props.onChange({...d, kind: e.currentTarget.value as VantageDraft['kind']})}>
          <option value="local">{tr('popup_vantage_local')}</option>
          <option value="docker">{tr('popup_vantage_docker')}</option>
          <option value="k8s">{tr('popup_vantage_k8s')}</option>
        </select>
      </div>
      {d.kind === 'docker' && field('container', tr('popup_vantage_container'), 'my-app')}
      {d.kind === 'k8s' && (
        <>
          {field('pod', tr('popup_vantage_pod'), 'my-app-7d9c-x2x4')}
          {field('namespace', tr('popup_vantage_namespace'), 'default')}
          {field('k8sContainer', tr('popup_vantage_k8s_container'), '')}
          {field('context', tr('popup_vantage_context'), '')}
        </>
      )}
    </fieldset>
  );
}

const STEP_MARK: Record<ProbeStep['status'], string> = {running: '…', ok: '✓', fail: '✗', skip: '–'};

export function StepList(props: {steps: readonly ProbeStep[]}): JSX.Element | null {
  const tr = useT();
  if (!props.steps.length) return null;
  return (
    <ol class="steps" aria-label={tr('popup_probe_steps')}>
      {props.steps.map((s) => (
        <li key={s.step} class={`step step-${s.status}`} data-step={s.step} data-status={s.status}>
          <span class="mark" aria-hidden="true">
            {STEP_MARK[s.status]}
          </span>
          <span class="step-name">{tr(`probe_step_${s.step.replace(/-/g, '_')}`)}</span>
          <span class="step-status">
            {tr(`probe_status_${s.status}`)}
            {s.ms !== null ? ` · ${Math.round(s.ms)} ms` : ''}
          </span>
          {s.detail && <span class="step-detail">{tr.msg(s.detail)}</span>}
        </li>
      ))}
    </ol>
  );
}

/** Steps arrive as `running` then final: keep one entry per step name, in first-seen order. */
export function mergeStep(steps: readonly ProbeStep[], step: ProbeStep): ProbeStep[] {
  const i = steps.findIndex((s) => s.step === step.step);
  if (i < 0) return [...steps, step];
  const next = [...steps];
  next[i] = step;
  return next;
}

export function Verdict(props: {result: ProbeResult}): JSX.Element {
  const tr = useT();
  const r = props.result;
  const v = r.verdict;
  return (
    <div class={`verdict ${v.ok ? 'ok' : 'fail'}`} data-testid="verdict" data-ok={String(v.ok)} data-rule={v.rule ?? ''}>
      <p class="verdict-head">
        <span class="tag">{tr(v.ok ? 'probe_verdict_ok_short' : 'probe_verdict_fail_short')}</span> <strong>{verdictHeadline(tr.locale, v)}</strong>
      </p>
      <p>{verdictSummary(tr.locale, v)}</p>
      <dl class="facts">
        <dt>{tr('probe_label_target')}</dt>
        <dd>{r.target.url ?? r.target.input ?? '—'}</dd>
        <dt>{tr('probe_label_vantage')}</dt>
        <dd>{vantageText(tr, r.vantage)}</dd>
        {r.info?.version && (
          <>
            <dt>{tr('probe_label_agent')}</dt>
            <dd>{r.info.version}</dd>
          </>
        )}
        <dt>{tr('probe_label_total')}</dt>
        <dd>{`${Math.round(r.totalMs)} ms`}</dd>
      </dl>
    </div>
  );
}

function vantageText(tr: ReturnType<typeof useT>, v: ProbeResult['vantage']): string {
  if (v.kind === 'docker') return tr('probe_vantage_docker', {name: v.container});
  if (v.kind === 'k8s') return tr('probe_vantage_k8s', {name: `${v.namespace ? `${v.namespace}/` : ''}${v.pod}`});
  return tr('probe_vantage_local');
}

export function FailureNote(props: {failure: RequestFailure | null}): JSX.Element | null {
  const tr = useT();
  if (!props.failure) return null;
  return (
    <p class="error" role="alert">
      {tr.msg(failureMsg(props.failure))}
    </p>
  );
}

export function ApmStatusView(props: {apm: ApmStatus; agentVersion: string | null}): JSX.Element {
  const tr = useT();
  const a = props.apm;
  const rows: [string, string][] = [[tr('status_label_state'), tr(`status_state_${a.state.replace(/-/g, '_')}`)]];
  const version = a.version ?? props.agentVersion;
  if (version) rows.push([tr('status_label_version'), version]);
  if (a.pid !== null) rows.push([tr('status_label_pid'), String(a.pid)]);
  if (a.uptimeSeconds !== null) rows.push([tr('status_label_uptime'), tr('status_uptime_seconds', {n: String(a.uptimeSeconds)})]);
  if (a.receiver) rows.push([tr('status_label_receiver'), `${a.receiver.host}:${a.receiver.port}`]);
  if (a.udsReceiver) rows.push([tr('status_label_uds'), a.udsReceiver]);
  if (a.endpoints.length) rows.push([tr('status_label_endpoints'), a.endpoints.join(', ')]);
  if (a.tracesReceivedLastMinute !== null) rows.push([tr('status_label_traces'), String(a.tracesReceivedLastMinute)]);
  if (a.clients.length) {
    rows.push([
      tr('status_label_clients'),
      a.clients.map((c) => [c.lang, c.langVersion, c.tracerVersion && `(${c.tracerVersion})`].filter(Boolean).join(' ')).join('; '),
    ]);
  }
  if (a.defaultSamplingRatePercent !== null) rows.push([tr('status_label_sampling'), `${a.defaultSamplingRatePercent}%`]);
  if (a.rateLimiterKeepPercent !== null) rows.push([tr('status_label_rate_limiter'), `${a.rateLimiterKeepPercent}%`]);
  const writerErrors = (a.writer.traces?.errors ?? 0) + (a.writer.stats?.errors ?? 0);
  if (writerErrors) rows.push([tr('status_label_writer_errors'), String(writerErrors)]);
  const notes: string[] = [];
  if (a.state === 'not-running' || a.state === 'unavailable') notes.push(tr('status_note_not_running'));
  if (a.unreachableIsDebugPort && a.unreachable?.port) notes.push(tr('status_note_debug_port', {port: String(a.unreachable.port)}));
  if (a.receiver && /^(localhost|127\.)/.test(a.receiver.host)) notes.push(tr('status_note_receiver_local', {host: a.receiver.host, port: String(a.receiver.port)}));
  if (a.noTracesLastMinute) notes.push(tr('status_note_no_traces'));
  return (
    <div class={`status state-${a.state}`} data-testid="apm-status" data-state={a.state}>
      <dl class="facts">
        {rows.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
      {a.warnings.length > 0 && (
        <>
          <h4>{tr('status_label_warnings')}</h4>
          <ul class="warnings">
            {a.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </>
      )}
      {notes.length > 0 && (
        <ul class="notes">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StatusResultView(props: {result: StatusResult}): JSX.Element {
  const tr = useT();
  const r = props.result;
  return (
    <div data-testid="status-result">
      {r.error && (
        <div class="status-error" role="alert">
          <p class="error">{tr.msg(r.error.message)}</p>
          <p>
            <strong>{tr('status_label_next')}: </strong>
            {tr.msg(r.error.next)}
          </p>
        </div>
      )}
      {r.apm && <ApmStatusView apm={r.apm} agentVersion={r.agentVersion} />}
    </div>
  );
}

// The bundle as JSON (for tools and for attaching to a ticket). Text that the Markdown shows in
// the reader's language is English here; field names never carry secrets.
//
// Redaction, twice like the Markdown: the data walk scrubs every key and string (and the
// agent's key rules replace values under secret-looking keys), then the serialized text is
// scrubbed again. A text rule can break JSON syntax (a YAML rule eats to the end of a line,
// closing quote included), so the second pass is kept only when the result still parses —
// the first pass already covered every string the second one sees.
import type {Msg} from '../engine/types';
import {isMessageKey, renderMsg} from '../i18n/index';
import {scrubData, scrubText} from '../scrub/index';
import type {SupportBundle} from './types';

const isMsg = (v: object): v is Msg => {
  const keys = Object.keys(v);
  const key = (v as {key?: unknown}).key;
  return typeof key === 'string' && isMessageKey(key) && keys.every((k) => k === 'key' || k === 'subs');
};

/** Msg objects anywhere (probe verdicts, status errors, diagnoses) → English text. */
function renderMsgs(v: unknown, depth = 0): unknown {
  if (v === null || typeof v !== 'object' || depth > 64) return v;
  if (Array.isArray(v)) return v.map((x) => renderMsgs(x, depth + 1));
  if (isMsg(v)) return renderMsg('en', v);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, renderMsgs(x, depth + 1)]));
}

export const REDACTION_NOTE =
  'Scrubbed like `agent flare` (DataDog/datadog-agent pkg/util/scrubber): Datadog API and application keys keep their last 5 characters like agent releases 7.33–7.78 (4 where the environment snapshot masked them, like the newest agent); passwords, tokens and proxy credentials are replaced by ********.';

export function bundleJsonObject(b: SupportBundle): unknown {
  const vars = (list: readonly {name: string; value: string}[]) => Object.fromEntries(list.map((v) => [v.name, v.value]));
  return renderMsgs({
    kind: 'apm-connection-doctor/support-bundle',
    v: b.v,
    generatedAt: b.generatedAt,
    origin: b.origin,
    redaction: REDACTION_NOTE,
    environment: b.environment,
    proxy: {collected: b.proxy.collected, variables: vars(b.proxy.variables), probe: b.proxy.probe},
    agentPort: {default: 8126, nonDefault: b.agentPort.nonDefault, seen: b.agentPort.seen},
    configuration: {app: {collected: b.configuration.app.collected, variables: vars(b.configuration.app.variables)}, agent: b.configuration.agent},
    findings: b.findings,
    findingsOmitted: b.findingsOmitted,
    startupLines: b.startupLines,
    probe: b.probe,
    status: b.status,
    flare: b.flare,
    problems: b.problems,
  });
}

export function renderBundleJson(b: SupportBundle): string {
  const text = JSON.stringify(scrubData(bundleJsonObject(b)), null, 2);
  const again = scrubText(text);
  if (again === text) return text;
  try {
    JSON.parse(again);
    return again;
  } catch {
    return text;
  }
}

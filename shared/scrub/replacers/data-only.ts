// Rules the agent applies to parsed YAML only (`matchYAMLOnly`, ScrubDataObj): they see a key
// and its value, never text. We apply them to the JSON we render (bundle JSON, probe/status objects).
// Source: DataDog/datadog-agent pkg/util/scrubber/default.go.
import {hideExceptLastFive, isMaskedOrHandle, REDACTED} from '../mask';
import type {Replacer} from '../types';

const AGENT = 'DataDog/datadog-agent pkg/util/scrubber/default.go';

/** 5-character era (7.44–7.78): a key of the expected length keeps 5, anything else is replaced. */
const keepFiveIfLength = (len: number) => (v: unknown) => {
  if (typeof v !== 'string') return REDACTED;
  const key = v.trim();
  if (key === '' || isMaskedOrHandle(key)) return key;
  return key.length === len ? hideExceptLastFive(key) : REDACTED;
};

export const apiKeyYaml: Replacer = {
  id: 'apiKeyYaml',
  kind: 'line',
  hints: [],
  source: `${AGENT} — 7.44 (#15707), matchYAMLOnly("api[-_]?key")`,
  key: (k) => /api[-_]?key/.test(k),
  value: keepFiveIfLength(32),
  examples: [],
  keeps: [],
};

export const appKeyYaml: Replacer = {
  id: 'appKeyYaml',
  kind: 'line',
  hints: [],
  source: `${AGENT} — 7.44 (#15707), matchYAMLOnly("ap(?:p|plication)[-_]?key")`,
  key: (k) => /ap(?:p|plication)[-_]?key/.test(k),
  value: keepFiveIfLength(40),
  examples: [],
  keeps: [],
};

/** Every leaf of a map becomes "********" (nulls and ENC[] handles stay), as the agent's scrubAllLeafValues. */
function maskLeaves(v: unknown, depth = 0): unknown {
  if (v === null || v === undefined) return v;
  if (typeof v === 'string') return v.startsWith('ENC[') ? v : REDACTED;
  if (typeof v !== 'object' || depth > 32) return REDACTED;
  if (Array.isArray(v)) return v.map((x) => maskLeaves(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskLeaves(x, depth + 1)]));
}

export const additionalEndpointsYaml: Replacer = {
  id: 'additionalEndpointsYaml',
  kind: 'line',
  hints: [],
  source: `${AGENT} — 7.78.5: map form (URL → keys) masks every leaf; list form re-enters the walk`,
  key: (k) => k === 'additional_endpoints',
  value: (v, scrubData) => (Array.isArray(v) ? scrubData(v) : v !== null && typeof v === 'object' ? maskLeaves(v) : v),
  examples: [],
  keeps: [],
};

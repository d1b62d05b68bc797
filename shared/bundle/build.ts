// BundleInput → SupportBundle. Every string that comes from the input is scrubbed here, field
// by field; the renderers scrub their whole output once more, so a field this file forgets to
// scrub is still caught on the way out.
import type {StatusResult} from '../agent/status-types';
import type {ProbeResult} from '../probe/types';
import {maskSecretValue, isSecretName, scrubConfig, scrubData, scrubText} from '../scrub/index';
import {extractAgentYaml} from './agent-yaml';
import {detectEnv, osLine, portsSeen, tracersSeen} from './environment';
import {buildExcerpts} from './excerpts';
import {flareSteps} from './flare';
import type {BundleInput, SupportBundle} from './types';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const MAX_VARS = 200;
const MAX_VALUE_CHARS = 2000;

const text = (s: unknown): string => scrubText(String(s ?? '').slice(0, MAX_VALUE_CHARS));
const textOrNull = (s: unknown): string | null => (s === null || s === undefined ? null : text(s));

function variables(list: readonly {name: string; value: string}[] | undefined): {name: string; value: string}[] {
  return (list ?? [])
    .filter((v) => typeof v.name === 'string' && ENV_NAME.test(v.name))
    .slice(0, MAX_VARS)
    .map((v) => ({name: v.name, value: text(isSecretName(v.name) ? maskSecretValue(String(v.value ?? '')) : v.value)}));
}

/** Runs one part of the build; a malformed part of the input becomes a note, not a crash. */
function part<T>(name: string, problems: string[], f: () => T, fallback: T): T {
  try {
    return f();
  } catch (e) {
    problems.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    return fallback;
  }
}

export function buildBundle(input: BundleInput): SupportBundle {
  const problems: string[] = [...(input.problems ?? [])];
  const snap = input.envSnapshot;
  const detected = input.env.detected ?? detectEnv(snap);
  const effective = input.env.chosen ?? detected ?? 'unknown';

  const excerpts = part('log excerpts', problems, () => buildExcerpts(input.findings, input.configs, input.logText), {findings: [], omitted: 0, startupLines: []});

  const agentYaml = part(
    'datadog.yaml',
    problems,
    () => {
      if (input.agentYaml === undefined && input.agentYamlProblem === undefined) return null;
      const picked = input.agentYaml === undefined ? null : extractAgentYaml(input.agentYaml);
      return {
        path: textOrNull(input.agentYamlPath),
        text: picked ? scrubConfig(picked.text) : null,
        problem: textOrNull(input.agentYamlProblem),
        found: picked?.found ?? [],
      };
    },
    null,
  );

  const probe = input.probe ? part('probe', problems, () => scrubData(input.probe) as ProbeResult, null) : null;
  const status = input.status ? part('agent status', problems, () => scrubData(input.status) as StatusResult, null) : null;

  return {
    v: 1,
    generatedAt: text(input.generatedAt),
    origin: textOrNull(input.origin),
    environment: part(
      'environment',
      problems,
      () => ({
        chosen: input.env.chosen,
        detected,
        effective,
        os: textOrNull(osLine(snap)),
        container: snap?.container ? {inContainer: Boolean(snap.container.inContainer), runtime: textOrNull(snap.container.runtime), evidence: (snap.container.evidence ?? []).slice(0, 10).map(text)} : null,
        kubernetes: snap?.kubernetes ? {inPod: Boolean(snap.kubernetes.inPod), serviceHost: textOrNull(snap.kubernetes.serviceHost)} : null,
        tracers: scrubData(tracersSeen(input.configs, input.findings, input.status)) as SupportBundle['environment']['tracers'],
        agentVersion: textOrNull(input.probe?.info?.version ?? input.status?.agentVersion ?? input.status?.apm?.version ?? null),
      }),
      {chosen: input.env.chosen, detected, effective, os: null, container: null, kubernetes: null, tracers: [], agentVersion: null},
    ),
    proxy: part(
      'proxy',
      problems,
      () => {
        const p = input.probe?.proxy;
        return {
          collected: snap !== undefined || p !== undefined,
          variables: variables([...(snap?.proxy ?? []), ...(snap?.dd ?? []).filter((v) => v.name.startsWith('DD_PROXY_')), ...(snap ? [] : (p?.vars ?? []))]),
          probe: p ? {applies: textOrNull(p.applies), exemptedBy: textOrNull(p.exemptedBy), capturesAgent: Boolean(p.capturesAgent), loopbackTarget: Boolean(p.loopbackTarget)} : null,
        };
      },
      {collected: false, variables: [], probe: null},
    ),
    agentPort: part(
      'agent port',
      problems,
      () => {
        const ports = portsSeen({findings: input.findings, configs: input.configs, snapshot: snap, probe: input.probe, status: input.status, agentYaml: input.agentYaml});
        return {nonDefault: ports.nonDefault, seen: scrubData(ports.seen) as SupportBundle['agentPort']['seen']};
      },
      {nonDefault: [], seen: []},
    ),
    configuration: {
      app: {collected: snap !== undefined, variables: part('DD_* variables', problems, () => variables(snap?.dd), [])},
      agent: agentYaml,
    },
    findings: excerpts.findings,
    findingsOmitted: excerpts.omitted,
    startupLines: excerpts.startupLines,
    probe,
    status,
    flare: part('flare', problems, () => ({env: effective, ...flareSteps(effective, input.status, input.caseId)}), {env: effective, caseId: null, steps: []}),
    problems: problems.map(text),
  };
}

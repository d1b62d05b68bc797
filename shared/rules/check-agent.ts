import {addrOf, agentHostAdvice, DEFAULT_PORT, diagnosis, msg, probeAdvice, reachCheck, wrongPortAdvice} from './_advice';
import {CAUSES, type DiagnosisRule} from '../engine/types';

/**
 * The catch-all, last in the list: every finding gets at least the seed's first checks (where the
 * agent should be in this environment, can the app reach it, is APM running, where does the
 * tracer send). test/shared/rules/catch-all.test.ts keeps it last and total.
 */
export const rule: DiagnosisRule = {
  id: 'check-agent',
  causes: CAUSES,
  envs: [],
  applies: (f, ctx) => {
    const a = addrOf(f);
    // An agent/status line names where the *agent* listens or was asked (5012 is its debug port):
    // the reach check must aim at the trace receiver instead.
    const reach = f.source === 'tracer' ? a : {host: null, port: DEFAULT_PORT};
    return diagnosis('check-agent', {
      subs: {target: f.target.url ?? (f.target.socket ? `unix://${f.target.socket}` : a.shown)},
      advice: [
        ctx.facts.agentAnswered === true && msg('advice_probe_answered'),
        wrongPortAdvice(f),
        agentHostAdvice(ctx.env, reach.port),
        reachCheck(ctx.env, reach),
        msg('advice_agent_status_apm'),
        msg('advice_compare_agent_url'),
        f.source === 'tracer' && probeAdvice(a),
      ],
    });
  },
  examples: {
    matches: [
      {text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Error from http://127.0.0.1:8126/v0.4/traces: 403 Forbidden.', why: 'a status no specific rule explains still gets the basic checks'},
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'host', facts: {agentAnswered: true}, why: 'the probe reached the agent, yet the app was refused: compare addresses and vantage points'},
    ],
    ignores: [
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'docker', why: 'a specific rule (localhost-in-container) comes first'},
    ],
  },
  sources: ['shared/seed/000_2f0b614e54afe1b3.txt', 'SPEC §2.3–2.5'],
};

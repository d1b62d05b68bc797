import {CAUSES, type DiagnosisRule} from '../engine/types';

/**
 * The catch-all, last in the list: every finding gets at least the seed's first checks
 * (is the agent running with APM on, can the app reach it, where does the tracer send).
 */
export const rule: DiagnosisRule = {
  id: 'check-agent',
  causes: CAUSES,
  envs: [],
  applies: (f) => ({
    rule: 'check-agent',
    title: {key: 'rule_check_agent_title'},
    explanation: {key: 'rule_check_agent_explanation', subs: {target: f.target.url ?? f.target.socket ?? 'http://localhost:8126'}},
    advice: [
      {key: 'advice_probe_from_app', subs: {agent_host: f.target.host ?? '{agent_ip}', agent_port: String(f.target.port ?? 8126)}},
      {key: 'advice_agent_status_apm'},
      {key: 'advice_compare_agent_url'},
    ],
  }),
  examples: {
    matches: [{text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', why: 'any finding gets the basic checks'}],
    ignores: [],
  },
  sources: ['shared/seed/000_2f0b614e54afe1b3.txt', 'SPEC §2.3–2.5'],
};

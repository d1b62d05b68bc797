import {addrOf, diagnosis, envSteps, msg, probeAdvice, selfCheck} from './_advice';
import type {DiagnosisRule} from '../engine/types';

/**
 * A startup check that only says "failed". Java's is a plain TCP connect with a 500 ms timeout
 * (`"agent_error":true`), which can't tell refused from timeout from DNS (tracer-messages §1.3);
 * .NET's `agent_reachable:false` is the same. Advice: run a check that can.
 */
export const rule: DiagnosisRule = {
  id: 'startup-agent-error',
  causes: ['agent_error_flag'],
  envs: [],
  applies: (f, ctx) => {
    if (f.cause !== 'agent_error_flag') return null;
    const a = addrOf(f);
    return diagnosis('startup-agent-error', {
      variant: f.lang === 'java' ? 'java' : undefined,
      subs: {target: a.shown},
      advice: [selfCheck(f.lang, a), probeAdvice(a), ...envSteps(ctx.env, a), msg('advice_compare_agent_url')],
    });
  },
  examples: {
    matches: [
      {
        text: "DATADOG TRACER CONFIGURATION - {\"date\":\"2024-05-02T10:00:00.0000000Z\",\"os_name\":\"Linux\",\"version\":\"2.49.0.0\",\"platform\":\"x64\",\"lang\":\".NET\",\"agent_url\":\"http://10.0.3.7:8126\",\"agent_reachable\":false,\"agent_error\":\"\"}",
        env: 'kubernetes',
        why: ".NET: agent_reachable false with an empty agent_error",
      },
      {
        text: '[dd.trace 2021-08-24 18:38:01:501 +0000] [dd-task-scheduler] INFO datadog.trace.agent.core.StatusLogger - DATADOG TRACER CONFIGURATION {"version":"0.83.2~6bb3e09b2a","os_name":"Linux","os_version":"5.15.0-1051-aws","lang":"jvm","http_nonProxyHosts":"null","http_proxyHost":"null","agent_url":"http://10.0.3.7:8126","agent_error":true}',
        env: 'kubernetes',
        why: "Java's boolean: the connect to the node failed, how is unknown",
      },
    ],
    ignores: [
      {text: '[dd.trace 2021-08-24] INFO StatusLogger - DATADOG TRACER CONFIGURATION {"lang":"jvm","agent_url":"http://10.0.3.7:8126","agent_error":false}', why: 'healthy startup: no finding'},
      {text: '[dd.trace 2021-08-24 18:38:01:501 +0000] [dd-task-scheduler] INFO datadog.trace.agent.core.StatusLogger - DATADOG TRACER CONFIGURATION {"lang":"jvm","http_proxyHost":"null","agent_url":"http://localhost:8126","agent_error":true}', env: 'kubernetes', why: 'localhost in a pod is wrong whatever the failure was'},
    ],
  },
  sources: ['shared/seed/000_2f0b614e54afe1b3.txt (자바 진단 CLI: sampleTrace)', 'shared/facts/tracer-messages.md §1.3', 'shared/facts/agent-side.md §5'],
};

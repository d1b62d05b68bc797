import {addrOf, agentHostAdvice, diagnosis, inAppContainer, isFargate, K8S_ENVS, msg, reachCheck} from './_advice';
import type {DiagnosisRule} from '../engine/types';

// EAI_AGAIN / `Temporary failure` / `[Errno -3] Try again`: the resolver did not answer in time.
const TRANSIENT = /EAI_AGAIN|Temporary failure in name resolution|Try again|server misbehaving|i\/o timeout/;

/** The name in DD_AGENT_HOST / DD_TRACE_AGENT_URL doesn't resolve where the app runs (root-causes A2, A7). */
export const rule: DiagnosisRule = {
  id: 'agent-host-unresolvable',
  causes: ['dns'],
  envs: [],
  applies: (f, ctx) => {
    if (f.cause !== 'dns') return null;
    const a = addrOf(f);
    const host = f.target.host ?? '?';
    const k8s = K8S_ENVS.includes(ctx.env) && !isFargate(ctx);
    let variant: string | undefined;
    if (/\.invalid\.?$/i.test(host)) variant = 'invalid';
    else if (host.includes(':')) variant = 'ipv6';
    else if (TRANSIENT.test(f.excerpt) || f.errorCode === 'EAI_AGAIN' || f.errorCode === '-3') variant = 'transient';
    else if (/\.svc(\.|$)/.test(host)) variant = 'service';
    return diagnosis('agent-host-unresolvable', {
      variant,
      subs: {host},
      advice: [
        variant === 'ipv6' && msg('advice_ipv6_literal', {host, agent_port: String(a.port)}),
        variant === 'transient' && msg('advice_dns_transient'),
        variant === 'service' && msg('advice_dns_k8s_service', {host}),
        k8s && variant !== 'service' && variant !== 'ipv6' && msg('advice_dns_k8s_name'),
        ctx.env === 'docker' && msg('advice_dns_docker', {host}),
        msg('advice_dns_lookup', {command: inAppContainer(ctx.env, `getent hosts ${host}`)}),
        agentHostAdvice(ctx.env, a.port),
        variant !== 'invalid' && variant !== 'ipv6' && reachCheck(ctx.env, a),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: "2024/05/02 10:00:00 Datadog Tracer v1.62.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post \"http://datadog-agent:8126/v0.4/traces\": dial tcp: lookup datadog-agent on 10.96.0.10:53: no such host",
        env: 'kubernetes',
        why: "Go's resolver: the compose name doesn't exist in the cluster DNS",
      },
      {
        text: "Error: getaddrinfo ENOTFOUND datadog-agent.invalid\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26) {\n  errno: -3008,\n  code: 'ENOTFOUND',\n  syscall: 'getaddrinfo',\n  hostname: 'datadog-agent.invalid'\n}",
        why: 'a placeholder under the reserved .invalid domain never resolves (shared/fixtures/dd-trace-js/v2/dns.log)',
      },
      {
        text: 'DATADOG TRACER CONFIGURATION - {"date":"2026-11-24T16:46:57.332Z","version":"2.46.0","lang":"nodejs","agent_url":"http://datadog-agent:8126","agent_error":"getaddrinfo ENOTFOUND datadog-agent","debug":true}',
        env: 'kubernetes',
        why: 'a docker-compose service name copied into a Kubernetes manifest (ecommerce-workshop#19)',
      },
      {
        text: 'Error: getaddrinfo EAI_AGAIN datadog-agent',
        env: 'docker',
        why: 'temporary resolver failure',
      },
    ],
    ignores: [
      {text: 'Error: getaddrinfo ENOTFOUND api.stripe.com', why: "an upstream API, not the agent: no finding at all"},
      {text: 'Error: connect ECONNREFUSED 10.0.3.7:8126', env: 'kubernetes', why: 'the name resolved; the port refused'},
    ],
  },
  sources: ['shared/facts/root-causes.md A2, A7, §3.1 (DNS row), §3.2', 'shared/facts/agent-side.md §3.4 (service mode)', 'ecommerce-workshop#19', 'dd-trace-js#2449'],
};

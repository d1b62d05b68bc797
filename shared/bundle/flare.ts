// How to send an agent flare from where the agent runs (SPEC §2.6). Commands verified against
// DataDog/documentation content/en/agent/troubleshooting/send_a_flare.md (Agent v6 & v7 tab,
// "Dedicated containers", "ECS Fargate") and DataDog/datadog-agent
// cmd/agent/subcommands/flare/command.go: `flare [caseID]`, `-l/--local` "Force the creation of
// the flare by the command line instead of the agent process (useful when running in a
// containerized env)" — which is why the trace-agent container's flare needs it.
//
// Names learned from `agent status` (the container/pod it ran in) are put into the commands
// only when they pass the same strict patterns the bridge uses: the user pastes these into a shell.
import type {StatusResult} from '../agent/status-types';
import type {Env} from '../engine/types';
import {DOCKER_NAME, K8S_LABEL, K8S_SUBDOMAIN, KUBE_CONTEXT} from '../probe/types';
import type {FlareStep} from './types';

const CASE_ID = /^\d{1,12}$/;

export function flareSteps(env: Env, status: StatusResult | undefined, caseIdIn: string | undefined): {caseId: string | null; steps: FlareStep[]} {
  const caseId = caseIdIn && CASE_ID.test(caseIdIn) ? caseIdIn : null;
  const id = caseId ?? '<CASE_ID>';
  const v = status?.vantage;

  const container = v?.kind === 'docker' && DOCKER_NAME.test(v.container) ? v.container : '<AGENT_CONTAINER>';
  let kube = '';
  let pod = '<AGENT_POD>';
  if (v?.kind === 'k8s' && K8S_SUBDOMAIN.test(v.pod) && v.pod.length <= 253) {
    pod = v.pod;
    if (v.namespace && K8S_LABEL.test(v.namespace)) kube += `-n ${v.namespace} `;
    if (v.context && KUBE_CONTEXT.test(v.context)) kube += `--context ${v.context} `;
  }

  const host: FlareStep = {title: {key: 'bundle_flare_host'}, commands: [`sudo datadog-agent flare ${id}`], note: {key: 'bundle_flare_host_note'}};
  const docker: FlareStep = {
    title: {key: 'bundle_flare_docker'},
    commands: [...(container.startsWith('<') ? ["docker ps --format '{{.Names}}  {{.Image}}' | grep -i datadog"] : []), `docker exec -it ${container} agent flare ${id}`],
    note: null,
  };
  const k8s: FlareStep[] = [
    ...(pod.startsWith('<') ? [{title: {key: 'bundle_flare_k8s_find'}, commands: ['kubectl get pods -A -o wide | grep -i datadog'], note: null}] : []),
    {title: {key: 'bundle_flare_k8s_agent'}, commands: [`kubectl exec -it ${kube}${pod} -c agent -- agent flare ${id}`], note: {key: 'bundle_flare_k8s_single'}},
    {title: {key: 'bundle_flare_k8s_trace'}, commands: [`kubectl exec -it ${kube}${pod} -c trace-agent -- agent flare ${id} --local`], note: {key: 'bundle_flare_local_note'}},
  ];

  switch (env) {
    case 'host':
    case 'beanstalk-single':
      return {caseId, steps: [host]};
    case 'docker':
    case 'ecs-ec2':
    case 'beanstalk-multi':
      return {caseId, steps: [docker]};
    case 'kubernetes':
    case 'eks':
      return {caseId, steps: k8s};
    case 'ecs-fargate':
      return {
        caseId,
        steps: [
          {
            title: {key: 'bundle_flare_ecs_fargate'},
            commands: [`aws ecs execute-command --cluster <CLUSTER_NAME> --task <TASK_ID> --container datadog-agent --interactive --command "agent flare ${id}"`],
            note: {key: 'bundle_flare_ecs_fargate_note'},
          },
        ],
      };
    case 'eks-fargate':
      return {
        caseId,
        steps: [{title: {key: 'bundle_flare_eks_fargate'}, commands: [`kubectl exec -it <APP_POD> -c <AGENT_SIDECAR> -- agent flare ${id}`], note: null}],
      };
    case 'unknown':
      return {caseId, steps: [host, docker, ...k8s]};
  }
}

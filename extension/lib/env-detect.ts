// Where does the app that wrote these logs run? Read from what the console shows: the URL
// (CloudWatch log group names, Kubernetes dashboard routes), the page title, and the labels a
// console adapter collects (Datadog tags, Loki labels, Kibana fields). The first rule whose
// pattern matches wins, so the list runs from most to least specific (EKS on Fargate before
// EKS, ECS on Fargate before ECS on EC2, Beanstalk before ECS because multi-container
// Beanstalk runs on ECS). SPEC §2.5 lists what each environment changes in the advice.
import type {Env} from '../../shared/engine/types';

interface EnvRule {
  env: Env;
  /** Any one of these (case-insensitive) in the context means this environment. */
  patterns: readonly RegExp[];
  why: string;
}

export const ENV_RULES: readonly EnvRule[] = [
  {
    env: 'eks-fargate',
    patterns: [/\bfargate-ip-\d+-\d+-\d+-\d+/i, /eks\.amazonaws\.com\/fargate-profile/i, /\beks[_-]fargate/i],
    why: 'EKS Fargate nodes are named fargate-ip-…; pods carry the eks.amazonaws.com/fargate-profile label',
  },
  {
    env: 'beanstalk-multi',
    patterns: [/elasticbeanstalk[^\s]*multi-?container/i, /multi-?container docker/i, /\/aws\/elasticbeanstalk\/[^\s]*\/ecs/i],
    why: 'multi-container Beanstalk (its platform name, or its ECS agent log under /aws/elasticbeanstalk/)',
  },
  {
    env: 'beanstalk-single',
    patterns: [/\/aws\/elasticbeanstalk\//i, /elasticbeanstalk\.com/i, /\/elasticbeanstalk\/home/i, /\beb-docker\b/i],
    why: 'Beanstalk log groups (/aws/elasticbeanstalk/<env>/…) and the console route',
  },
  {
    env: 'ecs-fargate',
    patterns: [/launch[_ ]?type\W{0,4}fargate/i, /\becs_fargate\b/i, /\bfargate\b[^\n]{0,40}\btask\b/i, /\btask\b[^\n]{0,40}\bfargate\b/i],
    why: 'an ECS task whose launch type is FARGATE',
  },
  {
    env: 'eks',
    patterns: [/\/aws\/eks\//i, /\beks[_-]cluster/i, /\.eks\.amazonaws\.com/i, /console\.aws\.amazon\.com\/eks\//i],
    why: 'EKS control-plane/container-insights log groups, the EKS console',
  },
  {
    env: 'ecs-ec2',
    patterns: [/(^|[\s/#:=])\/?ecs\/[\w-]+/i, /\becs_cluster(_name)?\b/i, /\btask_arn\b/i, /console\.aws\.amazon\.com\/ecs\//i, /\/aws\/ecs\//i],
    why: 'awslogs groups /ecs/<family>, ECS tags, the ECS console (Fargate was ruled out above)',
  },
  {
    env: 'kubernetes',
    patterns: [
      /\bkube_namespace\b/i,
      /\bpod_name\b/i,
      /\bk8s_(container|pod|cluster)\b/i,
      /\bkubernetes\.(pod|namespace|container)/i,
      /\bio\.kubernetes\./i,
      /console\.cloud\.google\.com\/kubernetes\//i,
      /#\/(log|pod)\/[\w-]+\/[\w-]+/i,
      /\bnamespace\s*[=:]\s*"?[\w-]+"?[\s,}]+\s*pod\s*[=:]/i,
    ],
    why: 'Kubernetes labels/tags (Datadog kube_namespace/pod_name, GKE k8s_container, Loki namespace/pod, ECS-less dashboards)',
  },
  {
    env: 'docker',
    patterns: [/\bcontainer_name\b/i, /\bcontainer_id\b/i, /\bdocker\b/i],
    why: 'container labels without an orchestrator',
  },
];

/** Decodes what consoles encode into URLs (CloudWatch writes '/' as $252F, i.e. %2F twice, with $ for %). */
export function decodeConsoleUrl(url: string): string {
  let s = url.replace(/\$25/g, '%').replace(/\$/g, '%');
  for (let i = 0; i < 2; i++) {
    try {
      s = decodeURIComponent(s);
    } catch {
      break;
    }
  }
  return s;
}

export function detectEnv(url: string, context: readonly string[]): Env {
  const text = [decodeConsoleUrl(url), ...context].join('\n');
  for (const rule of ENV_RULES) if (rule.patterns.some((p) => p.test(text))) return rule.env;
  return 'unknown';
}

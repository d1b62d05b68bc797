import {describe, expect, it} from 'vitest';
import {decodeConsoleUrl, detectEnv} from '../../extension/lib/env-detect';

// Table-driven: what the page shows → where the app runs, with the reason per row.
const cases: {url: string; context?: string[]; env: string; why: string}[] = [
  {url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/$252Fecs$252Fshop-api', env: 'ecs-ec2', why: 'awslogs group /ecs/<family>, $-encoded by CloudWatch'},
  {url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/$252Fecs$252Fshop-api', context: ['Launch type FARGATE'], env: 'ecs-fargate', why: 'the task says FARGATE'},
  {url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/$252Faws$252Feks$252Fprod$252Fcluster', env: 'eks', why: 'EKS log group'},
  {url: 'https://app.datadoghq.com/logs', context: ['kube_namespace:shop', 'kube_node:fargate-ip-10-0-1-23.ec2.internal'], env: 'eks-fargate', why: 'EKS Fargate node name'},
  {url: 'https://app.datadoghq.com/logs', context: ['kube_namespace:shop', 'pod_name:shop-api-1'], env: 'kubernetes', why: 'Datadog Kubernetes tags'},
  {url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/$252Faws$252Felasticbeanstalk$252Fshop-env$252Fvar$252Flog$252Feb-docker$252Fcontainers', env: 'beanstalk-single', why: 'Beanstalk log group'},
  {url: 'https://eu-west-1.console.aws.amazon.com/elasticbeanstalk/home', context: ['Multicontainer Docker running on 64bit Amazon Linux'], env: 'beanstalk-multi', why: 'multi-container platform'},
  {url: 'https://console.cloud.google.com/logs/query', context: ['k8s_container'], env: 'kubernetes', why: 'GKE resource type'},
  {url: 'https://grafana.example.com/explore', context: ['{namespace="shop", pod="shop-api-1"}'], env: 'kubernetes', why: 'Loki namespace/pod labels'},
  {url: 'http://localhost:9090/#/log/shop/shop-api-7d9f8c-xk2lp/pod?namespace=shop', env: 'kubernetes', why: 'Kubernetes dashboard log route'},
  {url: 'https://kibana.example.com/app/discover', context: ['container_name', 'docker'], env: 'docker', why: 'container labels, no orchestrator'},
  {url: 'http://127.0.0.1:8080/logs', env: 'unknown', why: 'nothing says where the app runs'},
  {url: 'https://github.com/shop/shop-api/actions/runs/1/job/2', env: 'unknown', why: 'a CI runner: no container signal'},
];

describe('environment detection from the page', () => {
  it.each(cases)('$why → $env', ({url, context, env}) => {
    expect(detectEnv(url, context ?? [])).toBe(env);
  });

  it('decodes CloudWatch $-encoding and survives malformed escapes', () => {
    expect(decodeConsoleUrl('log-group/$252Fecs$252Fshop')).toBe('log-group//ecs/shop');
    expect(decodeConsoleUrl('%E0%A4%A')).toBe('%E0%A4%A');
  });
});

import type {Table} from './table';

// Titles, explanations and advice of the diagnosis rules in shared/rules/. Keys: `rule_<id>_title`,
// `rule_<id>_explanation[_<variant>]`, `advice_…`. Commands and config names are substituted or
// written as-is in both languages; the Korean follows the seed page's terms (트레이서, Agent,
// 애플리케이션 컨테이너, 시작 로그, 디버그 로그, 호스트 IP) and the Korean Datadog docs (어드미션
// 컨트롤러, 유닉스 도메인 소켓, 네트워크 정책, 작업 정의).
export const ruleMessages = {
  // ── per-environment DD_AGENT_HOST (SPEC §2.5) ─────────────────────────────────────────────
  advice_agent_host_host: {
    en: 'Host install (nothing containerized): the tracer default, localhost:{agent_port}, is right. Leave DD_AGENT_HOST unset (or set 127.0.0.1) and make sure the Agent on this machine runs with APM enabled.',
    ko: '호스트 기반 설정(컨테이너 없음)에서는 트레이서 기본값인 localhost:{agent_port} 주소가 맞습니다. DD_AGENT_HOST는 설정하지 않거나 127.0.0.1로 두고, 이 머신의 Agent가 APM을 켠 상태로 실행 중인지 확인하세요.',
  },
  advice_agent_host_docker: {
    en: "Agent and app in Docker containers: attach both to one user-defined network (docker network create datadog; docker run --network datadog …) and set DD_AGENT_HOST to the Agent container's name (with docker compose, its service name, e.g. DD_AGENT_HOST=datadog-agent). The Agent container needs DD_APM_ENABLED=true and must not set DD_APM_NON_LOCAL_TRAFFIC=false.",
    ko: 'Agent와 애플리케이션이 모두 Docker 컨테이너인 경우: 두 컨테이너를 같은 사용자 정의 네트워크에 연결하고(docker network create datadog; docker run --network datadog …) DD_AGENT_HOST를 Agent 컨테이너 이름으로 설정하세요(docker compose에서는 서비스 이름, 예: DD_AGENT_HOST=datadog-agent). Agent 컨테이너에는 DD_APM_ENABLED=true가 필요하고 DD_APM_NON_LOCAL_TRAFFIC=false를 설정하면 안 됩니다.',
  },
  advice_agent_host_kubernetes: {
    en: 'Kubernetes: pick one — 1) Unix domain socket: the Agent with Helm datadog.apm.socketEnabled: true, the app pod mounting the hostPath /var/run/datadog and DD_TRACE_AGENT_URL=unix:///var/run/datadog/apm.socket; 2) the node IP through the downward API, env: [{name: DD_AGENT_HOST, valueFrom: {fieldRef: {fieldPath: status.hostIP}}}], which needs hostPort {agent_port} on the Agent (Helm datadog.apm.portEnabled: true); 3) the Cluster Agent admission controller: pod label admission.datadoghq.com/enabled: "true", then recreate the pod. With TCP, check that the NetworkPolicy applied to the app pod allows egress to the node on {agent_port}.',
    ko: '쿠버네티스: 다음 중 하나를 사용하세요. 1) 유닉스 도메인 소켓: Agent는 Helm datadog.apm.socketEnabled: true, 애플리케이션 파드는 hostPath /var/run/datadog을 마운트하고 DD_TRACE_AGENT_URL=unix:///var/run/datadog/apm.socket 설정. 2) Downward API로 노드 IP 전달: env: [{name: DD_AGENT_HOST, valueFrom: {fieldRef: {fieldPath: status.hostIP}}}] — Agent에 hostPort {agent_port} 포트가 열려 있어야 합니다(Helm datadog.apm.portEnabled: true). 3) Cluster Agent의 어드미션 컨트롤러: 파드 레이블 admission.datadoghq.com/enabled: "true"를 붙이고 파드를 다시 생성. TCP를 쓰는 경우 애플리케이션 파드에 적용된 네트워크 정책이 노드의 {agent_port} 포트로 나가는 트래픽을 허용하는지 확인하세요.',
  },
  advice_agent_host_eks: {
    en: 'AWS EKS (not Fargate): pick one — 1) Unix domain socket (Helm datadog.apm.socketEnabled: true, hostPath /var/run/datadog mounted in the app pod, DD_TRACE_AGENT_URL=unix:///var/run/datadog/apm.socket); 2) DD_AGENT_HOST from the downward API, env: [{name: DD_AGENT_HOST, valueFrom: {fieldRef: {fieldPath: status.hostIP}}}], with hostPort {agent_port} on the Agent (Helm datadog.apm.portEnabled: true; the CNI must support hostPort); 3) the admission controller: pod label admission.datadoghq.com/enabled: "true". With security groups for pods, the pod\'s group must be allowed to reach the node on {agent_port}.',
    ko: 'AWS EKS(Fargate 아님): 다음 중 하나를 사용하세요. 1) 유닉스 도메인 소켓(Helm datadog.apm.socketEnabled: true, 애플리케이션 파드에 hostPath /var/run/datadog 마운트, DD_TRACE_AGENT_URL=unix:///var/run/datadog/apm.socket). 2) Downward API로 DD_AGENT_HOST 설정: env: [{name: DD_AGENT_HOST, valueFrom: {fieldRef: {fieldPath: status.hostIP}}}] — Agent에 hostPort {agent_port} 포트가 필요합니다(Helm datadog.apm.portEnabled: true, CNI가 hostPort를 지원해야 함). 3) 어드미션 컨트롤러: 파드 레이블 admission.datadoghq.com/enabled: "true". 파드용 보안 그룹을 쓰는 경우 파드의 보안 그룹이 노드의 {agent_port} 포트에 접근할 수 있어야 합니다.',
  },
  advice_agent_host_ecs_ec2: {
    en: "Amazon ECS on EC2: localhost is the app container itself. Set DD_AGENT_HOST to the EC2 instance's private IP, read from the EC2 metadata endpoint when the container starts (curl http://169.254.169.254/latest/meta-data/local-ipv4; with IMDSv2, first get a token: curl -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60'), and give the Agent container portMappings hostPort {agent_port}/tcp. Or use UDS: mount the host volume /var/run/datadog into both containers.",
    ko: "EC2 기반 Amazon ECS: localhost는 애플리케이션 컨테이너 자신입니다. 컨테이너 시작 시 EC2 메타데이터 엔드포인트에서 인스턴스의 프라이빗 IP를 읽어 DD_AGENT_HOST로 설정하고(curl http://169.254.169.254/latest/meta-data/local-ipv4, IMDSv2라면 먼저 토큰 발급: curl -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60'), Agent 컨테이너의 portMappings에 hostPort {agent_port}/tcp를 추가하세요. 또는 UDS를 사용해 호스트 볼륨 /var/run/datadog을 두 컨테이너에 모두 마운트하세요.",
  },
  advice_agent_host_ecs_fargate: {
    en: 'Amazon ECS on Fargate: do not set DD_AGENT_HOST. The Agent is a container of the same task and the tracer default, localhost:{agent_port}, reaches it; remove any DD_AGENT_HOST or DD_TRACE_AGENT_URL that points elsewhere.',
    ko: 'Fargate 기반 Amazon ECS: DD_AGENT_HOST를 설정하지 마세요. Agent는 같은 작업(task)의 컨테이너이므로 트레이서 기본값인 localhost:{agent_port} 주소로 연결됩니다. 다른 곳을 가리키는 DD_AGENT_HOST나 DD_TRACE_AGENT_URL은 제거하세요.',
  },
  advice_agent_host_eks_fargate: {
    en: 'AWS EKS on Fargate: do not set DD_AGENT_HOST. The Agent runs as a sidecar container in the same pod and the tracer default, localhost:{agent_port}, reaches it; remove any DD_AGENT_HOST or DD_TRACE_AGENT_URL that points elsewhere.',
    ko: 'Fargate 기반 AWS EKS: DD_AGENT_HOST를 설정하지 마세요. Agent는 같은 파드의 사이드카 컨테이너로 실행되므로 트레이서 기본값인 localhost:{agent_port} 주소로 연결됩니다. 다른 곳을 가리키는 DD_AGENT_HOST나 DD_TRACE_AGENT_URL은 제거하세요.',
  },
  advice_agent_host_beanstalk_single: {
    en: "AWS Elastic Beanstalk, single container: the Agent runs on the instance. Set DD_AGENT_HOST to the Docker gateway IP, usually 172.17.0.1 (check with ip route inside the container: 'default via …'), and let the Agent accept non-local traffic (apm_config.apm_non_local_traffic: true).",
    ko: "AWS Elastic Beanstalk 싱글 컨테이너: Agent는 인스턴스에서 실행됩니다. DD_AGENT_HOST를 Docker 게이트웨이 IP(일반적으로 172.17.0.1)로 설정하고(컨테이너 안에서 ip route의 'default via …'로 확인), Agent가 로컬이 아닌 트래픽을 받도록 설정하세요(apm_config.apm_non_local_traffic: true).",
  },
  advice_agent_host_beanstalk_multi: {
    en: 'AWS Elastic Beanstalk, multiple containers: in Dockerrun.aws.json add a link from the app container to the Agent container ("links": ["<agent-container>"]) and set DD_AGENT_HOST to that link name; the Agent container listens on {agent_port}.',
    ko: 'AWS Elastic Beanstalk 다중 컨테이너: Dockerrun.aws.json에서 애플리케이션 컨테이너에 Agent 컨테이너로 가는 링크를 추가하고("links": ["<agent-container>"]) DD_AGENT_HOST를 그 링크 이름으로 설정하세요. Agent 컨테이너는 {agent_port} 포트에서 수신합니다.',
  },
  advice_agent_host_unknown: {
    en: "Where does the app run? On a host without containers, localhost:{agent_port} is right. In a container, localhost is the container itself: set DD_AGENT_HOST to the Agent's address for your platform (Docker: the Agent container's name; Kubernetes/EKS: UDS, status.hostIP or the admission controller; ECS on EC2: the instance's private IP; Elastic Beanstalk single container: 172.17.0.1) — except ECS and EKS on Fargate, where localhost is right and DD_AGENT_HOST must stay unset. Choose the environment in the doctor for exact steps.",
    ko: '애플리케이션이 어디에서 실행되나요? 컨테이너 없는 호스트라면 localhost:{agent_port} 주소가 맞습니다. 컨테이너 안에서는 localhost가 컨테이너 자신이므로 플랫폼에 맞는 Agent 주소를 DD_AGENT_HOST로 설정하세요(Docker: Agent 컨테이너 이름, 쿠버네티스/EKS: UDS·status.hostIP·어드미션 컨트롤러, EC2 기반 ECS: 인스턴스 프라이빗 IP, Elastic Beanstalk 싱글 컨테이너: 172.17.0.1). 단, Fargate 기반 ECS·EKS에서는 localhost가 맞으므로 DD_AGENT_HOST를 설정하지 마세요. 정확한 단계를 보려면 닥터에서 환경을 선택하세요.',
  },

  // ── the seed's /info check, per environment ──────────────────────────────────────────────
  advice_reach_host: {
    en: 'Check that the Agent answers on this machine: {command} — JSON with a version means it is reachable; "404 page not found" means an Agent older than 7.28 (still reachable).',
    ko: '이 머신에서 Agent가 응답하는지 확인하세요: {command} — version이 담긴 JSON이 오면 접근 가능한 것이고, "404 page not found"는 7.28보다 오래된 Agent라는 뜻입니다(접근은 가능).',
  },
  advice_reach_docker: {
    en: 'From the application container (not the host), run: {command} — if it fails, the container cannot reach the Agent. No curl in the image? Use wget -qO- with the same URL, or the doctor\'s probe.',
    ko: '호스트가 아닌 애플리케이션 컨테이너 안에서 실행하세요: {command} — 실패하면 컨테이너가 Agent에 접근할 수 없는 것입니다. 이미지에 curl이 없으면 같은 URL로 wget -qO-를 쓰거나 닥터의 프로브를 사용하세요.',
  },
  advice_reach_kubectl: {
    en: 'From the application pod, run: {command} — if it fails, the pod cannot reach the Agent. No curl in the image? Use wget -qO- with the same URL, or the doctor\'s probe (kubectl exec).',
    ko: '애플리케이션 파드 안에서 실행하세요: {command} — 실패하면 파드가 Agent에 접근할 수 없는 것입니다. 이미지에 curl이 없으면 같은 URL로 wget -qO-를 쓰거나 닥터의 프로브(kubectl exec)를 사용하세요.',
  },
  advice_reach_ecs: {
    en: 'From the application container with ECS Exec (enabled on the service with --enable-execute-command), run: {command} — if it fails, the container cannot reach the Agent.',
    ko: 'ECS Exec(서비스에 --enable-execute-command로 활성화)로 애플리케이션 컨테이너 안에서 실행하세요: {command} — 실패하면 컨테이너가 Agent에 접근할 수 없는 것입니다.',
  },
  advice_reach_beanstalk: {
    en: 'Connect to the instance (eb ssh), then from the application container run: {command} — if it fails, the container cannot reach the Agent.',
    ko: '인스턴스에 접속(eb ssh)한 뒤 애플리케이션 컨테이너 안에서 실행하세요: {command} — 실패하면 컨테이너가 Agent에 접근할 수 없는 것입니다.',
  },
  advice_reach_unknown: {
    en: 'From where the application runs (inside its container, if it has one), run: {command} — if it fails, the application cannot reach the Agent there.',
    ko: '애플리케이션이 실행되는 곳(컨테이너라면 그 컨테이너 안)에서 실행하세요: {command} — 실패하면 애플리케이션이 그 위치에서 Agent에 접근할 수 없는 것입니다.',
  },

  // ── self-checks and probes ───────────────────────────────────────────────────────────────
  advice_selfcheck_java: {
    en: "Run Java's diagnostic command where dd-java-agent.jar is installed (inside the application container), tracer 0.82.0+: java -jar /path/to/dd-java-agent.jar sampleTrace -c 1 — its send error names the real failure (refused, timeout, unknown host).",
    ko: 'dd-java-agent.jar가 설치된 곳(애플리케이션 컨테이너 안)에서 자바 진단 명령을 실행하세요(트레이서 0.82.0+): java -jar /path/to/dd-java-agent.jar sampleTrace -c 1 — 전송 오류에 실제 원인(연결 거부, 타임아웃, 알 수 없는 호스트)이 나옵니다.',
  },
  advice_selfcheck_python: {
    en: 'Run ddtrace-run --info in the application container: it prints where traces go (Writing traces to) and the agent error.',
    ko: '애플리케이션 컨테이너에서 ddtrace-run --info를 실행하세요. 트레이스 전송 위치(Writing traces to)와 Agent 오류가 출력됩니다.',
  },
  advice_selfcheck_dotnet: {
    en: 'Run the .NET diagnostic tool in the application container: dd-dotnet check agent {agent_url} — it reports the connection error and the Agent version.',
    ko: '애플리케이션 컨테이너에서 .NET 진단 도구를 실행하세요: dd-dotnet check agent {agent_url} — 연결 오류와 Agent 버전을 알려 줍니다.',
  },
  advice_selfcheck_php: {
    en: "Run php --ri=ddtrace in the application container (and check phpinfo() of the web SAPI): agent_error shows libcurl's message. Note that the CLI and the web server can see different environment variables.",
    ko: '애플리케이션 컨테이너에서 php --ri=ddtrace를 실행하고 웹 SAPI의 phpinfo()도 확인하세요. agent_error에 libcurl 메시지가 나옵니다. CLI와 웹 서버는 서로 다른 환경 변수를 볼 수 있다는 점에 유의하세요.',
  },
  advice_selfcheck_startup_logs: {
    en: "Turn on the tracer's startup logs (DD_TRACE_STARTUP_LOGS=true) and restart: the startup log shows agent_url and the agent error.",
    ko: '트레이서 시작 로그를 켜고(DD_TRACE_STARTUP_LOGS=true) 재시작하세요. 시작 로그에 agent_url과 Agent 오류가 나옵니다.',
  },
  advice_run_probe: {
    en: "Run the doctor's probe against {target} from the application container (popup → Probe, or apm-doctor probe {target}): it separates DNS, TCP and HTTP and shows which step fails.",
    ko: '애플리케이션 컨테이너에서 {target}에 대해 닥터의 프로브를 실행하세요(팝업 → 프로브, 또는 apm-doctor probe {target}). DNS, TCP, HTTP 단계를 나누어 어느 단계에서 실패하는지 보여 줍니다.',
  },
  advice_debug_logs: {
    en: 'Turn on the tracer debug logs (DD_TRACE_DEBUG=true) for a few minutes: the send error is logged with the underlying exception.',
    ko: '몇 분 동안 트레이서 디버그 로그를 켜세요(DD_TRACE_DEBUG=true). 전송 오류가 원인 예외와 함께 기록됩니다.',
  },
  advice_probe_answered: {
    en: "The doctor's probe did get an answer from the Agent, so the Agent is running: the app fails from where it runs. Compare the address and network of the probe with the app's (container, pod, DD_AGENT_HOST).",
    ko: '닥터의 프로브는 Agent의 응답을 받았으므로 Agent는 실행 중입니다. 애플리케이션이 실행되는 위치에서만 실패하는 것이니, 프로브와 애플리케이션의 주소·네트워크(컨테이너, 파드, DD_AGENT_HOST)를 비교하세요.',
  },
  advice_agent_status_apm: {
    en: "Run `agent status` on the Agent and read the 'APM Agent' section: 'Status: Running' and a Receiver on the port the tracer uses.",
    ko: "Agent에서 `agent status`를 실행해 'APM Agent' 섹션을 확인하세요. 'Status: Running'이고 트레이서가 쓰는 포트에서 Receiver가 수신 중이어야 합니다.",
  },
  advice_compare_agent_url: {
    en: "Compare the tracer's startup log (agent_url) with the DD_AGENT_HOST / DD_TRACE_AGENT_URL you meant to set.",
    ko: '트레이서 시작 로그의 agent_url을 설정하려던 DD_AGENT_HOST / DD_TRACE_AGENT_URL 값과 비교하세요.',
  },

  // ── check-agent (catch-all) ──────────────────────────────────────────────────────────────
  rule_check_agent_title: {en: 'The tracer could not reach the Datadog Agent', ko: '트레이서가 Datadog Agent에 연결하지 못했습니다'},
  rule_check_agent_explanation: {
    en: 'The tracing library tried to send to {target} and failed. Check where the Agent should be in this environment, that the application can reach it from where it runs, and that the Agent runs with APM enabled.',
    ko: '트레이싱 라이브러리가 {target}(으)로 전송하려 했지만 실패했습니다. 이 환경에서 Agent가 있어야 할 위치, 애플리케이션이 실행되는 곳에서 Agent에 접근할 수 있는지, Agent가 APM을 켠 상태로 실행 중인지 확인하세요.',
  },

  // ── localhost-in-container ───────────────────────────────────────────────────────────────
  rule_localhost_in_container_title: {en: 'localhost inside a container is not the Agent', ko: '컨테이너 안의 localhost는 Agent가 아닙니다'},
  rule_localhost_in_container_explanation: {
    en: 'The tracer sends to {target}, but inside a container localhost is the container itself. The Agent runs in another container or on the host/node, so nothing answers there. Point the tracer at the Agent with DD_AGENT_HOST (or the socket) as your platform requires.',
    ko: '트레이서가 {target}(으)로 전송하지만, 컨테이너 안에서 localhost는 컨테이너 자신입니다. Agent는 다른 컨테이너나 호스트/노드에서 실행되므로 그 주소에서는 아무도 응답하지 않습니다. 플랫폼에 맞게 DD_AGENT_HOST(또는 소켓)로 트레이서가 Agent를 가리키게 하세요.',
  },
  advice_admission_not_injected: {
    en: 'If you rely on the admission controller, check that the pod was mutated: kubectl get pod <app-pod> -o yaml should show DD_AGENT_HOST or DD_TRACE_AGENT_URL. Without the label admission.datadoghq.com/enabled: "true" (when mutateUnlabelled is false), or for pods created before the webhook, nothing is injected; a DD_AGENT_HOST=localhost written in the pod spec wins over injection.',
    ko: '어드미션 컨트롤러에 의존한다면 파드가 변경(mutate)되었는지 확인하세요. kubectl get pod <app-pod> -o yaml에 DD_AGENT_HOST나 DD_TRACE_AGENT_URL이 있어야 합니다. mutateUnlabelled가 false인데 admission.datadoghq.com/enabled: "true" 레이블이 없거나, 웹훅보다 먼저 생성된 파드라면 아무것도 주입되지 않습니다. 파드 스펙에 직접 쓴 DD_AGENT_HOST=localhost는 주입보다 우선합니다.',
  },
  advice_webserver_note: {
    en: 'PHP and web-server modules (Apache, nginx, PHP-FPM) may not pass DD_AGENT_HOST from the container to the worker processes: if you did set it, see the web-server note (clear_env, PassEnv, env DD_AGENT_HOST;).',
    ko: 'PHP와 웹 서버 모듈(Apache, nginx, PHP-FPM)은 컨테이너의 DD_AGENT_HOST를 워커 프로세스에 전달하지 않을 수 있습니다. 이미 설정했다면 웹 서버 관련 참고 사항(clear_env, PassEnv, env DD_AGENT_HOST;)을 확인하세요.',
  },

  // ── sidecar-missing ──────────────────────────────────────────────────────────────────────
  rule_sidecar_missing_title: {en: 'The Agent container of this task/pod is not answering', ko: '이 작업/파드의 Agent 컨테이너가 응답하지 않습니다'},
  rule_sidecar_missing_explanation: {
    en: "On Fargate the Agent runs as a container of the same task or pod, so {target} is the right address — and nothing answered there. The Agent container is missing, stopped, or not started yet (errors only in the first seconds after a deploy point to start order).",
    ko: 'Fargate에서는 Agent가 같은 작업(task) 또는 파드의 컨테이너로 실행되므로 {target} 주소가 올바른데, 그곳에서 아무도 응답하지 않았습니다. Agent 컨테이너가 없거나, 중지되었거나, 아직 시작되지 않은 것입니다(배포 직후 몇 초 동안만 오류가 난다면 시작 순서 문제입니다).',
  },
  rule_sidecar_missing_explanation_host_set: {
    en: 'On Fargate the Agent runs in the same task or pod and the tracer should use its default, localhost:8126. This tracer sends to {target}, so DD_AGENT_HOST or DD_TRACE_AGENT_URL was set — remove it.',
    ko: 'Fargate에서는 Agent가 같은 작업(task)이나 파드에서 실행되므로 트레이서는 기본값 localhost:8126을 써야 합니다. 이 트레이서는 {target}(으)로 전송하고 있으니 DD_AGENT_HOST나 DD_TRACE_AGENT_URL이 설정된 것입니다. 제거하세요.',
  },
  advice_sidecar_ecs: {
    en: 'Check the task definition has the Datadog Agent container (image public.ecr.aws/datadog/agent with DD_API_KEY and ECS_FARGATE=true), marked essential, and that it is RUNNING: aws ecs describe-tasks --cluster <cluster> --tasks <task-id> (containers[].lastStatus, exitCode).',
    ko: '작업 정의에 Datadog Agent 컨테이너(public.ecr.aws/datadog/agent 이미지, DD_API_KEY, ECS_FARGATE=true)가 필수(essential)로 들어 있고 RUNNING 상태인지 확인하세요: aws ecs describe-tasks --cluster <cluster> --tasks <task-id> (containers[].lastStatus, exitCode).',
  },
  advice_sidecar_eks: {
    en: 'Check the pod has the Agent sidecar: kubectl get pod <app-pod> -o jsonpath=\'{.spec.containers[*].name}\'. To inject it, enable the Cluster Agent\'s sidecar injection (Helm clusterAgent.admissionController.agentSidecarInjection.enabled: true, provider: fargate) and label the pods agent.datadoghq.com/sidecar: fargate, or add the Agent container to the pod spec by hand.',
    ko: '파드에 Agent 사이드카가 있는지 확인하세요: kubectl get pod <app-pod> -o jsonpath=\'{.spec.containers[*].name}\'. 주입하려면 Cluster Agent의 사이드카 주입을 켜고(Helm clusterAgent.admissionController.agentSidecarInjection.enabled: true, provider: fargate) 파드에 agent.datadoghq.com/sidecar: fargate 레이블을 붙이거나, 파드 스펙에 Agent 컨테이너를 직접 추가하세요.',
  },
  advice_sidecar_order_ecs: {
    en: 'If errors appear only right after the task starts, the app started before the Agent: give the Agent container a health check and make the app container depend on it (dependsOn: [{containerName: "datadog-agent", condition: "HEALTHY"}]). Tracers retry, so a few startup errors are harmless.',
    ko: '작업 시작 직후에만 오류가 난다면 애플리케이션이 Agent보다 먼저 시작된 것입니다. Agent 컨테이너에 헬스 체크를 두고 애플리케이션 컨테이너가 이를 기다리게 하세요(dependsOn: [{containerName: "datadog-agent", condition: "HEALTHY"}]). 트레이서는 재시도하므로 시작 시 몇 번의 오류는 무해합니다.',
  },
  advice_sidecar_order_eks: {
    en: 'If errors appear only right after the pod starts, the app started before the Agent sidecar: run the Agent as a native sidecar (an initContainer with restartPolicy: Always) so it starts first. Tracers retry, so a few startup errors are harmless.',
    ko: '파드 시작 직후에만 오류가 난다면 애플리케이션이 Agent 사이드카보다 먼저 시작된 것입니다. Agent를 네이티브 사이드카(restartPolicy: Always인 initContainer)로 실행해 먼저 시작되게 하세요. 트레이서는 재시도하므로 시작 시 몇 번의 오류는 무해합니다.',
  },
  advice_unset_agent_host: {
    en: 'Remove DD_AGENT_HOST / DD_TRACE_AGENT_URL (now {target}) from the application container: on Fargate the default localhost:8126 reaches the Agent in the same task or pod.',
    ko: '애플리케이션 컨테이너에서 DD_AGENT_HOST / DD_TRACE_AGENT_URL(현재 {target})을 제거하세요. Fargate에서는 기본값 localhost:8126으로 같은 작업(task)이나 파드의 Agent에 연결됩니다.',
  },

  // ── agent-not-listening ──────────────────────────────────────────────────────────────────
  rule_agent_not_listening_title: {en: 'Nothing is listening where the tracer sends', ko: '트레이서가 전송하는 주소에서 수신 중인 곳이 없습니다'},
  rule_agent_not_listening_explanation: {
    en: 'The connection to {target} was refused: the host answered, but nothing listens on that port. The Agent or its APM component is not running, APM is disabled, the receiver uses another port, or the Agent is somewhere else.',
    ko: '{target} 연결이 거부되었습니다. 호스트는 응답했지만 그 포트에서 수신 중인 것이 없습니다. Agent나 APM 구성 요소가 실행 중이 아니거나, APM이 꺼져 있거나, 수신 포트가 다르거나, Agent가 다른 곳에 있습니다.',
  },
  rule_agent_not_listening_explanation_host: {
    en: "Host install: the tracer sends to {target}, which is right when the Agent runs on the same machine, and the connection was refused. The Agent isn't running with APM on, or — as the seed page says — another process holds port {agent_port}.",
    ko: '호스트 기반 설정: 트레이서는 {target}(으)로 전송하며, Agent가 같은 머신에서 실행된다면 올바른 주소인데 연결이 거부되었습니다. Agent가 APM을 켠 상태로 실행 중이 아니거나, 다른 프로세스가 {agent_port} 포트를 점유하고 있습니다.',
  },
  rule_agent_not_listening_explanation_k8s_node: {
    en: 'The tracer sends to the node at {target} and the node refused: no hostPort {agent_port} is open there. Current Helm charts and the Datadog Operator use the Unix socket by default and no longer open hostPort {agent_port}, so DD_AGENT_HOST=status.hostIP alone gets refused.',
    ko: '트레이서가 노드 {target}(으)로 전송했는데 노드가 거부했습니다. 그 노드에 hostPort {agent_port} 포트가 열려 있지 않습니다. 현재 Helm 차트와 Datadog Operator는 기본적으로 유닉스 소켓을 쓰고 hostPort {agent_port} 포트를 열지 않으므로, DD_AGENT_HOST=status.hostIP만으로는 연결이 거부됩니다.',
  },
  rule_agent_not_listening_explanation_socket: {
    en: 'The socket {target} exists, but connecting to it was refused: nothing listens behind it. The trace-agent is down, or it restarted and created a new socket the application does not see.',
    ko: '소켓 파일 {target} 자체는 있지만 연결이 거부되었습니다. 그 뒤에서 수신 중인 것이 없습니다. trace-agent가 중지되었거나, 재시작하면서 애플리케이션이 보지 못하는 새 소켓을 만들었습니다.',
  },
  advice_apm_enable: {
    en: 'Make sure APM is enabled on the Agent: DD_APM_ENABLED=true (environment) or apm_config.enabled: true in datadog.yaml, then restart the Agent.',
    ko: 'Agent에서 APM이 켜져 있는지 확인하세요: DD_APM_ENABLED=true(환경 변수) 또는 datadog.yaml의 apm_config.enabled: true, 그리고 Agent를 재시작하세요.',
  },
  advice_agent_running_host: {
    en: 'Is the Agent running on this machine? Linux: sudo systemctl status datadog-agent datadog-agent-trace; Windows/macOS: the Datadog Agent Manager. Then see what listens on the port: sudo lsof -nP -iTCP:{agent_port} -sTCP:LISTEN (Windows: netstat -ano | findstr :{agent_port}).',
    ko: '이 머신에서 Agent가 실행 중인가요? Linux: sudo systemctl status datadog-agent datadog-agent-trace, Windows/macOS: Datadog Agent Manager. 그다음 포트에서 무엇이 수신 중인지 보세요: sudo lsof -nP -iTCP:{agent_port} -sTCP:LISTEN (Windows: netstat -ano | findstr :{agent_port}).',
  },
  advice_wrong_port: {
    en: "Port {port} is not the trace receiver: DogStatsD uses 8125, the Agent's own API and debug servers 5000–5012, the Lambda extension 8124, the AWS X-Ray daemon 2000. Point the tracer at the Agent's receiver port (8126 by default) with DD_TRACE_AGENT_PORT or DD_TRACE_AGENT_URL.",
    ko: '{port} 포트는 트레이스 수신 포트가 아닙니다. DogStatsD는 8125, Agent 자체 API와 디버그 서버는 5000–5012, Lambda 확장은 8124, AWS X-Ray 데몬은 2000을 씁니다. DD_TRACE_AGENT_PORT나 DD_TRACE_AGENT_URL로 트레이서가 Agent의 수신 포트(기본 8126)를 가리키게 하세요.',
  },
  advice_receiver_port_match: {
    en: "If the Agent's receiver port was changed (DD_APM_RECEIVER_PORT / apm_config.receiver_port), set the same port on the tracer (DD_TRACE_AGENT_PORT); the tracer uses {agent_port}, and agent status shows the Agent's on the Receiver: line.",
    ko: 'Agent의 수신 포트를 바꿨다면(DD_APM_RECEIVER_PORT / apm_config.receiver_port) 트레이서에도 같은 포트를 설정하세요(DD_TRACE_AGENT_PORT). 트레이서는 {agent_port} 포트를 쓰고 있으며, Agent의 포트는 agent status의 Receiver: 줄에 나옵니다.',
  },
  advice_k8s_hostport: {
    en: 'Either open the port on the node — Helm datadog.apm.portEnabled: true, Operator features.apm.hostPortConfig.enabled: true (and a CNI that supports hostPort, e.g. with the portmap plugin) — or switch the app to the socket: DD_TRACE_AGENT_URL=unix:///var/run/datadog/apm.socket with /var/run/datadog mounted, or the admission controller in socket mode. Port {agent_port} must match on both sides.',
    ko: '노드에 포트를 열거나(Helm datadog.apm.portEnabled: true, Operator features.apm.hostPortConfig.enabled: true, 그리고 portmap 플러그인 등으로 hostPort를 지원하는 CNI) 애플리케이션을 소켓으로 전환하세요: /var/run/datadog을 마운트하고 DD_TRACE_AGENT_URL=unix:///var/run/datadog/apm.socket, 또는 socket 모드의 어드미션 컨트롤러. {agent_port} 포트는 양쪽이 같아야 합니다.',
  },
  advice_uds_stale: {
    en: 'Check the trace-agent is running (agent status, or the trace-agent container). Mount the socket directory, not the socket file, into the app: a file mount keeps pointing at the old socket after the Agent restarts.',
    ko: 'trace-agent가 실행 중인지 확인하세요(agent status 또는 trace-agent 컨테이너). 애플리케이션에는 소켓 파일이 아닌 소켓 디렉터리를 마운트하세요. 파일을 마운트하면 Agent 재시작 후에도 예전 소켓을 계속 가리킵니다.',
  },

  // ── non-local-traffic ────────────────────────────────────────────────────────────────────
  rule_non_local_traffic_title: {en: 'The Agent only accepts local traffic', ko: 'Agent가 로컬 트래픽만 받고 있습니다'},
  rule_non_local_traffic_explanation_refused: {
    en: "The tracer reaches the Agent over a non-loopback address, {target}, and is refused. An Agent installed on a host listens on localhost only unless non-local traffic is enabled, so connections from containers (through the Docker gateway) or other hosts are refused.",
    ko: '트레이서가 루프백이 아닌 주소 {target}(으)로 Agent에 접근하다가 거부되었습니다. 호스트에 설치된 Agent는 로컬이 아닌 트래픽을 허용하지 않는 한 localhost에서만 수신하므로, 컨테이너(Docker 게이트웨이 경유)나 다른 호스트에서 오는 연결은 거부됩니다.',
  },
  rule_non_local_traffic_explanation_reset: {
    en: "The connection to {target} was accepted and then dropped. With a published Docker port, docker-proxy accepts the connection, but an Agent bound to 127.0.0.1 inside its container (DD_APM_NON_LOCAL_TRAFFIC=false or DD_BIND_HOST set) drops it: reset, socket hang up, unexpected end of stream, curl's Empty reply.",
    ko: '{target} 연결이 수락된 뒤 끊겼습니다. Docker 포트를 게시(publish)하면 docker-proxy가 연결을 받지만, 컨테이너 안에서 127.0.0.1에만 바인딩된 Agent(DD_APM_NON_LOCAL_TRAFFIC=false 또는 DD_BIND_HOST 설정)는 연결을 끊습니다. 그래서 reset, socket hang up, unexpected end of stream, curl의 Empty reply가 나타납니다.',
  },
  advice_non_local_enable: {
    en: "Let the Agent accept traffic from other containers and hosts: DD_APM_NON_LOCAL_TRAFFIC=true (environment) or apm_config.apm_non_local_traffic: true (datadog.yaml), restart it, and don't set DD_BIND_HOST=127.0.0.1. Official Agent container images listen on 0.0.0.0 unless one of these is set; host installs listen on localhost only.",
    ko: 'Agent가 다른 컨테이너와 호스트의 트래픽을 받도록 DD_APM_NON_LOCAL_TRAFFIC=true(환경 변수) 또는 apm_config.apm_non_local_traffic: true(datadog.yaml)를 설정하고 재시작하세요. DD_BIND_HOST=127.0.0.1은 설정하지 마세요. 공식 Agent 컨테이너 이미지는 이 설정들이 없으면 0.0.0.0에서 수신하지만, 호스트 설치는 localhost에서만 수신합니다.',
  },
  advice_non_local_verify: {
    en: "Check on the Agent with agent status: 'Receiver: 0.0.0.0:{agent_port}' accepts non-local traffic, 'Receiver: localhost:{agent_port}' does not.",
    ko: "Agent에서 agent status로 확인하세요. 'Receiver: 0.0.0.0:{agent_port}'이면 로컬이 아닌 트래픽을 받고, 'Receiver: localhost:{agent_port}'이면 받지 않습니다.",
  },
  advice_docker_publish: {
    en: 'If the app reaches a containerized Agent through the host, publish the port on all interfaces: docker run -p {agent_port}:{agent_port}/tcp … (-p 127.0.0.1:{agent_port}:{agent_port} serves the host itself only).',
    ko: '애플리케이션이 호스트를 거쳐 컨테이너화된 Agent에 접근한다면 포트를 모든 인터페이스에 게시하세요: docker run -p {agent_port}:{agent_port}/tcp … (-p 127.0.0.1:{agent_port}:{agent_port} 옵션으로는 호스트 자신만 접근할 수 있습니다).',
  },

  // ── node-localhost-ipv6 ──────────────────────────────────────────────────────────────────
  rule_node_localhost_ipv6_title: {en: 'localhost resolved to IPv6 (::1), the Agent listens on IPv4', ko: 'localhost가 IPv6(::1)로 해석되었지만 Agent는 IPv4에서 수신합니다'},
  rule_node_localhost_ipv6_explanation: {
    en: 'The tracer connected to {target}: localhost resolved to the IPv6 loopback first. The Agent listens on IPv4 only (127.0.0.1 on a host, 0.0.0.0 in a container), so ::1 is refused even though the Agent may be running.',
    ko: '트레이서가 {target}(으)로 연결했습니다. localhost가 IPv6 루프백으로 먼저 해석되었기 때문입니다. Agent는 IPv4에서만 수신하므로(호스트에서는 127.0.0.1, 컨테이너에서는 0.0.0.0) Agent가 실행 중이어도 ::1 연결은 거부됩니다.',
  },
  rule_node_localhost_ipv6_explanation_node: {
    en: 'Node.js 17 and later keep the resolver\'s order, so localhost resolves to ::1 first and the tracer connected to {target}. The Agent listens on IPv4 only (127.0.0.1 on a host, 0.0.0.0 in a container), so ::1 is refused even though the Agent may be running.',
    ko: 'Node.js 17 이상은 리졸버가 준 순서를 그대로 쓰므로 localhost가 ::1로 먼저 해석되어 트레이서가 {target}(으)로 연결했습니다. Agent는 IPv4에서만 수신하므로(호스트에서는 127.0.0.1, 컨테이너에서는 0.0.0.0) Agent가 실행 중이어도 ::1 연결은 거부됩니다.',
  },
  advice_use_ipv4_loopback: {
    en: 'Point the tracer at IPv4 explicitly: DD_AGENT_HOST=127.0.0.1 (or DD_TRACE_AGENT_URL=http://127.0.0.1:{agent_port}). Recent dd-trace-js and .NET tracers already default to 127.0.0.1, so upgrading fixes it too.',
    ko: '트레이서가 IPv4를 명시적으로 쓰게 하세요: DD_AGENT_HOST=127.0.0.1 (또는 DD_TRACE_AGENT_URL=http://127.0.0.1:{agent_port}). 최신 dd-trace-js와 .NET 트레이서는 이미 기본값이 127.0.0.1이므로 업그레이드로도 해결됩니다.',
  },
  advice_fargate_ipv6: {
    en: 'The tracer tried ::1. If the Agent container is running, the refusal is IPv6 (the Agent listens on IPv4): keep DD_AGENT_HOST unset and upgrade the tracer (recent dd-trace-js and .NET default to 127.0.0.1) or, for Node.js, set NODE_OPTIONS=--dns-result-order=ipv4first.',
    ko: '트레이서가 ::1로 연결을 시도했습니다. Agent 컨테이너가 실행 중이라면 IPv6 때문에 거부된 것입니다(Agent는 IPv4에서 수신). DD_AGENT_HOST는 설정하지 말고 트레이서를 업그레이드하거나(최신 dd-trace-js와 .NET은 기본값이 127.0.0.1), Node.js라면 NODE_OPTIONS=--dns-result-order=ipv4first를 설정하세요.',
  },
  advice_node_dns_order: {
    en: 'Alternatively, make Node prefer IPv4 for the whole process: NODE_OPTIONS=--dns-result-order=ipv4first.',
    ko: '또는 프로세스 전체에서 Node가 IPv4를 우선하게 할 수 있습니다: NODE_OPTIONS=--dns-result-order=ipv4first.',
  },

  // ── addr-not-available ───────────────────────────────────────────────────────────────────
  rule_addr_not_available_title: {en: 'Cannot assign requested address (errno 99)', ko: '요청한 주소를 할당할 수 없음(errno 99)'},
  rule_addr_not_available_explanation: {
    en: 'Connecting to {target} failed with errno 99. localhost maps to both 127.0.0.1 and ::1; the client tried 127.0.0.1 (refused) and then ::1, which has no address here, and reported the last error. In practice nothing listens on localhost where the app runs. In a container, the Agent is elsewhere.',
    ko: '{target} 연결이 errno 99로 실패했습니다. localhost는 127.0.0.1과 ::1 둘 다에 매핑되어 있는데, 클라이언트가 127.0.0.1(거부됨)을 시도한 뒤 이곳에 주소가 없는 ::1을 시도하고 마지막 오류를 보고한 것입니다. 실제로는 애플리케이션이 실행되는 곳의 localhost에서 아무것도 수신하지 않는다는 뜻입니다. 컨테이너라면 Agent는 다른 곳에 있습니다.',
  },
  rule_addr_not_available_explanation_container: {
    en: "errno 99 on {target} inside a container: the container's /etc/hosts maps localhost to ::1 as well, but the container has no IPv6 loopback. After 127.0.0.1 was refused, the ::1 attempt failed with 'cannot assign requested address'. Nothing listens on localhost in this container — the Agent runs elsewhere, so point the tracer at it.",
    ko: "컨테이너 안에서 {target}에 대해 errno 99가 발생했습니다. 컨테이너의 /etc/hosts는 localhost를 ::1에도 매핑하지만 컨테이너에는 IPv6 루프백이 없습니다. 127.0.0.1이 거부된 뒤 ::1 시도가 'cannot assign requested address'로 실패한 것입니다. 이 컨테이너의 localhost에서는 아무것도 수신하지 않습니다. Agent는 다른 곳에서 실행되므로 트레이서가 Agent를 가리키게 하세요.",
  },
  rule_addr_not_available_explanation_host: {
    en: 'errno 99 on {target} on a host: localhost maps to ::1 as well, and after 127.0.0.1 was refused the ::1 attempt failed. The Agent is not listening on this machine.',
    ko: '호스트에서 {target}에 대해 errno 99가 발생했습니다. localhost가 ::1에도 매핑되어 있어 127.0.0.1이 거부된 뒤 ::1 시도가 실패한 것입니다. 이 머신에서 Agent가 수신하고 있지 않습니다.',
  },
  rule_addr_not_available_explanation_ports: {
    en: 'errno 99 connecting to {target}, a non-loopback address: the client ran out of local ephemeral ports (too many short-lived connections in TIME_WAIT).',
    ko: '루프백이 아닌 주소 {target}에 연결하면서 errno 99가 발생했습니다. 클라이언트의 임시(ephemeral) 포트가 고갈된 것입니다(TIME_WAIT 상태의 짧은 연결이 너무 많음).',
  },
  advice_ephemeral_ports: {
    en: 'Check the connection counts where the app runs: ss -s and ss -tan state time-wait | wc -l. Reuse connections (keep-alive) or widen net.ipv4.ip_local_port_range.',
    ko: '애플리케이션이 실행되는 곳에서 연결 수를 확인하세요: ss -s, ss -tan state time-wait | wc -l. 연결을 재사용(keep-alive)하거나 net.ipv4.ip_local_port_range를 넓히세요.',
  },

  // ── agent-host-unresolvable ──────────────────────────────────────────────────────────────
  rule_agent_host_unresolvable_title: {en: "The Agent's host name does not resolve", ko: 'Agent 호스트 이름을 해석할 수 없습니다'},
  rule_agent_host_unresolvable_explanation: {
    en: "The tracer's Agent host {host} could not be resolved where the application runs. The name may only exist elsewhere (a docker-compose service name used in Kubernetes, a name from another network), or be misspelled.",
    ko: '트레이서의 Agent 호스트 {host}을(를) 애플리케이션이 실행되는 곳에서 해석할 수 없습니다. 다른 환경에만 있는 이름(쿠버네티스에서 쓴 docker-compose 서비스 이름, 다른 네트워크의 이름)이거나 철자가 틀렸을 수 있습니다.',
  },
  rule_agent_host_unresolvable_explanation_invalid: {
    en: 'The Agent host {host} is under .invalid, a reserved domain that never resolves. It is a placeholder, not an address: set the real Agent address.',
    ko: 'Agent 호스트 {host}은(는) 절대 해석되지 않는 예약 도메인 .invalid 아래의 이름입니다. 주소가 아니라 자리표시자이므로 실제 Agent 주소를 설정하세요.',
  },
  rule_agent_host_unresolvable_explanation_ipv6: {
    en: 'The Agent host {host} is an IPv6 address used as a host name: an IPv6 DD_AGENT_HOST (EKS IPv6 clusters put one in status.hostIP) made older tracers build an invalid URL.',
    ko: 'Agent 호스트 {host}은(는) 호스트 이름처럼 쓰인 IPv6 주소입니다. DD_AGENT_HOST가 IPv6(EKS IPv6 클러스터는 status.hostIP에 IPv6를 넣음)이면 오래된 트레이서가 잘못된 URL을 만듭니다.',
  },
  rule_agent_host_unresolvable_explanation_transient: {
    en: 'Resolving the Agent host {host} failed temporarily (EAI_AGAIN): the DNS server did not answer in time. If it is rare, it is DNS load; if it is constant, the name does not exist in this network.',
    ko: 'Agent 호스트 {host} 해석이 일시적으로 실패했습니다(EAI_AGAIN). DNS 서버가 제때 응답하지 않았습니다. 가끔 발생한다면 DNS 부하이고, 계속 발생한다면 이 네트워크에 그 이름이 없는 것입니다.',
  },
  rule_agent_host_unresolvable_explanation_service: {
    en: 'The Agent host {host} is a Kubernetes Service name and it does not resolve: the Service does not exist in that namespace, or the name is wrong.',
    ko: 'Agent 호스트 {host}은(는) 쿠버네티스 서비스 이름인데 해석되지 않습니다. 그 네임스페이스에 서비스가 없거나 이름이 틀렸습니다.',
  },
  advice_dns_lookup: {
    en: 'Resolve it from the application container: {command}',
    ko: '애플리케이션 컨테이너에서 이름을 해석해 보세요: {command}',
  },
  advice_dns_k8s_name: {
    en: "In Kubernetes a docker-compose service name doesn't exist: use the node IP (status.hostIP), the socket, or the Agent's local Service (Helm datadog.apm.useLocalService: true; the admission controller's service mode sets DD_AGENT_HOST=datadog.<agent-namespace>.svc.cluster.local).",
    ko: '쿠버네티스에는 docker-compose 서비스 이름이 없습니다. 노드 IP(status.hostIP), 소켓, 또는 Agent의 로컬 서비스를 사용하세요(Helm datadog.apm.useLocalService: true, 어드미션 컨트롤러의 service 모드는 DD_AGENT_HOST=datadog.<agent-namespace>.svc.cluster.local을 설정).',
  },
  advice_dns_k8s_service: {
    en: "Check the Service exists and its exact name: kubectl get svc -A | grep datadog. The admission controller's service mode expects <service>.<agent-namespace>.svc.cluster.local; {host} must match it.",
    ko: '서비스가 있는지, 정확한 이름이 무엇인지 확인하세요: kubectl get svc -A | grep datadog. 어드미션 컨트롤러의 service 모드는 <service>.<agent-namespace>.svc.cluster.local 형식을 쓰므로 {host}이(가) 이와 일치해야 합니다.',
  },
  advice_dns_docker: {
    en: 'Docker resolves container names only on a user-defined network that both containers joined (not the default bridge): docker network inspect <network>. With docker compose, {host} must be a service name of the same project.',
    ko: 'Docker는 두 컨테이너가 함께 속한 사용자 정의 네트워크에서만 컨테이너 이름을 해석합니다(기본 bridge 네트워크는 안 됨): docker network inspect <network>. docker compose에서는 {host}이(가) 같은 프로젝트의 서비스 이름이어야 합니다.',
  },
  advice_dns_transient: {
    en: "Check the DNS server the application uses (in Kubernetes, CoreDNS/kube-dns health and load; in Docker, the embedded DNS of the container's network), or give the Agent's IP or socket so no lookup is needed.",
    ko: '애플리케이션이 쓰는 DNS 서버를 확인하세요(쿠버네티스는 CoreDNS/kube-dns의 상태와 부하, Docker는 컨테이너 네트워크의 내장 DNS). 또는 Agent의 IP나 소켓을 써서 이름 조회가 필요 없게 하세요.',
  },
  advice_ipv6_literal: {
    en: 'Write IPv6 addresses in brackets in a URL: DD_TRACE_AGENT_URL=http://[{host}]:{agent_port}, and upgrade the tracer (newer releases bracket an IPv6 DD_AGENT_HOST themselves).',
    ko: 'URL에서는 IPv6 주소를 대괄호로 감싸세요: DD_TRACE_AGENT_URL=http://[{host}]:{agent_port}. 트레이서도 업그레이드하세요(최신 버전은 IPv6 DD_AGENT_HOST를 알아서 대괄호로 감쌉니다).',
  },

  // ── uds-missing / uds-permission / uds-listener-error ────────────────────────────────────
  rule_uds_missing_title: {en: "The Agent's Unix socket is missing", ko: 'Agent의 유닉스 도메인 소켓이 없습니다'},
  rule_uds_missing_explanation: {
    en: 'The tracer connects to the Unix socket {socket}, and the file does not exist in the application container: the socket directory is not mounted, the path differs from the Agent\'s, or the Agent does not create the socket.',
    ko: '트레이서가 유닉스 도메인 소켓 {socket}에 연결하는데 애플리케이션 컨테이너에 그 파일이 없습니다. 소켓 디렉터리가 마운트되지 않았거나, 경로가 Agent와 다르거나, Agent가 소켓을 만들지 않습니다.',
  },
  rule_uds_missing_explanation_flag: {
    en: "Java's startup check for a unix: agent_url only tests whether {socket} exists, and it doesn't: the socket directory is not mounted, the path differs from the Agent's, or the Agent does not create the socket.",
    ko: 'unix: agent_url에 대한 자바의 시작 점검은 {socket} 파일이 있는지만 확인하는데, 파일이 없습니다. 소켓 디렉터리가 마운트되지 않았거나, 경로가 Agent와 다르거나, Agent가 소켓을 만들지 않습니다.',
  },
  rule_uds_missing_explanation_dsd: {
    en: "The tracer is pointed at DogStatsD's datagram socket (dsd.socket) instead of the trace socket, so the connection fails with 'Protocol wrong type for socket'. Traces go to apm.socket (now {socket}).",
    ko: "트레이서가 트레이스 소켓이 아닌 DogStatsD 데이터그램 소켓(dsd.socket)을 가리키고 있어 'Protocol wrong type for socket'으로 연결이 실패합니다. 트레이스는 apm.socket으로 보내야 합니다(현재 {socket}).",
  },
  advice_uds_use_apm_socket: {
    en: 'Use the trace socket: DD_TRACE_AGENT_URL=unix:///var/run/datadog/apm.socket (dsd.socket is for DogStatsD metrics only).',
    ko: '트레이스 소켓을 사용하세요: DD_TRACE_AGENT_URL=unix:///var/run/datadog/apm.socket (dsd.socket은 DogStatsD 메트릭 전용입니다).',
  },
  advice_uds_k8s: {
    en: 'Kubernetes: enable the socket on the Agent (Helm datadog.apm.socketEnabled: true, the default of current charts; Operator features.apm.unixDomainSocketConfig.enabled: true) and mount the directory, not the file, into the app pod: volumes: [{name: apmsocket, hostPath: {path: {socket_dir}, type: Directory}}] and volumeMounts: [{name: apmsocket, mountPath: {socket_dir}, readOnly: true}]. Or let the admission controller do both (label admission.datadoghq.com/enabled: "true", socket mode). The tracer needs DD_TRACE_AGENT_URL=unix://{socket}.',
    ko: '쿠버네티스: Agent에서 소켓을 켜고(Helm datadog.apm.socketEnabled: true — 현재 차트의 기본값, Operator features.apm.unixDomainSocketConfig.enabled: true) 애플리케이션 파드에는 파일이 아닌 디렉터리를 마운트하세요: volumes: [{name: apmsocket, hostPath: {path: {socket_dir}, type: Directory}}], volumeMounts: [{name: apmsocket, mountPath: {socket_dir}, readOnly: true}]. 또는 어드미션 컨트롤러가 둘 다 하게 하세요(admission.datadoghq.com/enabled: "true" 레이블, socket 모드). 트레이서에는 DD_TRACE_AGENT_URL=unix://{socket} 설정이 필요합니다.',
  },
  advice_uds_docker: {
    en: 'Docker: share one host directory between the two containers: -v {socket_dir}:{socket_dir} on the Agent (with DD_APM_RECEIVER_SOCKET={socket}) and -v {socket_dir}:{socket_dir}:ro on the app (with DD_TRACE_AGENT_URL=unix://{socket}).',
    ko: 'Docker: 두 컨테이너가 같은 호스트 디렉터리를 공유하게 하세요. Agent에는 -v {socket_dir}:{socket_dir}(DD_APM_RECEIVER_SOCKET={socket} 설정과 함께), 애플리케이션에는 -v {socket_dir}:{socket_dir}:ro(DD_TRACE_AGENT_URL=unix://{socket} 설정과 함께)를 지정하세요.',
  },
  advice_uds_ecs: {
    en: 'Amazon ECS: add a host volume for {socket_dir} to the task definitions and mount it in the Agent container and the app container (DD_TRACE_AGENT_URL=unix://{socket}).',
    ko: 'Amazon ECS: 작업 정의에 {socket_dir} 호스트 볼륨을 추가하고 Agent 컨테이너와 애플리케이션 컨테이너에 모두 마운트하세요(DD_TRACE_AGENT_URL=unix://{socket}).',
  },
  advice_uds_host: {
    en: 'On a host, the Agent creates {socket} when apm_config.receiver_socket (DD_APM_RECEIVER_SOCKET) is set — the default on Linux — and {socket_dir} exists. Check: ls -l {socket_dir}',
    ko: '호스트에서는 apm_config.receiver_socket(DD_APM_RECEIVER_SOCKET)이 설정되어 있고(Linux 기본값) {socket_dir} 디렉터리가 있으면 Agent가 {socket} 소켓을 만듭니다. 확인: ls -l {socket_dir}',
  },
  advice_uds_path_mismatch: {
    en: 'Check the path on both sides: the tracer uses {socket}; the Agent uses DD_APM_RECEIVER_SOCKET (older Operator releases used apm.sock, some docs /var/run/datadog/apm/apm.socket). List the directory from the application container: {command}',
    ko: '양쪽 경로를 확인하세요. 트레이서는 {socket} 경로를 쓰고, Agent는 DD_APM_RECEIVER_SOCKET을 씁니다(예전 Operator는 apm.sock, 일부 문서는 /var/run/datadog/apm/apm.socket). 애플리케이션 컨테이너에서 디렉터리를 확인하세요: {command}',
  },
  rule_uds_permission_title: {en: 'Permission denied connecting to the Agent', ko: 'Agent 연결 권한이 거부되었습니다'},
  rule_uds_permission_explanation: {
    en: "The tracer may not open the Unix socket {socket}: the socket or its directory doesn't allow the application's user (connecting needs write permission on the socket).",
    ko: '트레이서가 유닉스 도메인 소켓 {socket}에 연결할 권한이 없습니다. 소켓이나 디렉터리가 애플리케이션 사용자를 허용하지 않습니다(연결하려면 소켓에 쓰기 권한이 필요).',
  },
  rule_uds_permission_explanation_tcp: {
    en: 'Connecting to {target} over TCP failed with Permission denied — not refused. A local security policy blocks the process from opening network connections: usually SELinux keeping web-server processes (httpd, php-fpm, nginx) from connecting.',
    ko: 'TCP로 {target}에 연결하다가 거부(refused)가 아닌 Permission denied로 실패했습니다. 로컬 보안 정책이 프로세스의 네트워크 연결을 막고 있습니다. 대개 SELinux가 웹 서버 프로세스(httpd, php-fpm, nginx)의 연결을 막는 경우입니다.',
  },
  advice_uds_check_perms: {
    en: "Compare the socket's owner and mode with the application's user, from the application container: {command}. The app's UID or group needs write permission on {socket}.",
    ko: '애플리케이션 컨테이너에서 소켓의 소유자·권한과 애플리케이션 사용자를 비교하세요: {command}. 애플리케이션의 UID나 그룹에 {socket}에 대한 쓰기 권한이 필요합니다.',
  },
  advice_uds_perms_fix: {
    en: "Fix it where the socket is created: make {socket_dir} and the socket accessible to the app's UID/GID (e.g. the pod's runAsUser/fsGroup), or use TCP instead of the socket.",
    ko: '소켓이 만들어지는 쪽에서 고치세요. {socket_dir} 디렉터리와 소켓을 애플리케이션의 UID/GID가 접근할 수 있게 하거나(예: 파드의 runAsUser/fsGroup), 소켓 대신 TCP를 사용하세요.',
  },
  advice_selinux_network_connect: {
    en: 'On RHEL/CentOS with SELinux enforcing, check the denials (ausearch -m avc -ts recent) and allow web-server processes to connect: setsebool -P httpd_can_network_connect 1.',
    ko: 'SELinux가 enforcing인 RHEL/CentOS에서는 거부 기록을 확인하고(ausearch -m avc -ts recent) 웹 서버 프로세스의 연결을 허용하세요: setsebool -P httpd_can_network_connect 1.',
  },
  advice_tcp_eacces_policy: {
    en: "Outside SELinux, look for AppArmor or seccomp profiles applied to the application (dmesg, the container's security options).",
    ko: 'SELinux가 아니라면 애플리케이션에 적용된 AppArmor나 seccomp 프로필을 확인하세요(dmesg, 컨테이너의 보안 옵션).',
  },
  rule_uds_listener_error_title: {en: 'The Agent could not open its trace socket', ko: 'Agent가 트레이스 소켓을 열지 못했습니다'},
  rule_uds_listener_error_explanation_permission: {
    en: 'The trace-agent could not create {socket}: permission denied on {socket_dir}. This happens with a non-root Agent (runAsUser) or a host directory owned by another user; tracers then find no socket.',
    ko: 'trace-agent가 {socket} 소켓을 만들지 못했습니다: {socket_dir}에 대한 권한 거부. Agent를 root가 아닌 사용자(runAsUser)로 실행하거나 호스트 디렉터리의 소유자가 다를 때 발생하며, 그러면 트레이서는 소켓을 찾지 못합니다.',
  },
  rule_uds_listener_error_explanation_missing_dir: {
    en: 'The trace-agent did not start its Unix socket listener because {socket_dir} does not exist, so only TCP works and tracers configured for {socket} find no socket.',
    ko: '{socket_dir} 디렉터리가 없어서 trace-agent가 유닉스 소켓 리스너를 시작하지 않았습니다. TCP만 동작하므로 {socket} 경로를 쓰도록 설정된 트레이서는 소켓을 찾지 못합니다.',
  },
  rule_uds_listener_error_explanation_other: {
    en: 'The trace-agent failed to open its Unix socket listener on {socket}, so tracers configured for the socket cannot connect.',
    ko: 'trace-agent가 {socket}에서 유닉스 소켓 리스너를 열지 못해, 소켓을 쓰도록 설정된 트레이서가 연결할 수 없습니다.',
  },
  advice_uds_agent_dir_permissions: {
    en: 'Check the owner and mode of {socket_dir} on the node (ls -ld {socket_dir}); a non-root Agent needs it writable (Helm/Operator create it as a hostPath DirectoryOrCreate). Or run APM over TCP.',
    ko: '노드에서 {socket_dir}의 소유자와 권한을 확인하세요(ls -ld {socket_dir}). root가 아닌 Agent는 이 디렉터리에 쓸 수 있어야 합니다(Helm/Operator는 hostPath DirectoryOrCreate로 만듭니다). 아니면 APM을 TCP로 사용하세요.',
  },
  advice_uds_create_dir: {
    en: 'Create {socket_dir} for the Agent (mounted as a hostPath DirectoryOrCreate in Kubernetes), or set DD_APM_RECEIVER_SOCKET to a path whose directory exists; the tracer must use the same path as {socket}.',
    ko: 'Agent용 {socket_dir} 디렉터리를 만들거나(쿠버네티스에서는 hostPath DirectoryOrCreate로 마운트) 디렉터리가 있는 경로로 DD_APM_RECEIVER_SOCKET을 설정하세요. 트레이서도 같은 경로({socket})를 써야 합니다.',
  },
  advice_uds_or_tcp: {
    en: "Until the socket works, the tracer can use TCP: DD_TRACE_AGENT_URL=http://<agent-host>:8126 (see your environment's DD_AGENT_HOST steps).",
    ko: '소켓이 동작할 때까지는 트레이서가 TCP를 쓸 수 있습니다: DD_TRACE_AGENT_URL=http://<agent-host>:8126 (환경별 DD_AGENT_HOST 설정 단계를 참고하세요).',
  },
  advice_agent_log_trace: {
    en: "Read the trace-agent's log for the reason: /var/log/datadog/trace-agent.log on a host, or the trace-agent container's logs (kubectl logs <agent-pod> -c trace-agent; docker logs <agent-container>).",
    ko: 'trace-agent 로그에서 원인을 확인하세요: 호스트에서는 /var/log/datadog/trace-agent.log, 컨테이너에서는 trace-agent 컨테이너 로그(kubectl logs <agent-pod> -c trace-agent, docker logs <agent-container>).',
  },

  // ── proxy-captures-agent ─────────────────────────────────────────────────────────────────
  rule_proxy_captures_agent_title: {en: 'An HTTP proxy is in the way to the Agent', ko: 'HTTP 프록시가 Agent로 가는 경로를 가로막고 있습니다'},
  rule_proxy_captures_agent_explanation_reply: {
    en: 'A proxy answered instead of the Agent at {target}: the reply carries proxy words (proxy authentication, a squid/HTML error page, a proxy= route). The tracer process sends its Agent traffic through HTTP_PROXY/HTTPS_PROXY or a SOCKS setting.',
    ko: '{target}에서 Agent 대신 프록시가 응답했습니다. 응답에 프록시 흔적(프록시 인증, squid/HTML 오류 페이지, proxy= 경로)이 있습니다. 트레이서 프로세스가 Agent로 가는 트래픽을 HTTP_PROXY/HTTPS_PROXY나 SOCKS 설정을 통해 보내고 있습니다.',
  },
  rule_proxy_captures_agent_explanation_java: {
    en: "The Java tracer's startup check failed while the JVM has an HTTP proxy configured (http_proxyHost {proxy}): Agent traffic to {target} goes through that proxy unless the Agent host is in http.nonProxyHosts.",
    ko: 'JVM에 HTTP 프록시(http_proxyHost {proxy})가 설정된 상태에서 자바 트레이서의 시작 점검이 실패했습니다. Agent 호스트가 http.nonProxyHosts에 없으면 {target}(으)로 가는 Agent 트래픽이 그 프록시를 거칩니다.',
  },
  rule_proxy_captures_agent_explanation_env: {
    en: "The doctor found HTTP_PROXY/HTTPS_PROXY set where the app runs, without the Agent's host in NO_PROXY, and the tracer's error ({target}) is the kind a proxy produces (timeout, reset, an HTTP error).",
    ko: '닥터가 애플리케이션이 실행되는 곳에서 HTTP_PROXY/HTTPS_PROXY가 설정되어 있고 NO_PROXY에 Agent 호스트가 없다는 것을 발견했습니다. 트레이서 오류({target})도 프록시가 일으키는 종류(타임아웃, 연결 재설정, HTTP 오류)입니다.',
  },
  advice_no_proxy: {
    en: 'Add the Agent host to NO_PROXY and no_proxy literally (e.g. NO_PROXY=localhost,127.0.0.1,{agent_host}) — many HTTP clients ignore CIDR ranges there — or unset HTTP_PROXY/HTTPS_PROXY for the application process.',
    ko: 'NO_PROXY와 no_proxy에 Agent 호스트를 그대로 추가하세요(예: NO_PROXY=localhost,127.0.0.1,{agent_host}). 많은 HTTP 클라이언트가 여기의 CIDR 범위를 무시합니다. 또는 애플리케이션 프로세스에서 HTTP_PROXY/HTTPS_PROXY를 해제하세요.',
  },
  advice_no_proxy_java: {
    en: 'Java: exempt the Agent from the JVM proxy: -Dhttp.nonProxyHosts="localhost|127.0.0.1|{agent_host}", or remove -Dhttp.proxyHost if only outbound calls need it.',
    ko: '자바: JVM 프록시에서 Agent를 제외하세요: -Dhttp.nonProxyHosts="localhost|127.0.0.1|{agent_host}". 외부 호출에만 프록시가 필요하다면 -Dhttp.proxyHost를 제거하세요.',
  },
  advice_no_proxy_socks: {
    en: "Ruby socksify routes every TCP connection through SOCKS: exclude the Agent's address ({agent_host}) from the SOCKS configuration.",
    ko: 'Ruby socksify는 모든 TCP 연결을 SOCKS로 보냅니다. SOCKS 설정에서 Agent 주소({agent_host})를 제외하세요.',
  },
  advice_proxy_compare: {
    en: 'Compare a direct request with the proxied one from the application container: {direct} versus {proxied}.',
    ko: '애플리케이션 컨테이너에서 직접 요청과 프록시를 거친 요청을 비교하세요: {direct} 와 {proxied}.',
  },
  advice_proxy_not_intake: {
    en: "This is about tracer → Agent traffic. The Agent's own proxy to Datadog (DD_PROXY_HTTPS, proxy: in datadog.yaml) is a different setting and does not cause this.",
    ko: '이 문제는 트레이서 → Agent 트래픽에 관한 것입니다. Agent가 Datadog으로 보낼 때 쓰는 프록시(DD_PROXY_HTTPS, datadog.yaml의 proxy:)는 별개의 설정이며 이 문제의 원인이 아닙니다.',
  },

  // ── network-timeout / connection-reset ───────────────────────────────────────────────────
  rule_network_timeout_title: {en: 'The connection to the Agent timed out', ko: 'Agent 연결 시간이 초과되었습니다'},
  rule_network_timeout_explanation: {
    en: 'Connecting to {target} timed out: packets are dropped on the way (NetworkPolicy, security group, firewall, a service-mesh sidecar) or the peer accepts and never answers. A stopped Agent or a wrong localhost would be refused at once instead.',
    ko: '{target} 연결 시간이 초과되었습니다. 경로 중간에서 패킷이 버려지거나(네트워크 정책, 보안 그룹, 방화벽, 서비스 메시 사이드카) 상대가 연결만 받고 응답하지 않는 것입니다. Agent가 멈췄거나 localhost를 잘못 썼다면 즉시 거부되었을 것입니다.',
  },
  rule_network_timeout_explanation_socket: {
    en: 'Requests over the Unix socket {target} timed out: the trace-agent accepted the connection but did not answer in time (overloaded, or stuck).',
    ko: '유닉스 도메인 소켓 {target}에 대한 요청 시간이 초과되었습니다. trace-agent가 연결은 받았지만 제때 응답하지 않았습니다(과부하 또는 멈춤).',
  },
  advice_timeout_netpol: {
    en: 'Kubernetes: a NetworkPolicy (or a Cilium/Calico policy) on the app pod may drop egress to the node on {agent_port}: list them (kubectl get networkpolicy -n <app-namespace>) and allow egress to the node IPs on TCP {agent_port}.',
    ko: '쿠버네티스: 애플리케이션 파드에 적용된 네트워크 정책(또는 Cilium/Calico 정책)이 노드의 {agent_port} 포트로 나가는 트래픽을 버릴 수 있습니다. 정책을 확인하고(kubectl get networkpolicy -n <app-namespace>) 노드 IP의 TCP {agent_port} 포트로 나가는 트래픽을 허용하세요.',
  },
  advice_timeout_eks_sg: {
    en: "EKS with security groups for pods: the pod's security group must allow outbound TCP {agent_port} to the nodes, and the nodes' group must accept it from the pod's group.",
    ko: '파드용 보안 그룹을 쓰는 EKS: 파드의 보안 그룹이 노드로 나가는 TCP {agent_port} 포트를 허용하고, 노드의 보안 그룹이 파드의 보안 그룹에서 오는 트래픽을 받아야 합니다.',
  },
  advice_timeout_ecs_sg: {
    en: "ECS in awsvpc network mode: the task's security group must reach the instance on TCP {agent_port}; add an inbound rule to the instance's security group from the task's security group.",
    ko: 'awsvpc 네트워크 모드의 ECS: 작업(task)의 보안 그룹이 인스턴스의 TCP {agent_port}에 접근할 수 있어야 합니다. 인스턴스 보안 그룹에 작업 보안 그룹으로부터의 인바운드 규칙을 추가하세요.',
  },
  advice_timeout_firewall: {
    en: 'Check firewalls between the application and the Agent on TCP {agent_port}: iptables/nftables on the hosts, cloud security groups, VPN routes.',
    ko: '애플리케이션과 Agent 사이의 TCP {agent_port} 경로에 있는 방화벽을 확인하세요: 호스트의 iptables/nftables, 클라우드 보안 그룹, VPN 라우팅.',
  },
  advice_mesh_exclude: {
    en: 'With a service mesh, let Agent traffic bypass the sidecar: Istio pod annotation traffic.sidecar.istio.io/excludeOutboundPorts: "{agent_port}", Linkerd config.linkerd.io/skip-outbound-ports: "{agent_port}". If it happens only at startup, make the app wait for the proxy (Istio holdApplicationUntilProxyStarts: true).',
    ko: '서비스 메시를 쓴다면 Agent 트래픽이 사이드카를 우회하게 하세요: Istio 파드 어노테이션 traffic.sidecar.istio.io/excludeOutboundPorts: "{agent_port}", Linkerd config.linkerd.io/skip-outbound-ports: "{agent_port}". 시작할 때만 발생한다면 애플리케이션이 프록시를 기다리게 하세요(Istio holdApplicationUntilProxyStarts: true).',
  },
  advice_use_uds_k8s: {
    en: 'The Unix socket avoids the network path entirely (no NetworkPolicy, hostPort or mesh applies to it): DD_TRACE_AGENT_URL=unix:///var/run/datadog/apm.socket with /var/run/datadog mounted.',
    ko: '유닉스 도메인 소켓은 네트워크 경로를 아예 거치지 않습니다(네트워크 정책, hostPort, 서비스 메시가 적용되지 않음): /var/run/datadog을 마운트하고 DD_TRACE_AGENT_URL=unix:///var/run/datadog/apm.socket.',
  },
  advice_timeout_agent_busy: {
    en: "If the Agent answers most of the time, it may be overloaded: check its CPU and the trace-agent log ('CPU threshold exceeded', 'rate-limited'), and send to the node-local Agent rather than through a cluster-wide Service.",
    ko: "Agent가 대부분은 응답한다면 과부하일 수 있습니다. Agent의 CPU와 trace-agent 로그('CPU threshold exceeded', 'rate-limited')를 확인하고, 클러스터 전체 서비스를 거치지 말고 같은 노드의 Agent로 보내세요.",
  },
  rule_connection_reset_title: {en: 'The connection to the Agent was reset', ko: 'Agent 연결이 재설정(reset)되었습니다'},
  rule_connection_reset_explanation: {
    en: 'Something accepted the connection to {target} and then dropped it: the Agent restarting or being killed, a service-mesh sidecar, a stale hostPort rule pointing at a replaced Agent pod, or an Agent bound to localhost behind a published port. If it is rare while traces still arrive, it is an idle keep-alive connection being closed: harmless.',
    ko: '무언가가 {target} 연결을 받은 뒤 끊었습니다. Agent의 재시작이나 강제 종료, 서비스 메시 사이드카, 교체된 Agent 파드를 가리키는 오래된 hostPort 규칙, 또는 게시된 포트 뒤에서 localhost에만 바인딩된 Agent 때문입니다. 트레이스는 계속 도착하는데 가끔만 발생한다면 유휴 keep-alive 연결이 닫힌 것이므로 무해합니다.',
  },
  advice_reset_rare: {
    en: 'Count how often it happens: occasional resets amid working traces are the Agent closing an idle keep-alive connection as the tracer reuses it; upgrading the tracer (which retries) removes the noise.',
    ko: '얼마나 자주 발생하는지 세어 보세요. 트레이스가 정상적으로 도착하는 중에 가끔 나는 reset은 트레이서가 재사용하려던 유휴 keep-alive 연결을 Agent가 닫은 것입니다. 재시도하는 최신 트레이서로 업그레이드하면 사라집니다.',
  },
  advice_reset_k8s_hostport: {
    en: 'If the app sends to the node IP and the Agent pod was replaced, a stale hostPort rule may still point at the old pod: the socket or the Agent\'s local Service avoids hostPort altogether.',
    ko: '애플리케이션이 노드 IP로 보내는데 Agent 파드가 교체되었다면, 오래된 hostPort 규칙이 아직 예전 파드를 가리킬 수 있습니다. 소켓이나 Agent의 로컬 서비스를 쓰면 hostPort를 아예 거치지 않습니다.',
  },

  // ── agent restarts / resource kill ───────────────────────────────────────────────────────
  rule_agent_resource_kill_title: {en: 'The trace-agent was killed for using too many resources', ko: 'trace-agent가 리소스 초과로 종료되었습니다'},
  rule_agent_resource_kill_explanation_memory: {
    en: "The trace-agent's watchdog (or the container runtime) killed it over its memory limit ({detail}). While it restarts, tracers are refused or reset.",
    ko: 'trace-agent의 워치독(또는 컨테이너 런타임)이 메모리 한도 초과로 trace-agent를 종료했습니다({detail}). 재시작되는 동안 트레이서 연결은 거부되거나 재설정됩니다.',
  },
  rule_agent_resource_kill_explanation_cpu: {
    en: "The trace-agent's watchdog killed it over its CPU limit ({detail}). While it restarts, tracers are refused or reset.",
    ko: 'trace-agent의 워치독이 CPU 한도 초과로 trace-agent를 종료했습니다({detail}). 재시작되는 동안 트레이서 연결은 거부되거나 재설정됩니다.',
  },
  rule_agent_resource_kill_explanation_tracer: {
    en: "The tracer's failure to reach {target} lines up with the trace-agent being killed for resources in the same logs: the tracer hit the Agent while it was down or restarting.",
    ko: '트레이서가 {target}에 연결하지 못한 시점이 같은 로그에서 trace-agent가 리소스 초과로 종료된 시점과 겹칩니다. Agent가 중지되었거나 재시작되는 중에 트레이서가 연결을 시도한 것입니다.',
  },
  advice_agent_limits: {
    en: "Raise the trace-agent's limits: DD_APM_MAX_MEMORY (bytes) / DD_APM_MAX_CPU_PERCENT (apm_config.max_memory / max_cpu_percent), and in containers the Agent container's memory limit too (a container OOM kill shows as OOMKilled, exit code 137).",
    ko: 'trace-agent의 한도를 늘리세요: DD_APM_MAX_MEMORY(바이트) / DD_APM_MAX_CPU_PERCENT(apm_config.max_memory / max_cpu_percent). 컨테이너라면 Agent 컨테이너의 메모리 한도도 늘리세요(컨테이너 OOM 종료는 OOMKilled, 종료 코드 137로 나타남).',
  },
  advice_agent_restarts_k8s: {
    en: "Check the Agent pod's restarts and last termination: kubectl get pod <agent-pod> -n <agent-namespace> (RESTARTS) and kubectl describe pod <agent-pod> (Last State: Terminated, Reason: OOMKilled, Exit Code: 137).",
    ko: 'Agent 파드의 재시작 횟수와 마지막 종료 원인을 확인하세요: kubectl get pod <agent-pod> -n <agent-namespace> (RESTARTS), kubectl describe pod <agent-pod> (Last State: Terminated, Reason: OOMKilled, Exit Code: 137).',
  },
  advice_agent_restarts_ecs: {
    en: "Check whether the Agent container stopped: aws ecs describe-tasks --cluster <cluster> --tasks <task-id> (containers[].exitCode, reason), or the stopped tasks' reasons in the console.",
    ko: 'Agent 컨테이너가 중지되었는지 확인하세요: aws ecs describe-tasks --cluster <cluster> --tasks <task-id> (containers[].exitCode, reason), 또는 콘솔에서 중지된 작업의 사유를 보세요.',
  },
  advice_agent_restarts_host: {
    en: 'Check whether the trace-agent restarted around the errors: sudo journalctl -u datadog-agent-trace --since "1 hour ago".',
    ko: '오류 시점에 trace-agent가 재시작되었는지 확인하세요: sudo journalctl -u datadog-agent-trace --since "1 hour ago".',
  },
  advice_agent_restarts_docker: {
    en: "Check whether the Agent container restarted around the errors: docker inspect -f '{{.RestartCount}} {{.State.OOMKilled}}' <agent-container>, and docker logs <agent-container>.",
    ko: "오류 시점에 Agent 컨테이너가 재시작되었는지 확인하세요: docker inspect -f '{{.RestartCount}} {{.State.OOMKilled}}' <agent-container>, docker logs <agent-container>.",
  },
  advice_agent_pin_version: {
    en: 'If it started with an Agent upgrade (for example on a latest tag), pin a known-good Agent version.',
    ko: 'Agent 업그레이드 후에 시작되었다면(예: latest 태그 사용) 문제가 없던 Agent 버전으로 고정하세요.',
  },

  // ── apm-not-running ──────────────────────────────────────────────────────────────────────
  rule_apm_not_running_title: {en: "The Agent's APM component is not running", ko: 'Agent의 APM 구성 요소가 실행 중이 아닙니다'},
  rule_apm_not_running_explanation_disabled: {
    en: 'The trace-agent exited because APM is disabled in this Agent (DD_APM_ENABLED / apm_config.enabled is false), so nothing receives traces on 8126 or the socket.',
    ko: '이 Agent에서 APM이 꺼져 있어(DD_APM_ENABLED / apm_config.enabled가 false) trace-agent가 종료되었습니다. 따라서 8126 포트나 소켓에서 트레이스를 받는 것이 없습니다.',
  },
  rule_apm_not_running_explanation_status: {
    en: "agent status reports the APM Agent as not running or unreachable (port {port} in the status line): the Agent does not have APM set up, so it cannot receive traces or send them to Datadog.",
    ko: 'agent status가 APM Agent를 실행 중이 아니거나 연결할 수 없다고 보고합니다(상태 줄의 포트 {port}). Agent에 APM이 설정되어 있지 않아 트레이스를 받거나 Datadog으로 보낼 수 없습니다.',
  },
  rule_apm_not_running_explanation_tracer: {
    en: "The tracer was refused at {target}, and the Agent's own output in the same logs says its APM component is not running: enable APM on the Agent first.",
    ko: '트레이서가 {target}에서 거부되었고, 같은 로그에 있는 Agent 출력은 APM 구성 요소가 실행 중이 아니라고 말합니다. 먼저 Agent에서 APM을 켜세요.',
  },
  rule_apm_not_running_explanation_agent_down: {
    en: 'agent status could not reach the Agent at all ({target}): the core Agent is not running, so neither is APM.',
    ko: 'agent status가 Agent에 전혀 연결하지 못했습니다({target}). 코어 Agent가 실행 중이 아니므로 APM도 실행 중이 아닙니다.',
  },
  rule_apm_not_running_explanation_listen: {
    en: 'The trace-agent could not listen on {listen} ({code}) and stopped: the address is not one of this machine\'s (bind_host), or the port is not allowed.',
    ko: 'trace-agent가 {listen}에서 수신하지 못하고({code}) 종료되었습니다. 이 머신에 없는 주소(bind_host)이거나 사용할 수 없는 포트입니다.',
  },
  advice_agent_start: {
    en: 'Start the Agent and check it stays up: Linux sudo systemctl start datadog-agent (then systemctl status datadog-agent); containers: the Agent container or pod and its restarts.',
    ko: 'Agent를 시작하고 계속 실행되는지 확인하세요: Linux에서는 sudo systemctl start datadog-agent(그다음 systemctl status datadog-agent), 컨테이너라면 Agent 컨테이너나 파드와 재시작 횟수를 확인하세요.',
  },
  advice_bind_host_check: {
    en: "Check the Agent's listen settings: DD_BIND_HOST / bind_host must be an address of this machine (or unset), DD_APM_NON_LOCAL_TRAFFIC=true listens on 0.0.0.0, and DD_APM_RECEIVER_PORT must be a free, allowed port.",
    ko: 'Agent의 수신 설정을 확인하세요: DD_BIND_HOST / bind_host는 이 머신의 주소여야 하고(또는 설정하지 않음), DD_APM_NON_LOCAL_TRAFFIC=true이면 0.0.0.0에서 수신하며, DD_APM_RECEIVER_PORT는 비어 있고 사용 가능한 포트여야 합니다.',
  },
  advice_apm_enable_k8s: {
    en: 'Helm: datadog.apm.socketEnabled: true (UDS) and/or datadog.apm.portEnabled: true (hostPort); Datadog Operator: features.apm.enabled: true (hostPortConfig / unixDomainSocketConfig). Check the Agent pod has a trace-agent container: kubectl get pod <agent-pod> -o jsonpath=\'{.spec.containers[*].name}\'.',
    ko: 'Helm: datadog.apm.socketEnabled: true(UDS) 또는 datadog.apm.portEnabled: true(hostPort), Datadog Operator: features.apm.enabled: true(hostPortConfig / unixDomainSocketConfig). Agent 파드에 trace-agent 컨테이너가 있는지 확인하세요: kubectl get pod <agent-pod> -o jsonpath=\'{.spec.containers[*].name}\'.',
  },
  advice_apm_enable_ecs: {
    en: 'Amazon ECS: set DD_APM_ENABLED=true in the Agent container definition (Agent 7.17 and older also need DD_APM_NON_LOCAL_TRAFFIC=true), and on EC2 map port 8126/tcp to the host.',
    ko: 'Amazon ECS: Agent 컨테이너 정의에 DD_APM_ENABLED=true를 설정하고(Agent 7.17 이하는 DD_APM_NON_LOCAL_TRAFFIC=true도 필요), EC2에서는 8126/tcp 포트를 호스트에 매핑하세요.',
  },
  advice_apm_enable_docker: {
    en: 'Docker: start the Agent container with -e DD_APM_ENABLED=true (and -p 8126:8126/tcp if apps reach it through the host).',
    ko: 'Docker: Agent 컨테이너를 -e DD_APM_ENABLED=true로 실행하세요(애플리케이션이 호스트를 거쳐 접근한다면 -p 8126:8126/tcp도).',
  },
  advice_status_port_5012: {
    en: "Port 5012 in 'Not running or unreachable on localhost:5012' is the trace-agent's debug port that agent status reads, not where tracers send: keep the tracers on 8126 (or the socket).",
    ko: "'Not running or unreachable on localhost:5012'의 5012는 agent status가 읽는 trace-agent의 디버그 포트이며, 트레이서가 전송하는 포트가 아닙니다. 트레이서는 계속 8126(또는 소켓)을 쓰세요.",
  },
  advice_status_trace_container: {
    en: 'With a dedicated trace-agent container in Kubernetes, run the status in that container: kubectl exec <agent-pod> -c trace-agent -- agent status.',
    ko: '쿠버네티스에서 전용 trace-agent 컨테이너를 쓴다면 그 컨테이너에서 상태를 확인하세요: kubectl exec <agent-pod> -c trace-agent -- agent status.',
  },
  advice_apm_socket_activation: {
    en: 'Agent 7.80+ on Linux may start the trace-agent only when the first connection arrives (socket activation), so agent status can show APM as not running until a trace is sent: send one and check again (DD_APM_SOCKET_ACTIVATION_ENABLED=false turns this off).',
    ko: 'Linux의 Agent 7.80 이상은 첫 연결이 들어올 때 trace-agent를 시작할 수 있어(소켓 활성화), 트레이스가 오기 전까지 agent status에 APM이 실행 중이 아니라고 나올 수 있습니다. 트레이스를 하나 보낸 뒤 다시 확인하세요(DD_APM_SOCKET_ACTIVATION_ENABLED=false로 끌 수 있음).',
  },

  // ── port-conflict ────────────────────────────────────────────────────────────────────────
  rule_port_conflict_title: {en: 'Another process holds the Agent port', ko: '다른 프로세스가 Agent 포트를 점유하고 있습니다'},
  rule_port_conflict_explanation_holder: {
    en: "{holder} — not the trace-agent — is listening on port {port}. The trace-agent can't bind it, and tracers sending to {target} reach the wrong program.",
    ko: 'trace-agent가 아닌 {holder}이(가) {port} 포트에서 수신 중입니다. trace-agent는 이 포트를 사용할 수 없고, {target}(으)로 보내는 트레이서는 엉뚱한 프로그램에 연결됩니다.',
  },
  rule_port_conflict_explanation_agent_log: {
    en: "The trace-agent could not bind its receiver on port {port}: another process already holds it. The trace-agent stops, so tracers are refused or reach the other program.",
    ko: 'trace-agent가 {port} 포트에 수신기를 바인딩하지 못했습니다. 다른 프로세스가 이미 점유하고 있습니다. trace-agent가 멈추므로 트레이서 연결은 거부되거나 다른 프로그램에 연결됩니다.',
  },
  rule_port_conflict_explanation_tracer: {
    en: "The tracer's failure at {target} lines up with the trace-agent's own log in the same view: it could not bind port {port} because another process holds it.",
    ko: '{target}에서의 트레이서 실패가 같은 화면의 trace-agent 로그와 맞물립니다. 다른 프로세스가 {port} 포트를 점유해 trace-agent가 바인딩하지 못했습니다.',
  },
  advice_port_find_holder: {
    en: "Find what holds the port on the Agent's machine: sudo lsof -nP -iTCP:{port} -sTCP:LISTEN, or ss -ltnp 'sport = :{port}' (Windows: netstat -ano | findstr :{port}).",
    ko: "Agent가 있는 머신에서 포트를 점유한 프로세스를 찾으세요: sudo lsof -nP -iTCP:{port} -sTCP:LISTEN 또는 ss -ltnp 'sport = :{port}' (Windows: netstat -ano | findstr :{port}).",
  },
  advice_port_docker_allocated: {
    en: 'Docker: another container already publishes port {port}: docker ps --filter publish={port}.',
    ko: 'Docker: 다른 컨테이너가 이미 {port} 포트를 게시하고 있습니다: docker ps --filter publish={port}.',
  },
  advice_port_move: {
    en: "Free port {port}, or move the Agent's receiver and every tracer together: DD_APM_RECEIVER_PORT=<new-port> on the Agent and DD_TRACE_AGENT_PORT=<new-port> in each application.",
    ko: '{port} 포트를 비우거나, Agent 수신 포트와 모든 트레이서의 포트를 함께 바꾸세요: Agent에는 DD_APM_RECEIVER_PORT=<new-port>, 각 애플리케이션에는 DD_TRACE_AGENT_PORT=<new-port>.',
  },

  // ── webserver-env ────────────────────────────────────────────────────────────────────────
  rule_webserver_env_title: {en: "The web server didn't pass DD_AGENT_HOST to the tracer", ko: '웹 서버가 DD_AGENT_HOST를 트레이서에 전달하지 않았습니다'},
  rule_webserver_env_explanation: {
    en: "The tracer inside the web server sends to {target} (the default), while other lines in these logs use {other_host}. DD_AGENT_HOST is set, but the web server's worker processes don't see it: PHP-FPM clears the environment by default, Apache and nginx pass only what they are told to.",
    ko: '웹 서버 안의 트레이서는 기본값인 {target}(으)로 전송하지만, 이 로그의 다른 줄은 {other_host}을(를) 씁니다. DD_AGENT_HOST는 설정되어 있지만 웹 서버의 워커 프로세스가 보지 못하는 것입니다. PHP-FPM은 기본적으로 환경 변수를 지우고, Apache와 nginx는 지정한 변수만 전달합니다.',
  },
  advice_webserver_php_fpm: {
    en: 'PHP-FPM: clear_env = yes (the default) drops the container environment. In the pool config (www.conf) add env[DD_AGENT_HOST] = $DD_AGENT_HOST (and the other DD_* you use) or set clear_env = no; or use the INI setting datadog.agent_host = {other_host}.',
    ko: 'PHP-FPM: clear_env = yes(기본값)는 컨테이너 환경 변수를 버립니다. 풀 설정(www.conf)에 env[DD_AGENT_HOST] = $DD_AGENT_HOST(사용하는 다른 DD_* 변수도)를 추가하거나 clear_env = no로 설정하세요. 또는 INI 설정 datadog.agent_host = {other_host} 설정을 사용하세요.',
  },
  advice_webserver_apache: {
    en: 'Apache with mod_php: PassEnv DD_AGENT_HOST (or SetEnv DD_AGENT_HOST {other_host}) in the server or virtual host configuration.',
    ko: 'mod_php를 쓰는 Apache: 서버나 가상 호스트 설정에 PassEnv DD_AGENT_HOST(또는 SetEnv DD_AGENT_HOST {other_host})를 추가하세요.',
  },
  advice_webserver_nginx: {
    en: 'nginx with the Datadog module: nginx removes the environment of its workers; add env DD_AGENT_HOST; (and env DD_TRACE_AGENT_URL; if you use it) in the main context of nginx.conf, or set datadog_agent_url.',
    ko: 'Datadog 모듈을 쓰는 nginx: nginx는 워커의 환경 변수를 제거합니다. nginx.conf의 main 컨텍스트에 env DD_AGENT_HOST;(사용한다면 env DD_TRACE_AGENT_URL;도)를 추가하거나 datadog_agent_url을 설정하세요.',
  },
  advice_webserver_verify: {
    en: "Then check what the web process sees: the tracer's startup log (or phpinfo() served by the web server, not php -i) should show agent_url with {other_host}.",
    ko: '그다음 웹 프로세스가 보는 값을 확인하세요. 트레이서 시작 로그(또는 php -i가 아닌 웹 서버가 제공하는 phpinfo())의 agent_url에 {other_host}이(가) 나와야 합니다.',
  },

  // ── HTTP answers ─────────────────────────────────────────────────────────────────────────
  rule_http_404_old_agent_title: {en: 'The Agent endpoint was not found (HTTP 404)', ko: 'Agent 엔드포인트를 찾을 수 없습니다(HTTP 404)'},
  rule_http_404_old_agent_explanation: {
    en: 'Something at {target} answered {status} for the trace endpoint: the connection works, but it is an old Agent without that endpoint, or not an Agent at all (another service or a mock on the port).',
    ko: '{target}에서 트레이스 엔드포인트에 대해 {status}을(를) 응답했습니다. 연결은 되지만, 해당 엔드포인트가 없는 오래된 Agent이거나 아예 Agent가 아닙니다(그 포트의 다른 서비스나 목(mock) 서버).',
  },
  rule_http_404_old_agent_explanation_info: {
    en: '{target} answered {status} for /info: the trace-agent is reachable but older than 7.27/7.28 (which added /info), unless another service holds the port.',
    ko: '{target}이(가) /info에 {status}을(를) 응답했습니다. trace-agent에는 접근 가능하지만 /info가 추가된 7.27/7.28보다 오래된 버전입니다(다른 서비스가 포트를 점유한 경우가 아니라면).',
  },
  rule_http_404_old_agent_explanation_v05: {
    en: '{target} answered {status} on /v0.5/traces: an old Agent (or an old Lambda extension) without the v0.5 endpoint. Tracers normally fall back to /v0.4 by themselves.',
    ko: '{target}이(가) /v0.5/traces에 {status}을(를) 응답했습니다. v0.5 엔드포인트가 없는 오래된 Agent(또는 오래된 Lambda 확장)입니다. 보통 트레이서는 스스로 /v0.4로 전환합니다.',
  },
  rule_http_404_old_agent_explanation_config: {
    en: '{target} answered {status} for the remote-configuration endpoint (/v0.7/config): this Agent has no remote configuration (older, or remote_config disabled). Traces are not affected.',
    ko: '{target}이(가) 원격 구성 엔드포인트(/v0.7/config)에 {status}을(를) 응답했습니다. 이 Agent에는 원격 구성이 없습니다(오래된 버전이거나 remote_config가 꺼져 있음). 트레이스에는 영향이 없습니다.',
  },
  advice_404_check_info: {
    en: 'Ask the port what it is: {command} — an Agent 7.28+ answers JSON with its version and endpoints; "404 page not found" means an older trace-agent (reachable); an HTML page or another JSON is a different service on the port.',
    ko: '그 포트가 무엇인지 확인하세요: {command} — Agent 7.28 이상은 version과 endpoints가 담긴 JSON을 응답하고, "404 page not found"는 오래된 trace-agent(접근 가능)이며, HTML 페이지나 다른 JSON이면 그 포트는 다른 서비스입니다.',
  },
  advice_upgrade_agent: {
    en: 'Upgrade the Datadog Agent: current versions serve /info and every endpoint the tracers use.',
    ko: 'Datadog Agent를 업그레이드하세요. 최신 버전은 /info와 트레이서가 쓰는 모든 엔드포인트를 제공합니다.',
  },
  advice_pin_api_v04: {
    en: 'Until the Agent is upgraded, the tracer can use the older endpoint: DD_TRACE_API_VERSION=v0.4.',
    ko: 'Agent를 업그레이드하기 전까지는 트레이서가 이전 엔드포인트를 쓰게 할 수 있습니다: DD_TRACE_API_VERSION=v0.4.',
  },
  rule_payload_too_large_title: {en: 'A trace payload was too large for the Agent (HTTP 413)', ko: '트레이스 페이로드가 Agent 한도를 넘었습니다(HTTP 413)'},
  rule_payload_too_large_explanation: {
    en: 'The Agent at {target} refused one flush as too large (its limit is 25 MB by default). The traces in that payload were dropped; smaller flushes go through.',
    ko: '{target}의 Agent가 한 번의 전송(flush)을 너무 크다며 거부했습니다(기본 한도 25MB). 그 페이로드의 트레이스는 버려졌고, 더 작은 전송은 정상 처리됩니다.',
  },
  advice_payload_partial_flush: {
    en: 'Send big traces in pieces: DD_TRACE_PARTIAL_FLUSH_MIN_SPANS=<n> (Java, Node.js, Go, Python, .NET; Python and Go also need DD_TRACE_PARTIAL_FLUSH_ENABLED=true).',
    ko: '큰 트레이스를 나누어 보내세요: DD_TRACE_PARTIAL_FLUSH_MIN_SPANS=<n> (자바, Node.js, Go, Python, .NET — Python과 Go는 DD_TRACE_PARTIAL_FLUSH_ENABLED=true도 필요).',
  },
  advice_upgrade_tracer_split: {
    en: "Upgrade the tracer: newer versions split payloads to stay under the Agent's limit.",
    ko: '트레이서를 업그레이드하세요. 최신 버전은 Agent 한도를 넘지 않도록 페이로드를 나눕니다.',
  },
  advice_payload_reduce_spans: {
    en: 'Look for traces with very many or very large spans (spans created in loops, huge tags or SQL) and reduce them.',
    ko: '스팬이 아주 많거나 큰 트레이스(반복문에서 만든 스팬, 거대한 태그나 SQL)를 찾아 줄이세요.',
  },
  advice_agent_max_payload: {
    en: "Or raise the Agent's limit, at the cost of Agent memory: DD_APM_MAX_PAYLOAD_SIZE=<bytes> (apm_config.max_payload_size).",
    ko: '또는 Agent 메모리를 더 쓰는 대신 Agent 한도를 늘리세요: DD_APM_MAX_PAYLOAD_SIZE=<bytes> (apm_config.max_payload_size).',
  },
  rule_rate_limited_title: {en: 'The Agent is rate-limiting the tracer (HTTP 429)', ko: 'Agent가 트레이서 요청을 제한하고 있습니다(HTTP 429)'},
  rule_rate_limited_explanation: {
    en: "The Agent at {target} rejected a payload because it is over its CPU or connection budget. (Tracers that don't ask for the real status get 200 and lose the payload silently, so the drops may be larger than these lines show.)",
    ko: '{target}의 Agent가 CPU 또는 연결 한도를 넘어 페이로드를 거부했습니다. (실제 상태 코드를 요청하지 않는 트레이서는 200을 받고 조용히 페이로드를 잃으므로, 실제 손실은 이 로그보다 클 수 있습니다.)',
  },
  rule_rate_limited_explanation_watchdog: {
    en: "The trace-agent's watchdog is over its CPU or memory budget and is refusing payloads. Tracers usually get 200 and lose those traces silently.",
    ko: 'trace-agent의 워치독이 CPU 또는 메모리 한도를 넘어 페이로드를 거부하고 있습니다. 트레이서는 보통 200을 받고 그 트레이스를 조용히 잃습니다.',
  },
  rule_rate_limited_explanation_connections: {
    en: 'The trace-agent reached its connection limit (apm_config.connection_limit) and is delaying new connections: tracers see slow sends or timeouts.',
    ko: 'trace-agent가 연결 한도(apm_config.connection_limit)에 도달해 새 연결을 지연시키고 있습니다. 트레이서에서는 전송이 느려지거나 타임아웃이 납니다.',
  },
  advice_rate_agent_limits: {
    en: 'Give the trace-agent more room: DD_APM_MAX_CPU_PERCENT and DD_APM_CONNECTION_LIMIT (apm_config.max_cpu_percent / connection_limit), or more CPU for the Agent container.',
    ko: 'trace-agent에 여유를 주세요: DD_APM_MAX_CPU_PERCENT와 DD_APM_CONNECTION_LIMIT(apm_config.max_cpu_percent / connection_limit), 또는 Agent 컨테이너에 CPU를 더 할당하세요.',
  },
  advice_rate_check: {
    en: "Confirm it in the trace-agent log ('rate-limited', 'CPU threshold exceeded') and in the metric datadog.trace_agent.receiver.ratelimit.",
    ko: "trace-agent 로그('rate-limited', 'CPU threshold exceeded')와 datadog.trace_agent.receiver.ratelimit 메트릭으로 확인하세요.",
  },
  rule_agent_server_error_title: {en: 'The Agent answered with a server error (HTTP 5xx)', ko: 'Agent가 서버 오류로 응답했습니다(HTTP 5xx)'},
  rule_agent_server_error_explanation: {
    en: '{target} answered {status}: the request reached it, but it failed while handling it. Its log says why.',
    ko: '{target}이(가) {status}을(를) 응답했습니다. 요청은 도착했지만 처리 중에 실패했습니다. 원인은 로그에 있습니다.',
  },
  rule_agent_server_error_explanation_mesh: {
    en: '{status} with an Envoy message from {target}: a service-mesh sidecar answered because it could not reach the Agent.',
    ko: '{target}에서 Envoy 메시지와 함께 {status}이(가) 왔습니다. 서비스 메시 사이드카가 Agent에 연결하지 못해 대신 응답한 것입니다.',
  },
  rule_agent_server_error_explanation_intermediary: {
    en: "{target} answered 503, which the trace-agent doesn't send: a load balancer or proxy between the application and the Agent answered.",
    ko: '{target}이(가) trace-agent는 보내지 않는 503을 응답했습니다. 애플리케이션과 Agent 사이의 로드 밸런서나 프록시가 응답한 것입니다.',
  },
  rule_agent_server_error_explanation_upstream: {
    en: '{target} answered 502: the Agent forwards some endpoints (profiling, telemetry, /evp_proxy) to Datadog and answers 502 when that fails. The tracer → Agent path itself works.',
    ko: '{target}이(가) 502를 응답했습니다. Agent는 일부 엔드포인트(프로파일링, 텔레메트리, /evp_proxy)를 Datadog으로 전달하는데, 그 전달이 실패하면 502를 응답합니다. 트레이서 → Agent 경로 자체는 동작합니다.',
  },
  advice_agent_intake: {
    en: "Check the Agent's connection to Datadog: agent diagnose, and DD_PROXY_HTTPS / proxy: in datadog.yaml if the Agent must use a proxy.",
    ko: 'Agent의 Datadog 연결을 확인하세요: agent diagnose, 그리고 Agent가 프록시를 써야 한다면 DD_PROXY_HTTPS / datadog.yaml의 proxy:.',
  },
  advice_send_to_local_agent: {
    en: 'Send to the Agent directly (the node-local Agent, its socket, or status.hostIP) instead of through a load balancer or proxy.',
    ko: '로드 밸런서나 프록시를 거치지 말고 Agent로 직접 보내세요(같은 노드의 Agent, 소켓, 또는 status.hostIP).',
  },

  // ── what the tracer didn't say ───────────────────────────────────────────────────────────
  rule_reason_hidden_title: {en: "The tracer failed without saying why", ko: '트레이서가 원인을 밝히지 않고 실패했습니다'},
  rule_reason_hidden_explanation: {
    en: 'The tracer reports that sending to {target} failed, but not the underlying error (refused, timeout, DNS, TLS, HTTP status). A probe from where the app runs tells them apart.',
    ko: '트레이서가 {target} 전송이 실패했다고만 알리고 원인 오류(연결 거부, 타임아웃, DNS, TLS, HTTP 상태)는 밝히지 않았습니다. 애플리케이션이 실행되는 곳에서 프로브를 실행하면 구분할 수 있습니다.',
  },
  rule_reason_hidden_explanation_native: {
    en: "The native writer reports 'client error (Connect)' for {target}: the connection failed, but it hides whether it was refused, timed out or the name did not resolve.",
    ko: "네이티브 writer가 {target}에 대해 'client error (Connect)'를 보고했습니다. 연결은 실패했지만 거부인지, 타임아웃인지, 이름 해석 실패인지는 숨겨져 있습니다.",
  },
  rule_reason_hidden_explanation_retries: {
    en: 'The tracer gave up on {target} after its retries and logged only that: the error of each attempt is in the debug logs.',
    ko: '트레이서가 재시도 끝에 {target} 전송을 포기했다고만 기록했습니다. 각 시도의 오류는 디버그 로그에 있습니다.',
  },
  rule_startup_agent_error_title: {en: "The tracer's startup check could not reach the Agent", ko: '트레이서 시작 점검에서 Agent에 연결하지 못했습니다'},
  rule_startup_agent_error_explanation: {
    en: "The tracer's startup check reports an agent error for {target} without the reason. Find out which step fails before changing configuration.",
    ko: '트레이서 시작 점검이 {target}에 대한 Agent 오류를 원인 없이 보고했습니다. 설정을 바꾸기 전에 어느 단계가 실패하는지 먼저 확인하세요.',
  },
  rule_startup_agent_error_explanation_java: {
    en: "Java's startup check is a plain TCP connect to {target} with a 500 ms timeout; \"agent_error\":true says it failed, but not whether it was refused, timed out or the host did not resolve.",
    ko: '자바의 시작 점검은 {target}에 대한 단순 TCP 연결(타임아웃 500ms)입니다. "agent_error":true는 실패했다는 것만 알려 줄 뿐, 거부인지 타임아웃인지 호스트 해석 실패인지는 알려 주지 않습니다.',
  },
} as const satisfies Table;

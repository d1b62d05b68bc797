// Every diagnosis rule, in the order they are tried: specific first, the catch-all last.
// One rule per file; the file name is its id (test/shared/rules/registry.test.ts checks it).
// Order matters where evidence overlaps:
// - proxy, port and agent-side evidence (a proxy's reply, the agent's own log) outrank what a
//   tracer line suggests;
// - the socket rules come before address rules (a socket has no host);
// - webserver-env before localhost-in-container (same localhost symptom, a sharper cause);
// - sidecar-missing before addr-not-available and localhost-in-container (Fargate: localhost is right);
// - localhost-in-container before node-localhost-ipv6 (in a container the address is wrong anyway);
// - reason-hidden and startup-agent-error after the address rules (localhost in a container is
//   wrong whatever the hidden reason was), agent-not-listening after everything that explains a refusal.
import {rule as addrNotAvailable} from './addr-not-available';
import {rule as agentHostUnresolvable} from './agent-host-unresolvable';
import {rule as agentNotListening} from './agent-not-listening';
import {rule as agentResourceKill} from './agent-resource-kill';
import {rule as agentServerError} from './agent-server-error';
import {rule as apmNotRunning} from './apm-not-running';
import {rule as checkAgent} from './check-agent';
import {rule as connectionReset} from './connection-reset';
import {rule as http404OldAgent} from './http-404-old-agent';
import {rule as localhostInContainer} from './localhost-in-container';
import {rule as networkTimeout} from './network-timeout';
import {rule as nodeLocalhostIpv6} from './node-localhost-ipv6';
import {rule as nonLocalTraffic} from './non-local-traffic';
import {rule as payloadTooLarge} from './payload-too-large';
import {rule as portConflict} from './port-conflict';
import {rule as proxyCapturesAgent} from './proxy-captures-agent';
import {rule as rateLimited} from './rate-limited';
import {rule as reasonHidden} from './reason-hidden';
import {rule as sidecarMissing} from './sidecar-missing';
import {rule as startupAgentError} from './startup-agent-error';
import {rule as udsListenerError} from './uds-listener-error';
import {rule as udsMissing} from './uds-missing';
import {rule as udsPermission} from './uds-permission';
import {rule as webserverEnv} from './webserver-env';

export const rules = [
  proxyCapturesAgent,
  portConflict,
  agentResourceKill,
  apmNotRunning,
  udsListenerError,
  udsPermission,
  udsMissing,
  webserverEnv,
  sidecarMissing,
  addrNotAvailable,
  localhostInContainer,
  nodeLocalhostIpv6,
  nonLocalTraffic,
  agentHostUnresolvable,
  networkTimeout,
  connectionReset,
  http404OldAgent,
  payloadTooLarge,
  rateLimited,
  agentServerError,
  reasonHidden,
  startupAgentError,
  agentNotListening,
  checkAgent,
] as const;

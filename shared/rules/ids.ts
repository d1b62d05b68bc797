// The ids of every diagnosis rule, in one place so the bridge's probe verdicts and the
// engine's diagnoses name the same things. Each id is also a file in shared/rules/
// (the registry test keeps the two in step).
export const RULE_IDS = [
  'localhost-in-container',
  'sidecar-missing',
  'agent-not-listening',
  'non-local-traffic',
  'node-localhost-ipv6',
  'addr-not-available',
  'agent-host-unresolvable',
  'uds-missing',
  'uds-permission',
  'uds-listener-error',
  'proxy-captures-agent',
  'network-timeout',
  'connection-reset',
  'http-404-old-agent',
  'payload-too-large',
  'rate-limited',
  'agent-server-error',
  'port-conflict',
  'webserver-env',
  'apm-not-running',
  'agent-resource-kill',
  'startup-agent-error',
  'reason-hidden',
  'check-agent',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

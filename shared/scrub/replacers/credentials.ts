// Passwords, tokens, secrets and credentials in URLs and YAML-style `key: value` lines: the
// agent's replacers, in its order. Source: DataDog/datadog-agent pkg/util/scrubber/default.go
// (versions per rule). The YAML-key rules are linear rewrites of the agent's helpers (../yaml-key.ts).
import {REDACTED} from '../mask';
import type {Replacer} from '../types';
import {scrubUriPasswords} from '../uri-password';
import {keyContains, keyEndsWithAny, keyEnding, keyPrefixSuffix, replaceYamlValue} from '../yaml-key';

const AGENT = 'DataDog/datadog-agent pkg/util/scrubber/default.go';
const Y = `"${REDACTED}"`;

const headerRule = (suffix: string, hints: readonly string[]): Replacer => ({
  id: `httpHeader${suffix[0]?.toUpperCase() ?? ''}${suffix.slice(1)}Replacer`,
  kind: 'line',
  hints,
  source: `${AGENT} — 7.70.2, matchYAMLKeyPrefixSuffix("x-", "${suffix}"): HTTP-header-style YAML keys (lower-case)`,
  replace: (l) => replaceYamlValue(l, keyPrefixSuffix('x-', suffix)),
  key: (k) => k.startsWith('x-') && k.endsWith(suffix) && k.length >= 2 + suffix.length,
  examples: [{input: `  ${hints[0] ?? ''}: abc123`, output: `  ${hints[0] ?? ''}: ${Y}`}],
  keeps: [{input: `${hints[0] ?? ''}: abc123`.toUpperCase(), why: 'the agent matches lower-case keys only (ours:secretKeyValue covers other cases)'}],
});

export const httpHeaderKeyReplacer = headerRule('key', [
  'x-api-key',
  'x-dreamfactory-api-key',
  'x-functions-key',
  'x-lz-api-key',
  'x-octopus-apikey',
  'x-pm-partner-key',
  'x-rapidapi-key',
  'x-sungard-idp-api-key',
  'x-vtex-api-appkey',
  'x-seel-api-key',
  'x-goog-api-key',
  'x-sonar-passcode',
]);
export const httpHeaderTokenReplacer = headerRule('token', [
  'x-auth-token',
  'x-rundeck-auth-token',
  'x-consul-token',
  'x-datadog-monitor-token',
  'x-vault-token',
  'x-vtex-api-apptoken',
  'x-static-token',
]);
export const httpHeaderAuthReplacer = headerRule('auth', ['x-auth', 'x-stratum-auth']);
export const httpHeaderSecretReplacer = headerRule('secret', ['x-api-secret', 'x-ibm-client-secret', 'x-chalk-client-secret']);

const EXACT_KEYS = [
  'auth-tenantid',
  'authority',
  'cainzapp-api-key',
  'cms-svc-api-key',
  'dd-api-key',
  'lodauth',
  'sec-websocket-key',
  'statuskey',
  'cookie',
  'private-token',
  'kong-admin-token',
  'accesstoken',
  'session_token',
] as const;

export const exactKeyReplacer: Replacer = {
  id: 'exactKeyReplacer',
  kind: 'line',
  hints: EXACT_KEYS,
  source: `${AGENT} — 7.70.2 (dd-api-key added later in 7.7x), matchYAMLKey`,
  replace: (l) => replaceYamlValue(l, keyEndsWithAny(EXACT_KEYS)),
  key: (k) => (EXACT_KEYS as readonly string[]).includes(k),
  examples: [
    {input: 'dd-api-key: 0123abc', output: `dd-api-key: ${Y}`},
    {input: 'cookie: session=abc', output: `cookie: ${Y}`},
  ],
  keeps: [{input: 'DD-API-KEY: 0123abc', why: 'case-sensitive (ours:secretKeyValue covers it)'}],
};

export const privateKeyReplacer: Replacer = {
  id: 'privateKeyReplacer',
  kind: 'line',
  hints: ['private_key'],
  source: `${AGENT} — 7.76, matchYAMLKeyEnding("private_key")`,
  replace: (l) => replaceYamlValue(l, keyEnding(['private_key']), true),
  key: (k) => k.endsWith('private_key'),
  examples: [{input: 'runner_private_key: MIIEvQIBADANBg', output: `runner_private_key: ${Y}`}],
  keeps: [{input: 'note private_key: x', why: 'anchored: the key must start the line'}],
};

export const uriPasswordReplacer: Replacer = {
  id: 'uriPasswordReplacer',
  kind: 'line',
  hints: [],
  source: `${AGENT} — 7.62 (#32503): \`(?i)([a-z][a-z0-9+-.]+://|\\b)([^:\\s]+):([^\\s|"]+)@\``,
  replace: scrubUriPasswords,
  examples: [
    {input: 'random_url_key: http://user:p@ssw0r)@host:port', output: 'random_url_key: http://user:********@host:port'},
    {input: 'proxy: http://squid:Sup3r@proxy.internal:3128', output: 'proxy: http://squid:********@proxy.internal:3128'},
    // Faithful to the regex: with no space before the URL, `\b` matches at column 0 and the
    // user name goes with the password (fixtures: DerivedAPM-3).
    {input: 'HTTPS_PROXY=http://u:p@proxy:3128', output: 'HTTPS_PROXY=http:********@proxy:3128'},
  ],
  keeps: [
    {input: 'image_id:"foobar/foobaz@sha256:e8dabc7d398d25ecc8a3e33e3153e988e79952f8783b81663feb299ca2d0abdd"', why: 'image digests (agent test)'},
    {input: '"simple.metric:44|g|@1.00000"', why: 'DogStatsD sample rates: `|` ends the password part (agent test)'},
  ],
};

export const yamlPasswordReplacer: Replacer = {
  id: 'yamlPasswordReplacer',
  kind: 'line',
  hints: ['pass', 'pwd'],
  source: `${AGENT} — 7.70.2, matchYAMLKeyPart("(pass(word)?|pwd)")`,
  replace: (l) => replaceYamlValue(l, keyContains(['pass', 'pwd'])),
  key: (k) => k.includes('pass') || k.includes('pwd'),
  examples: [
    {input: '   mysql_password:   \'password\'   ', output: `   mysql_password: ${Y}`},
    {input: 'cert_key_password: p@ssw0r', output: `cert_key_password: ${Y}`},
  ],
  keeps: [{input: 'password:', why: '`.+` needs a value'}],
};

export const passwordReplacer: Replacer = {
  id: 'passwordReplacer',
  kind: 'line',
  hints: [],
  source: `${AGENT} — 7.73.1 (#43188): \`pass|password|pswd|pwd\` then \`=\`, \` = \` or \`: \` anywhere in a line`,
  replace: (l) =>
    l.replace(/(["']?(?:pass(?:word)?|pswd|pwd)["']?)((?:=| = |: )["']?)([0-9A-Za-z#!$%&()*+,\-./:<=>?@[\\\]^_{|}~]+)/gi, `$1$2${REDACTED}`),
  examples: [
    {input: 'mysqld --mysql_password=hunter2 --port 3306', output: `mysqld --mysql_password=${REDACTED} --port 3306`},
    {input: '{"Password": "s3cr3t!"}', output: `{"Password": "${REDACTED}"}`},
  ],
  keeps: [{input: 'passport: 12', why: 'the key must be pass/password/pswd/pwd followed by the separator'}],
};

export const tokenReplacer: Replacer = {
  id: 'tokenReplacer',
  kind: 'line',
  hints: ['token', 'jwt'],
  source: `${AGENT} — 7.78 (#48017), matchYAMLKeyEnding("_?(token|jwt)")`,
  replace: (l) => replaceYamlValue(l, keyEnding(['token', 'jwt']), true),
  key: (k) => k.endsWith('token') || k.endsWith('jwt'),
  examples: [{input: 'auth_token: bar', output: `auth_token: ${Y}`}],
  keeps: [
    {input: 'auth_token_file_path: /foo/bar/baz', why: 'the key must END with token (agent TestConfig)'},
    {input: 'kubelet_auth_token_path: /foo/bar/kube_token', why: 'same'},
  ],
};

export const consumerKeyAndTokenIDReplacer: Replacer = {
  id: 'consumerKeyAndTokenIDReplacer',
  kind: 'line',
  hints: ['consumer_key', 'token_id'],
  source: `${AGENT} — 7.70 (#40345), matchYAMLKey("(consumer_key|token_id)")`,
  replace: (l) => replaceYamlValue(l, keyEndsWithAny(['consumer_key', 'token_id'])),
  key: (k) => k === 'consumer_key' || k === 'token_id',
  examples: [{input: 'consumer_key: abc', output: `consumer_key: ${Y}`}],
  keeps: [],
};

export const secretReplacer: Replacer = {
  id: 'secretReplacer',
  kind: 'line',
  hints: ['secret', 'secret_id'],
  source: `${AGENT} — 7.78 (#48017), matchYAMLKeyEnding("_secret(_id)?")`,
  replace: (l) => replaceYamlValue(l, keyEnding(['_secret', '_secret_id']), true),
  key: (k) => k.endsWith('_secret') || k.endsWith('_secret_id'),
  examples: [{input: 'client_secret: abc', output: `client_secret: ${Y}`}],
  keeps: [{input: 'secret_backend_command: /bin/x', why: 'the key must END with _secret'}],
};

export const accessKeyReplacer: Replacer = {
  id: 'accessKeyReplacer',
  kind: 'line',
  hints: ['access_key'],
  source: `${AGENT} — 7.78 (#48017), matchYAMLKeyEnding("access_key")`,
  replace: (l) => replaceYamlValue(l, keyEnding(['access_key']), true),
  key: (k) => k.endsWith('access_key'),
  examples: [{input: 'aws_secret_access_key: wJalrXUtnFEMI/K7MDENG', output: `aws_secret_access_key: ${Y}`}],
  keeps: [],
};

const SNMP_KEYS = [
  'community_string',
  'authKey',
  'authkey',
  'auth_Key',
  'auth_key',
  'privKey',
  'privkey',
  'priv_Key',
  'priv_key',
  'community',
  'authentication_key',
  'privacy_key',
  'Authorization',
  'authorization',
] as const;

export const snmpReplacer: Replacer = {
  id: 'snmpReplacer',
  kind: 'line',
  hints: ['community_string', 'authKey', 'authkey', 'auth_key', 'privKey', 'privkey', 'priv_key', 'community', 'authentication_key', 'privacy_key', 'Authorization', 'authorization'],
  source: `${AGENT} — 7.64 (#33742), matchYAMLKey; also catches \`Authorization: …\` header lines`,
  replace: (l) => replaceYamlValue(l, keyEndsWithAny(SNMP_KEYS)),
  key: (k) => (SNMP_KEYS as readonly string[]).includes(k),
  examples: [
    {input: '   community_string:   \'password\'   ', output: `   community_string: ${Y}`},
    {input: 'Authorization: Basic dXNlcjpwYXNz', output: `Authorization: ${Y}`},
  ],
  keeps: [{input: 'for key Authorization', why: 'no colon after the key'}],
};

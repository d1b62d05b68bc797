// Rules the agent doesn't have, for secrets that show up in application logs and
// environments rather than in the agent's own files. They run after the agent's rules, so
// anything the agent already masked keeps the agent's form (and its 5-character tail).
import {isSecretName, scrubSecretKeyValues} from '../key-value';
import {maskSecretValue, REDACTED, stars} from '../mask';
import type {Replacer} from '../types';

export const secretKeyValue: Replacer = {
  id: 'ours:secretKeyValue',
  kind: 'line',
  hints: [],
  source:
    'ours: `NAME=value` / `Name: value` / `"name": "value"` where the name ends in key, token, secret, password… in any case ' +
    '(DD_API_KEY=, DD-API-KEY:, X-Datadog-Api-Key:, AWS_SECRET_ACCESS_KEY=, ?token=). The agent only knows lower-case forms.',
  replace: scrubSecretKeyValues,
  key: isSecretName,
  value: (v) => (typeof v === 'string' ? maskSecretValue(v) : v === null ? null : REDACTED),
  examples: [
    {input: 'export DD_API_KEY="my-non-hex-api-key"', output: 'export DD_API_KEY="********"'},
    {input: 'DD-API-KEY: abc123', output: 'DD-API-KEY: ********'},
    {input: "headers: {'X-Datadog-Api-Key': 'k1', 'Content-Type': 'application/json'}", output: "headers: {'X-Datadog-Api-Key': '********', 'Content-Type': 'application/json'}"},
    {input: 'GET /v1/intake?token=abc123&x=1', output: 'GET /v1/intake?token=********&x=1'},
    {input: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY', output: 'aws_secret_access_key = ********'},
    {input: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zm9vYmFy==;EndpointSuffix=core.windows.net', output: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=********;EndpointSuffix=core.windows.net'},
  ],
  keeps: [
    {input: `DD_API_KEY=${stars(27)}bcdef`, why: 'already masked by the agent’s 32-hex rule, which keeps the tail'},
    {input: 'DD_API_KEY_FILE=/run/secrets/dd', why: 'a path to a secret is not the secret'},
    {input: 'MONKEY=banana', why: 'only whole words: key, token, secret, password…'},
    {input: 'api_key: |', why: 'YAML block scalar: the value is on the next lines'},
    {input: 'if (token == null) return', why: '`==` is not an assignment'},
  ],
};

export const awsAccessKeyId: Replacer = {
  id: 'ours:awsAccessKeyId',
  kind: 'line',
  hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
  source: 'ours: AWS access key ids (AKIA… long-term, ASIA… temporary; AWS IAM "unique ID prefixes"); last 4 kept as the AWS console shows them',
  replace: (l) => l.replace(/\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12}([A-Z0-9]{4})\b/g, `${stars(16)}$1`),
  examples: [{input: 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE', output: `aws_access_key_id=${stars(16)}MPLE`}],
  keeps: [{input: 'AKIAIOSFODNN7EXAMPLE1', why: '21 characters: not an access key id'}],
};

export const gcpApiKey: Replacer = {
  id: 'ours:gcpApiKey',
  kind: 'line',
  hints: ['AIza'],
  source: 'ours: Google Cloud API keys (`AIza` + 35 characters)',
  replace: (l) => l.replace(/\bAIza[0-9A-Za-z_-]{31}([0-9A-Za-z_-]{4})(?![0-9A-Za-z_-])/g, `${stars(35)}$1`),
  examples: [{input: 'key=AIzaSyD-abcdefghijklmnopqrstuvwxyz01234', output: `key=${stars(35)}1234`}],
  keeps: [],
};

/** A PEM private key on one line: JSON-escaped (`\n`), as in a GCP service-account file. */
function scrubInlinePrivateKeys(line: string): string {
  let out = '';
  let last = 0;
  let from = 0;
  for (;;) {
    const b = line.indexOf('-----BEGIN ', from);
    if (b < 0) break;
    const h = line.indexOf('-----', b + 11);
    if (h < 0) break;
    if (h - b > 60 || !line.startsWith('PRIVATE KEY', h - 11)) {
      from = b + 1;
      continue;
    }
    const e = line.indexOf('-----END ', h + 5);
    if (e < 0) break;
    const f = line.indexOf('-----', e + 9);
    if (f < 0) break;
    out += line.slice(last, b) + REDACTED;
    last = from = f + 5;
  }
  return last === 0 ? line : out + line.slice(last);
}

export const inlinePrivateKey: Replacer = {
  id: 'ours:inlinePrivateKey',
  kind: 'line',
  hints: ['PRIVATE KEY'],
  source: 'ours: escaped one-line PEM private keys (GCP service-account JSON `private_key`); the agent’s certReplacer needs real line breaks',
  replace: scrubInlinePrivateKeys,
  examples: [
    {
      input: '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n",',
      output: '"private_key": "********\\n",',
    },
  ],
  keeps: [{input: '-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----', why: 'certificates are public'}],
};

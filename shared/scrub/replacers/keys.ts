// Datadog API/application keys and bearer tokens: the agent's key replacers, in its order.
// Source: DataDog/datadog-agent pkg/util/scrubber/default.go, the 5-character-suffix releases
// (7.33–7.78; see ../mask.ts for why 5). Star counts are the agent's own.
import {scrubInvalidBearer} from '../bearer';
import {stars} from '../mask';
import type {Replacer} from '../types';

const AGENT = 'DataDog/datadog-agent pkg/util/scrubber/default.go';
const HEX32 = '0123456789abcdef0123456789abcdef';

export const hintedAPIKeyReplacer: Replacer = {
  id: 'hintedAPIKeyReplacer',
  kind: 'line',
  hints: ['api_key', 'apikey'],
  source: `${AGENT} — 7.33 (#9618); lower-case \`api_key=\`/\`apikey=\` + any alphanumeric token`,
  replace: (l) => l.replace(/(api_?key=)\b[a-zA-Z0-9]+([a-zA-Z0-9]{5})\b/g, `$1${stars(27)}$2`),
  examples: [
    {input: 'http://dog.tld/apikey=InvalidLength12345abbbb', output: `http://dog.tld/apikey=${stars(27)}abbbb`},
    {input: 'GET /api/v1/validate?api_key=shortkey99', output: `GET /api/v1/validate?api_key=${stars(27)}key99`},
  ],
  keeps: [{input: 'DD_API_KEY=abc123xyz', why: 'case-sensitive: the upper-case env form is ours:secretKeyValue’s job'}],
};

export const hintedAPPKeyReplacer: Replacer = {
  id: 'hintedAPPKeyReplacer',
  kind: 'line',
  hints: ['app_key', 'appkey', 'application_key'],
  source: `${AGENT} — 7.33 (#9618)`,
  replace: (l) => l.replace(/(ap(?:p|plication)_?key=)\b[a-zA-Z0-9]+([a-zA-Z0-9]{5})\b/g, `$1${stars(35)}$2`),
  examples: [
    {input: 'http://dog.tld/app_key=InvalidLength12345abbbb', output: `http://dog.tld/app_key=${stars(35)}abbbb`},
    {input: 'http://dog.tld/application_key=InvalidLength12345abbbb', output: `http://dog.tld/application_key=${stars(35)}abbbb`},
  ],
  keeps: [{input: 'app_key=abcd', why: 'needs at least 6 characters: 1+ masked and 5 kept'}],
};

export const prefixedAPPKeyReplacer: Replacer = {
  id: 'prefixedAPPKeyReplacer',
  kind: 'line',
  hints: ['ddapp_'],
  source: `${AGENT} — 7.78.5; new-style \`ddapp_\` application keys; the agent keeps 4 here, so do we`,
  replace: (l) => l.replace(/ddapp_[a-zA-Z0-9_]{30}([a-zA-Z0-9_]{4})/g, `${stars(36)}$1`),
  examples: [{input: 'key=ddapp_abcdefghijklmnopqrstuvwxyz0123WXYZ', output: `key=${stars(36)}WXYZ`}],
  keeps: [{input: 'ddapp_short', why: 'too short to be a key'}],
};

export const hintedBearerReplacer: Replacer = {
  id: 'hintedBearerReplacer',
  kind: 'line',
  hints: ['Bearer'],
  source: `${AGENT} — 7.38 (#12338); the agent's 64-hex IPC token keeps 5`,
  replace: (l) => l.replace(/\bBearer [a-fA-F0-9]{59}([a-fA-F0-9]{5})\b/g, `Bearer ${stars(59)}$1`),
  examples: [
    {
      input: 'Bearer 2fe663014abcd1850076f6d68c0355666db98758262870811cace007cd4a62ba',
      output: `Bearer ${stars(59)}a62ba`,
    },
  ],
  keeps: [{input: 'AuthBearer 2fe663014abcd1850076f6d68c0355666db98758262870811cace007cd4a62ba', why: '`\\b` before Bearer (agent test TestBearerToken)'}],
};

export const hintedBearerInvalidReplacer: Replacer = {
  id: 'hintedBearerInvalidReplacer',
  kind: 'line',
  hints: ['Bearer'],
  source: `${AGENT} — 7.53 (#23448): any other bearer token, to the last word character before a '*'`,
  replace: scrubInvalidBearer,
  examples: [
    {input: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc', output: 'Authorization: Bearer ********'},
    {input: "headers: { authorization: 'Bearer sk-live-123' }", output: "headers: { authorization: 'Bearer ********' }"},
  ],
  keeps: [{input: `Bearer ${stars(59)}a62ba`, why: 'already masked: `[^*]` stops at the stars'}],
};

export const apiKeyReplacerYAML: Replacer = {
  id: 'apiKeyReplacerYAML',
  kind: 'line',
  hints: [],
  source: `${AGENT} — 7.39 (#12605): a 32-hex value after - : , [ { is quoted so the YAML stays valid`,
  replace: (l) => l.replace(/([-:,[{])([\t\n\f\r ]+)?\b[a-fA-F0-9]{27}([a-fA-F0-9]{5})\b/g, `$1$2"${stars(27)}$3"`),
  examples: [
    {input: 'api_key: aaaaaaaaaaaaaaaaaaaaaaaaaaaabbbb', output: `api_key: "${stars(27)}abbbb"`},
    // Faithful, not pretty: any 32-hex after '-' is taken for a key, W3C trace ids included.
    {input: 'traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', output: `traceparent: 00-"${stars(27)}0319c"-b7ad6b7169203331-01`},
  ],
  keeps: [{input: "api_key: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaabbbb'", why: 'quoted already: apiKeyReplacer masks inside the quotes'}],
};

export const apiKeyReplacer: Replacer = {
  id: 'apiKeyReplacer',
  kind: 'line',
  hints: [],
  source: `${AGENT} — 7.33 (#9618): any standalone 32-hex token (an API key)`,
  replace: (l) => l.replace(/\b[a-fA-F0-9]{27}([a-fA-F0-9]{5})\b/g, `${stars(27)}$1`),
  examples: [
    {input: 'Error status code 500 : http://dog.tld/api?key=3290abeefc68e1bbe852a25252bad88c', output: `Error status code 500 : http://dog.tld/api?key=${stars(27)}ad88c`},
    {input: `DD_API_KEY=${HEX32}`, output: `DD_API_KEY=${stars(27)}bcdef`},
  ],
  keeps: [{input: 'container_id: "b32bd6f9b73ba7ccb64953a04b82b48e29dfafab65fd57ca01d3b94a0e024885"', why: '64-hex container ids have no boundary at 32'}],
};

export const appKeyReplacerYAML: Replacer = {
  id: 'appKeyReplacerYAML',
  kind: 'line',
  hints: [],
  source: `${AGENT} — 7.39 (#12605)`,
  replace: (l) => l.replace(/([-:,[{])([\t\n\f\r ]+)?\b[a-fA-F0-9]{35}([a-fA-F0-9]{5})\b/g, `$1$2"${stars(35)}$3"`),
  examples: [{input: 'app_key: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABBBB', output: `app_key: "${stars(35)}ABBBB"`}],
  keeps: [],
};

export const appKeyReplacer: Replacer = {
  id: 'appKeyReplacer',
  kind: 'line',
  hints: [],
  source: `${AGENT} — 7.33 (#9618): any standalone 40-hex token (an application key)`,
  replace: (l) => l.replace(/\b[a-fA-F0-9]{35}([a-fA-F0-9]{5})\b/g, `${stars(35)}$1`),
  examples: [{input: 'appKeyReplacer: http://dog.tld/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbb', output: `appKeyReplacer: http://dog.tld/${stars(35)}abbbb`}],
  keeps: [],
};

export const rcAppKeyReplacer: Replacer = {
  id: 'rcAppKeyReplacer',
  kind: 'line',
  hints: [],
  source: `${AGENT} — 7.42 (#14681): remote-configuration keys`,
  replace: (l) => l.replace(/\bDDRCM_[A-Z0-9]+([A-Z0-9]{5})\b/g, `${stars(35)}$1`),
  examples: [{input: 'key: "DDRCM_AAAAAAAAAAAAAAAAAAAAAAAABCDE"', output: `key: "${stars(35)}ABCDE"`}],
  keeps: [],
};

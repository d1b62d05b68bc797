// The agent's MultiLine replacers: they run once on the whole text after the line pass.
// Source: DataDog/datadog-agent pkg/util/scrubber/default.go; linear rewrites in ../multiline.ts.
import {scrubCertificates, scrubCommunityStrings} from '../multiline';
import type {Replacer} from '../types';

const AGENT = 'DataDog/datadog-agent pkg/util/scrubber/default.go';

export const snmpMultilineReplacer: Replacer = {
  id: 'snmpMultilineReplacer',
  kind: 'text',
  hints: ['community_strings'],
  source: `${AGENT} — 7.34 (#10305), matchYAMLKeyWithListValue("(community_strings)")`,
  replace: scrubCommunityStrings,
  examples: [
    {input: "snmp_traps:\n  community_strings: ['password1', 'password2']\nother: 1", output: 'snmp_traps:\n  community_strings: "********"\nother: 1'},
    {input: "community_strings:\n  - 'a'\n  - 'b'\nport: 162", output: 'community_strings: "********"\nport: 162'},
    // Ours differs here on purpose: the agent's regex misses items at column 0.
    {input: "community_strings:\n- 'a'\nport: 162", output: 'community_strings: "********"\nport: 162'},
  ],
  keeps: [
    {input: 'community_strings:\nport: 162', why: 'no list: the agent would eat the line break here; we leave it'},
    {input: 'community_strings: "********"', why: 'already scrubbed'},
  ],
};

export const certReplacer: Replacer = {
  id: 'certReplacer',
  kind: 'text',
  hints: ['BEGIN'],
  source: `${AGENT} — 7.33 (#9618): PEM blocks (keys and certificates)`,
  replace: scrubCertificates,
  examples: [
    {
      input: 'tls_key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIICdQIBADANBgkqhkiG9w0BAQEFAASCAl8w\n  ljG6/hMcoe16W6MPn47Q601ttoFk==\n  -----END RSA PRIVATE KEY-----\nport: 443',
      output: 'tls_key: |\n  ********\nport: 443',
    },
  ],
  keeps: [{input: '-----BEGIN CERTIFICATE-----\nnot: base64\n-----END CERTIFICATE-----', why: 'a body with other characters is not PEM'}],
};

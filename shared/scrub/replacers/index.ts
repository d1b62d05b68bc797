// Every scrubber rule, in the order they run — the agent's order (AddDefaultReplacers in
// DataDog/datadog-agent pkg/util/scrubber/default.go), then ours. Line rules run on each line
// (when a hint occurs), then text rules on the whole text; data rules match keys of
// structured data, first match wins. Adding a rule means adding an entry here with hints,
// source and examples; test/shared/scrub/replacers.test.ts runs them all.
import {
  accessKeyReplacer,
  consumerKeyAndTokenIDReplacer,
  exactKeyReplacer,
  httpHeaderAuthReplacer,
  httpHeaderKeyReplacer,
  httpHeaderSecretReplacer,
  httpHeaderTokenReplacer,
  passwordReplacer,
  privateKeyReplacer,
  secretReplacer,
  snmpReplacer,
  tokenReplacer,
  uriPasswordReplacer,
  yamlPasswordReplacer,
} from './credentials';
import {additionalEndpointsYaml, apiKeyYaml, appKeyYaml} from './data-only';
import {
  apiKeyReplacer,
  apiKeyReplacerYAML,
  appKeyReplacer,
  appKeyReplacerYAML,
  hintedAPIKeyReplacer,
  hintedAPPKeyReplacer,
  hintedBearerInvalidReplacer,
  hintedBearerReplacer,
  prefixedAPPKeyReplacer,
  rcAppKeyReplacer,
} from './keys';
import {certReplacer, snmpMultilineReplacer} from './multiline';
import {awsAccessKeyId, gcpApiKey, inlinePrivateKey, secretKeyValue} from './ours';
import type {Replacer} from '../types';

export const replacers: readonly Replacer[] = [
  hintedAPIKeyReplacer,
  hintedAPPKeyReplacer,
  prefixedAPPKeyReplacer,
  hintedBearerReplacer,
  hintedBearerInvalidReplacer,
  httpHeaderKeyReplacer,
  httpHeaderTokenReplacer,
  httpHeaderAuthReplacer,
  httpHeaderSecretReplacer,
  exactKeyReplacer,
  privateKeyReplacer,
  apiKeyReplacerYAML,
  apiKeyReplacer,
  appKeyReplacerYAML,
  appKeyReplacer,
  rcAppKeyReplacer,
  uriPasswordReplacer,
  yamlPasswordReplacer,
  passwordReplacer,
  tokenReplacer,
  consumerKeyAndTokenIDReplacer,
  secretReplacer,
  accessKeyReplacer,
  snmpReplacer,
  apiKeyYaml,
  appKeyYaml,
  additionalEndpointsYaml,
  secretKeyValue,
  awsAccessKeyId,
  gcpApiKey,
  inlinePrivateKey,
  snmpMultilineReplacer,
  certReplacer,
];

// No planted secret leaves in any bundle format; where the agent's scrubber keeps a key's last
// characters, they are there, so support can still tell which key it is.
import {describe, expect, it} from 'vitest';
import {buildBundle, renderBundleJson, renderBundleMarkdown} from '../../../shared/bundle/index';
import type {SupportBundle} from '../../../shared/bundle/index';
import {plantedInput, SECRETS} from './planted';

const bundle = buildBundle(plantedInput());
const outputs = {
  'markdown (en)': renderBundleMarkdown(bundle, 'en'),
  'markdown (ko)': renderBundleMarkdown(bundle, 'ko'),
  json: renderBundleJson(bundle),
};
const formats = Object.entries(outputs);
const secrets = Object.entries(SECRETS);
const kept = secrets.filter(([, s]) => s.kept !== null);

describe('planted secrets never leave in a bundle', () => {
  it.each(formats.flatMap(([format, text]) => secrets.map(([name, s]) => [format, name, text, s.value] as const)))('%s: %s is absent', (_f, _n, text, value) => {
    expect(text).not.toContain(value);
  });

  it.each(formats.flatMap(([format, text]) => kept.map(([name, s]) => [format, name, text, s.kept ?? ''] as const)))('%s: %s keeps its tail like the agent', (_f, _n, text, tail) => {
    expect(text).toContain(tail);
  });

  it('the JSON is valid and says how it was scrubbed', () => {
    const parsed = JSON.parse(outputs.json) as {redaction: string; configuration: {app: {variables: Record<string, string>}}};
    expect(parsed.redaction).toMatch(/last 5 characters/);
    expect(parsed.configuration.app.variables['DD_API_KEY']).toBe(SECRETS.ddApiKey.kept);
    expect(parsed.configuration.app.variables['DD_APPLICATION_KEY']).toBe('********');
    expect(parsed.configuration.app.variables['DD_AGENT_HOST']).toBe('10.0.0.7');
  });
});

// The final pass over the rendered text catches what the builder did not scrub: here fields
// are filled with raw secrets after the build, as a careless future field would be.
describe('the whole rendered output is scrubbed again', () => {
  const raw = `http://u:ForgottenPass@host:1`;
  const forgotten: SupportBundle = {
    ...bundle,
    origin: raw,
    problems: [`token=ForgottenTok1 api_key=${SECRETS.urlApiKey.value}`],
    flare: {...bundle.flare, steps: [{title: {key: 'bundle_flare_host'}, commands: [`DD_API_KEY=${SECRETS.ddApiKey.value} sudo datadog-agent flare 1`], note: null}]},
  };
  const rendered = {md: renderBundleMarkdown(forgotten, 'en'), json: renderBundleJson(forgotten)};
  it.each(Object.entries(rendered))('%s', (_format, text) => {
    for (const s of ['ForgottenPass', 'ForgottenTok1', SECRETS.urlApiKey.value, SECRETS.ddApiKey.value]) expect(text).not.toContain(s);
    expect(text).toContain(SECRETS.ddApiKey.kept);
  });

  it('keeps the JSON parseable when the second pass would break it, the first having scrubbed every string', () => {
    // `password: x` inside a string: the YAML rule would eat the closing quote of the line.
    const b: SupportBundle = {...bundle, problems: ['db password: hunter2 was rejected']};
    const json = renderBundleJson(b);
    expect(json).not.toContain('hunter2');
    expect(() => JSON.parse(json) as unknown).not.toThrow();
  });
});

// The support bundle for the extension: the page's findings and the results the popup already
// has (probe, agent status), plus this machine's environment snapshot when the request carries
// none. Built and scrubbed by shared/bundle, exactly as `apm-doctor bundle` does in a terminal.
import {buildBundle, bundleInputFromRequest, renderBundleJson, renderBundleMarkdown} from '../../shared/bundle/index';
import type {JsonObject} from '../../shared/protocol';
import {snapshotEnv} from '../env/snapshot';
import type {Handler} from './types';

export const bundle: Handler<'bundle'> = {
  kind: 'job',
  beforePairing: false,
  deadlineMs: (_req, limits) => limits.bundleTimeoutMs,
  async run(req, {signal}) {
    const input = bundleInputFromRequest(req, new Date().toISOString());
    if (!input.envSnapshot) {
      try {
        input.envSnapshot = await snapshotEnv({kind: 'local'}, {signal});
      } catch {
        // A bundle without the snapshot is still worth sending; the bundle says what's missing.
        input.problems = [...(input.problems ?? []), 'environment snapshot unavailable'];
      }
    }
    const b = buildBundle(input);
    return {type: 'bundle-result', markdown: renderBundleMarkdown(b, 'en'), json: JSON.parse(renderBundleJson(b)) as JsonObject};
  },
};

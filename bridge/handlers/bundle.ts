import type {Handler} from './types';

/** Reserved in the protocol; the builder (shared/bundle/) is a later piece. */
export const bundle: Handler<'bundle'> = {
  kind: 'job',
  beforePairing: false,
  deadlineMs: (_req, limits) => limits.bundleTimeoutMs,
  async run() {
    return {type: 'error', code: 'unsupported', message: 'this bridge does not build support bundles yet'};
  },
};

import {snapshotEnv} from '../env/snapshot';
import type {Handler} from './types';

export const env: Handler<'env'> = {
  kind: 'job',
  beforePairing: false,
  deadlineMs: (_req, limits) => limits.envTimeoutMs,
  async run(req, {signal}) {
    return {type: 'env-result', result: await snapshotEnv(req.vantage, {signal})};
  },
};

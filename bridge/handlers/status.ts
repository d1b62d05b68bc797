import {collectStatus} from '../status/index';
import type {Handler} from './types';

export const status: Handler<'status'> = {
  kind: 'job',
  beforePairing: false,
  deadlineMs: (_req, limits) => limits.statusTimeoutMs,
  async run(req, {signal}) {
    return {type: 'status-result', result: await collectStatus(req.vantage, {signal})};
  },
};

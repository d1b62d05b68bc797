import {runProbe} from '../probe/index';
import {clampProbeOptions} from '../limits';
import type {Handler} from './types';

export const probe: Handler<'probe'> = {
  kind: 'job',
  beforePairing: false,
  deadlineMs: (req, limits) => (clampProbeOptions(req.options, limits).timeoutMs ?? limits.probeTimeoutMs.max) + limits.probeGraceMs,
  async run(req, {signal, progress, services}) {
    const options = clampProbeOptions(req.options, services.limits);
    const result = await runProbe(req.target, req.vantage, options, {
      signal,
      onStep: (step) => progress({type: 'probe-step', step}),
      env: {...services.env},
    });
    return {type: 'probe-result', result};
  },
};

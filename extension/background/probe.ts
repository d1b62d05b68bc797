// "Probe now" from a popover ends here. The background is the only part that may talk to the
// bridge (STYLE §7); until the bridge connection lands (popup/options issue) the answer is
// "bridge not connected". The bridge engineer replaces `probeTarget` with the real call.
import type {Target} from '../../shared/engine/types';
import type {ProbeOutcome} from '../messages';

export type ProbeFn = (target: Target) => Promise<ProbeOutcome>;

let probeImpl: ProbeFn = () => Promise.resolve({ok: false, code: 'bridge-not-connected'});

/** Installs the real probe (the bridge client) once it exists. */
export function setProbe(fn: ProbeFn): void {
  probeImpl = fn;
}

export function probeTarget(target: Target): Promise<ProbeOutcome> {
  if (!target.url && !target.host && !target.socket) return Promise.resolve({ok: false, code: 'bad-target'});
  return probeImpl(target);
}

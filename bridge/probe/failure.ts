// Why a probe or status collection could not run at all (as opposed to a probe that ran and
// found the agent unreachable, which is a ProbeResult with a verdict).
import type {Msg} from '../../shared/engine/types';

export type ProbeFailureCode =
  | 'bad-target'
  | 'bad-vantage'
  | 'bad-options'
  | 'runner-missing'
  | 'runner-unreachable'
  | 'permission-denied'
  | 'target-not-found'
  | 'no-tool'
  | 'timeout'
  | 'aborted';

export class ProbeFailure extends Error {
  constructor(
    readonly code: ProbeFailureCode,
    readonly msg: Msg,
    /** The raw text behind it (a CLI's stderr line), bounded. */
    readonly detail = '',
  ) {
    super(`${code}: ${msg.key}${detail ? ` (${detail})` : ''}`);
    this.name = 'ProbeFailure';
  }

  /** Bad input: the caller should fix the request (CLI exit 2, bridge error reply). */
  get isBadInput(): boolean {
    return this.code === 'bad-target' || this.code === 'bad-vantage' || this.code === 'bad-options';
  }
}

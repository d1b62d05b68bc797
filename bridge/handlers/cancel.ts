import type {Handler} from './types';

/** The job itself answers `error`/`cancelled` at once; this answers the cancel request. */
export const cancel: Handler<'cancel'> = {
  kind: 'control',
  beforePairing: false,
  async run(req, {session}) {
    return session.cancel(req.jobId)
      ? {type: 'cancelled', jobId: req.jobId}
      : {type: 'error', code: 'unknown-job', message: `no running job with id ${req.jobId} on this connection`};
  },
};

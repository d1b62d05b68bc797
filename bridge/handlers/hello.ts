import {PROTOCOL_VERSION} from '../../shared/protocol';
import {CAPABILITIES} from './capabilities';
import type {Handler} from './types';

/** Resumes with a stored token. A token works only from the origin that paired it. */
export const hello: Handler<'hello'> = {
  kind: 'control',
  beforePairing: true,
  async run(req, {session, services}) {
    if (!(await services.tokens.verify(req.token, session.origin))) {
      session.paired = false;
      return {type: 'error', code: 'not-paired', message: 'unknown or revoked token; pair again with a new code'};
    }
    session.paired = true;
    services.onPaired(session.origin, 'hello');
    return {type: 'ready', bridgeVersion: services.bridgeVersion, protocolVersion: PROTOCOL_VERSION, capabilities: [...CAPABILITIES]};
  },
};

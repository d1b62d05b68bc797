import type {Handler} from './types';

/** Trades the terminal's one-time code for a token bound to this connection's origin. */
export const pair: Handler<'pair'> = {
  kind: 'control',
  beforePairing: true,
  async run(req, {session, services}) {
    const check = services.pairing.check(req.code);
    if (!check.ok) {
      return check.reason === 'wrong'
        ? {type: 'error', code: 'bad-pairing-code', message: `wrong pairing code; ${check.attemptsLeft} tries left`, attemptsLeft: check.attemptsLeft}
        : {type: 'error', code: 'pairing-closed', message: `no pairing code is open (${check.why}); get a new one in the bridge's terminal`};
    }
    const token = await services.tokens.add(session.origin);
    session.paired = true;
    services.onPaired(session.origin, 'pair');
    return {type: 'paired', token};
  },
};

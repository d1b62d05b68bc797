// The contract between the connection (which validates, paces and tracks) and the handlers
// (which do one request type each). Handlers see validated requests only.
import type {BridgeRequestType, ErrorResponse, RequestOf, ResponseBody} from '../../shared/protocol';
import type {BridgeLimits} from '../limits';
import type {PairingCode} from '../pairing';
import type {TokenStore} from '../tokens';

/** An error reply without its envelope. */
export type ErrorBody = Omit<ErrorResponse, 'v' | 'id'>;

/** The connection as a handler sees it. */
export interface Session {
  /** The extension origin this connection was accepted from (checked at the handshake). */
  readonly origin: string;
  /** Set by pair/hello; until then only handlers with `beforePairing` run. */
  paired: boolean;
  /** Stops a running job of this connection; false when there is none with that id. */
  cancel(jobId: string): boolean;
}

/** What the bridge offers every handler. */
export interface Services {
  readonly limits: BridgeLimits;
  readonly pairing: PairingCode;
  readonly tokens: TokenStore;
  /** The bridge process's environment (the probe reads DD_AGENT_HOST… from it). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly bridgeVersion: string;
  /** Called after a successful pair or hello, for the terminal log and tests. */
  onPaired(origin: string, how: 'pair' | 'hello'): void;
}

export interface HandlerContext {
  /** Aborted on cancel, deadline, disconnect or shutdown. */
  readonly signal: AbortSignal;
  /** Sends a progress event with this request's id (ignored once the request is answered). */
  progress(body: ResponseBody): void;
  readonly session: Session;
  readonly services: Services;
}

export interface Handler<T extends BridgeRequestType> {
  /**
   * `control` answers at once. `job` counts against the job limits, has a deadline, can be
   * cancelled, and may stream progress.
   */
  kind: 'control' | 'job';
  /** May run on a connection that has not paired yet (pair, hello). */
  beforePairing: boolean;
  /** For jobs: ms until the bridge aborts the job as `timeout`. */
  deadlineMs?(req: RequestOf<T>, limits: BridgeLimits): number;
  run(req: RequestOf<T>, ctx: HandlerContext): Promise<ResponseBody | ErrorBody>;
}

/** One handler per request type: leaving one out is a compile error. */
export type Handlers = {[T in BridgeRequestType]: Handler<T>};

// One accepted WebSocket: every message goes size → JSON → version → schema → rate → paired?
// → handler, and each refusal is an error reply on a connection that lives on. Jobs (probe,
// status, env, bundle) run concurrently within the limits, each with its own AbortController
// that cancel, its deadline, a disconnect or shutdown trip.
import type {RawData, WebSocket} from 'ws';
import {
  bridgeError,
  bridgeResponse,
  decodeBridgeRequest,
  ProtocolError,
  type BridgeErrorCode,
  type BridgeRequest,
  type BridgeResponse,
  type RequestOf,
  type ResponseBody,
} from '../shared/protocol';
import type {ErrorBody, Handler, HandlerContext, Handlers, Services, Session} from './handlers/types';
import {RateBucket} from './rate';

/** Why a job's signal was aborted. */
export class JobStop {
  constructor(readonly why: 'cancelled' | 'timeout' | 'closed' | 'shutdown') {}
}

interface Job {
  readonly type: BridgeRequest['type'];
  readonly controller: AbortController;
  answered: boolean;
}

/** What a connection needs from the server around it. */
export interface ConnectionHost {
  readonly services: Services;
  readonly handlers: Handlers;
  readonly now: () => number;
  /** Jobs running across the bridge (for `maxJobsTotal`). */
  jobsRunning(): number;
  jobStarted(id: string, type: BridgeRequest['type']): void;
  jobEnded(id: string, type: BridgeRequest['type'], outcome: 'ok' | BridgeErrorCode): void;
  errorSent(code: BridgeErrorCode): void;
}

export class Connection implements Session {
  private isPaired = false;
  private readonly jobs = new Map<string, Job>();
  private readonly unpairedTimer: NodeJS.Timeout;
  private readonly bucket: RateBucket;

  constructor(
    private readonly ws: WebSocket,
    readonly origin: string,
    private readonly host: ConnectionHost,
  ) {
    const {limits} = host.services;
    this.bucket = new RateBucket(limits.ratePerSecond, limits.rateBurst, limits.maxThrottledInARow, host.now);
    this.unpairedTimer = setTimeout(() => ws.close(1008, 'not paired in time'), limits.unpairedTimeoutMs);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => {
      clearTimeout(this.unpairedTimer);
      this.stopAll('closed');
    });
    // ws closes the socket itself after a protocol error (1002, 1007, 1009); nothing to add.
    ws.on('error', () => undefined);
  }

  get paired(): boolean {
    return this.isPaired;
  }

  set paired(value: boolean) {
    this.isPaired = value;
    if (value) clearTimeout(this.unpairedTimer);
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.answered) return false;
    job.controller.abort(new JobStop('cancelled'));
    return true;
  }

  /** Cancels every job, then closes with 1001; a client that doesn't answer the close is cut after 1 s. */
  shutdown(): void {
    this.stopAll('shutdown');
    this.ws.close(1001, 'bridge stopping');
    const cut = setTimeout(() => this.ws.terminate(), 1000);
    cut.unref();
    this.ws.once('close', () => clearTimeout(cut));
  }

  /** Aborts every job (disconnect or shutdown). */
  stopAll(why: 'closed' | 'shutdown'): void {
    for (const job of this.jobs.values()) job.controller.abort(new JobStop(why));
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    // Frames can still arrive while our close is in flight; they start nothing.
    if (this.ws.readyState !== this.ws.OPEN) return;
    // Counted at arrival, so malformed floods are paced too; answered after parsing, so the
    // reply can carry the request's id.
    const pace = this.bucket.take();
    if (pace === 'abusive') {
      this.ws.close(1008, 'rate limit ignored');
      return;
    }
    const bytes = toBuffer(data);
    const {limits} = this.host.services;
    if (bytes.length > limits.maxMessageBytes) {
      this.sendError(null, 'too-large', `messages are at most ${limits.maxMessageBytes} bytes; this one had ${bytes.length}`);
      return;
    }
    if (isBinary) {
      this.sendError(null, 'malformed', 'send JSON in text frames');
      return;
    }
    const req = decodeBridgeRequest(bytes.toString('utf8'));
    if (req instanceof ProtocolError) {
      this.send(req.toResponse());
      return;
    }
    if (pace === 'limited') {
      this.sendError(req.id, 'rate-limited', `at most ${limits.ratePerSecond} messages per second (bursts of ${limits.rateBurst})`);
      return;
    }
    this.dispatch(req);
  }

  private dispatch<T extends BridgeRequest['type']>(req: RequestOf<T>): void {
    const handler = this.host.handlers[req.type as T] as Handler<T>;
    if (!this.paired && !handler.beforePairing) {
      this.sendError(req.id, 'not-paired', 'pair (or hello with a token) first');
      return;
    }
    if (handler.kind === 'job') this.startJob(req, handler);
    else this.runControl(req, handler);
  }

  private runControl<T extends BridgeRequest['type']>(req: RequestOf<T>, handler: Handler<T>): void {
    const ctx: HandlerContext = {
      signal: new AbortController().signal,
      progress: () => undefined,
      session: this,
      services: this.host.services,
    };
    handler.run(req, ctx).then(
      (body) => this.answer(req.id, body),
      (e: unknown) => this.sendError(req.id, 'failed', errorText(e)),
    );
  }

  private startJob<T extends BridgeRequest['type']>(req: RequestOf<T>, handler: Handler<T>): void {
    const {limits} = this.host.services;
    if (this.jobs.has(req.id)) {
      this.sendError(req.id, 'duplicate-id', 'a job with this id is still running');
      return;
    }
    if (this.jobs.size >= limits.maxJobsPerConnection) {
      this.sendError(req.id, 'busy', `at most ${limits.maxJobsPerConnection} jobs at once per connection`);
      return;
    }
    if (this.host.jobsRunning() >= limits.maxJobsTotal) {
      this.sendError(req.id, 'busy', `at most ${limits.maxJobsTotal} jobs at once on this bridge`);
      return;
    }

    const controller = new AbortController();
    const job: Job = {type: req.type, controller, answered: false};
    this.jobs.set(req.id, job);
    this.host.jobStarted(req.id, req.type);
    let outcome: 'ok' | BridgeErrorCode = 'ok';
    const finish = (body: ResponseBody | ErrorBody): void => {
      if (job.answered) return;
      job.answered = true;
      if (body.type === 'error') outcome = body.code;
      this.answer(req.id, body);
    };

    // Cancel and timeout answer at once; the handler's late result, if any, is dropped.
    const onAbort = (): void => {
      const reason: unknown = controller.signal.reason;
      const why = reason instanceof JobStop ? reason.why : 'cancelled';
      if (why === 'timeout') finish({type: 'error', code: 'timeout', message: 'the job ran past its deadline'});
      else if (why === 'closed') {
        // Nobody left to answer.
        job.answered = true;
        outcome = 'cancelled';
      }
      else finish({type: 'error', code: 'cancelled', message: why === 'shutdown' ? 'the bridge is stopping' : 'cancelled'});
    };
    controller.signal.addEventListener('abort', onAbort, {once: true});
    const deadline = setTimeout(() => controller.abort(new JobStop('timeout')), handler.deadlineMs?.(req, limits) ?? limits.statusTimeoutMs);

    const ctx: HandlerContext = {
      signal: controller.signal,
      progress: (body) => {
        if (!job.answered) this.send(bridgeResponse(req.id, body));
      },
      session: this,
      services: this.host.services,
    };
    let running: Promise<ResponseBody | ErrorBody>;
    try {
      running = handler.run(req, ctx);
    } catch (e) {
      running = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    running
      .then(finish, (e: unknown) => finish({type: 'error', code: 'failed', message: errorText(e)}))
      .finally(() => {
        clearTimeout(deadline);
        controller.signal.removeEventListener('abort', onAbort);
        // The slot is held until the handler has really stopped, not just until it was answered.
        this.jobs.delete(req.id);
        this.host.jobEnded(req.id, req.type, outcome);
      })
      .catch(() => undefined);
  }

  private answer(id: string, body: ResponseBody | ErrorBody): void {
    if (body.type === 'error') {
      this.sendError(id, body.code, body.message, {
        ...(body.field === undefined ? {} : {field: body.field}),
        ...(body.attemptsLeft === undefined ? {} : {attemptsLeft: body.attemptsLeft}),
      });
    } else {
      this.send(bridgeResponse(id, body));
    }
  }

  private sendError(id: string | null, code: BridgeErrorCode, message: string, extra?: {field?: string; attemptsLeft?: number}): void {
    this.send(bridgeError(id, code, message, extra));
  }

  private send(msg: BridgeResponse): void {
    if (msg.type === 'error') this.host.errorSent(msg.code);
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(msg));
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

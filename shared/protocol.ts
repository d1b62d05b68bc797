// The bridge protocol: one versioned union per direction, correlated by `id`, validated by
// hand at both ends (the bridge parses requests, the extension parses responses). Every
// payload field has a name; nothing is positional, nothing is `any`. Examples per type and
// the limits are in shared/PROTOCOL.md.
//
// Parsers build fresh objects from known fields only and refuse unknown ones, so a typo
// (`timeoutMS`) is an `invalid-field` error instead of a silently ignored option.
import {ENVS, type Env, type Msg} from './engine/types';
import type {EnvSnapshot} from './env/types';
import type {StatusResult} from './agent/status-types';
import {validateVantage, type ProbeOptions, type ProbeResult, type ProbeStep, type Vantage} from './probe/types';

export const PROTOCOL_VERSION = 1;

/**
 * The bridge's default TCP port. No Datadog component listens on it (the Agent uses 8125
 * DogStatsD, 8126 APM, 5000–5012 IPC/expvar/debug, 5555, 6062/6162 process-agent, 4317/4318
 * OTLP, 8127), and it sits below the ephemeral ranges (Linux 32768–60999, Windows
 * 49152–65535), so the OS won't hand it to an outgoing connection.
 */
export const DEFAULT_BRIDGE_PORT = 17626;

/** Request ids and job ids: what a client can put in `id` and `cancel.jobId`. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
/** A pairing code as typed by a person: letters, digits, spaces and dashes (normalised by the bridge). */
export const PAIRING_CODE_INPUT = /^[A-Za-z0-9 -]{1,32}$/;
/** A token: 32 random bytes, base64url without padding. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Longest probe target accepted (a URL, `host:port` or `unix://` path), in characters. */
export const MAX_TARGET_CHARS = 2048;
/** Most findings a `bundle` request may carry. */
export const MAX_BUNDLE_FINDINGS = 1000;

export const BRIDGE_ERROR_CODES = [
  // Refusals before the WebSocket upgrade (HTTP status + this code in `X-Apm-Doctor-Error`).
  'bad-method',
  'bad-host',
  'bad-origin',
  // Pairing.
  'not-paired',
  'bad-pairing-code',
  'pairing-closed',
  // One message.
  'malformed',
  'too-large',
  'unsupported-version',
  'unknown-type',
  'invalid-field',
  'duplicate-id',
  'unknown-job',
  // Limits.
  'busy',
  'rate-limited',
  // Jobs.
  'timeout',
  'cancelled',
  'failed',
  'unsupported',
] as const;
/** Stable error codes; show them through `bridgeErrorMsg`, never by matching `message`. */
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

/** `bad-origin` → `bridge_err_bad_origin` (i18n keys allow no dashes). */
export function bridgeErrorKey(code: BridgeErrorCode): string {
  return `bridge_err_${code.replace(/-/g, '_')}`;
}

// ---------------------------------------------------------------------------------------------
// Requests: extension → bridge

export const REQUEST_TYPES = ['pair', 'hello', 'probe', 'status', 'env', 'bundle', 'cancel'] as const;
export type BridgeRequestType = (typeof REQUEST_TYPES)[number];

interface Envelope {
  v: typeof PROTOCOL_VERSION;
  /** Chosen by the client, echoed by every reply to this request (and its progress events). */
  id: string;
}

/** Proves the one-time code the bridge printed in its terminal. Answer: `paired`. */
export interface PairRequest extends Envelope {
  type: 'pair';
  code: string;
}
/** Resumes with a token from an earlier `paired`. Answer: `ready`. */
export interface HelloRequest extends Envelope {
  type: 'hello';
  token: string;
}
/** `GET /info` of the agent. Answers: `probe-step`…, then `probe-result`. */
export interface ProbeRequest extends Envelope {
  type: 'probe';
  /** URL, `host:port` or `unix:///path`; null or absent: what the tracer would use (DD_TRACE_AGENT_URL, DD_AGENT_HOST…, then localhost:8126). */
  target: string | null;
  vantage: Vantage;
  /** Timeouts are clamped by the bridge (see PROTOCOL.md, limits). */
  options: ProbeOptions;
}
/** `agent status`, parsed. Answer: `status-result`. */
export interface StatusRequest extends Envelope {
  type: 'status';
  vantage: Vantage;
}
/** DD_* and proxy variables, container/Kubernetes detection. Answer: `env-result`. */
export interface EnvRequest extends Envelope {
  type: 'env';
  vantage: Vantage;
}
/** The support bundle from the page's findings and the popup's results (+ the machine's env snapshot when `snapshot` is null). Answer: `bundle-result` (Markdown in English + JSON, scrubbed). */
export interface BundleRequest extends Envelope {
  type: 'bundle';
  findings: JsonObject[];
  env: Env | null;
  probe: JsonObject | null;
  status: JsonObject | null;
  snapshot: JsonObject | null;
}
/** Stops the running job whose request had `id === jobId`. Answer: `cancelled`; the job answers `error`/`cancelled`. */
export interface CancelRequest extends Envelope {
  type: 'cancel';
  jobId: string;
}

export type BridgeRequest = PairRequest | HelloRequest | ProbeRequest | StatusRequest | EnvRequest | BundleRequest | CancelRequest;
export type RequestOf<T extends BridgeRequestType> = Extract<BridgeRequest, {type: T}>;

// ---------------------------------------------------------------------------------------------
// Responses: bridge → extension

export interface PairedResponse extends Envelope {
  type: 'paired';
  /** Keep it (extension storage) and send it in `hello` next time. */
  token: string;
}
export interface ReadyResponse extends Envelope {
  type: 'ready';
  bridgeVersion: string;
  protocolVersion: typeof PROTOCOL_VERSION;
  /** Request types this bridge serves (beyond pair/hello). */
  capabilities: BridgeRequestType[];
}
export interface ProbeStepEvent extends Envelope {
  type: 'probe-step';
  step: ProbeStep;
}
export interface ProbeResultResponse extends Envelope {
  type: 'probe-result';
  result: ProbeResult;
}
export interface StatusResultResponse extends Envelope {
  type: 'status-result';
  result: StatusResult;
}
export interface EnvResultResponse extends Envelope {
  type: 'env-result';
  result: EnvSnapshot;
}
export interface BundleResultResponse extends Envelope {
  type: 'bundle-result';
  markdown: string;
  json: JsonObject;
}
export interface CancelledResponse extends Envelope {
  type: 'cancelled';
  jobId: string;
}
export interface ErrorResponse {
  v: typeof PROTOCOL_VERSION;
  /** The request's id; null when the message had no readable id (not JSON, not an object…). */
  id: string | null;
  type: 'error';
  code: BridgeErrorCode;
  /** English detail for logs and developers. Users see `bridgeErrorMsg(…)`. */
  message: string;
  /** For `invalid-field`: the path of the field, e.g. `vantage.container`. */
  field?: string;
  /** For `bad-pairing-code`: tries left before the code is locked. */
  attemptsLeft?: number;
}

export type BridgeResponse =
  | PairedResponse
  | ReadyResponse
  | ProbeStepEvent
  | ProbeResultResponse
  | StatusResultResponse
  | EnvResultResponse
  | BundleResultResponse
  | CancelledResponse
  | ErrorResponse;
export type BridgeResponseType = BridgeResponse['type'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A response without its envelope: what a handler returns and the server stamps with `v` and `id`. */
export type ResponseBody = DistributiveOmit<Exclude<BridgeResponse, ErrorResponse>, 'v' | 'id'>;
export type RequestBody = DistributiveOmit<BridgeRequest, 'v' | 'id'>;

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

// ---------------------------------------------------------------------------------------------
// Builders

export function bridgeRequest<B extends RequestBody>(id: string, body: B): B & Envelope {
  return {v: PROTOCOL_VERSION, id, ...body};
}

export function bridgeResponse<B extends ResponseBody>(id: string, body: B): B & Envelope {
  return {v: PROTOCOL_VERSION, id, ...body};
}

export function bridgeError(
  id: string | null,
  code: BridgeErrorCode,
  message: string,
  extra: {field?: string; attemptsLeft?: number} = {},
): ErrorResponse {
  const error: ErrorResponse = {v: PROTOCOL_VERSION, id, type: 'error', code, message};
  if (extra.field !== undefined) error.field = extra.field;
  if (extra.attemptsLeft !== undefined) error.attemptsLeft = extra.attemptsLeft;
  return error;
}

/** What to show a user for an error reply (renders through the i18n tables). */
export function bridgeErrorMsg(error: Pick<ErrorResponse, 'code' | 'field' | 'attemptsLeft'>): Msg {
  return {
    key: bridgeErrorKey(error.code),
    subs: {field: error.field ?? '?', attemptsLeft: String(error.attemptsLeft ?? 0)},
  };
}

// ---------------------------------------------------------------------------------------------
// Parsers

/** Why a message was refused. Not thrown: returned, so a caller can't forget the error case. */
export class ProtocolError {
  constructor(
    readonly code: BridgeErrorCode,
    readonly message: string,
    /** The message's id when it had a readable one, so the error reply can be correlated. */
    readonly id: string | null,
    readonly field?: string,
  ) {}

  toResponse(): ErrorResponse {
    return bridgeError(this.id, this.code, this.message, this.field === undefined ? {} : {field: this.field});
  }
}

/** JSON text → request. The bridge checks size before calling this. */
export function decodeBridgeRequest(text: string): BridgeRequest | ProtocolError {
  const raw = parseJson(text);
  return raw instanceof ProtocolError ? raw : parseBridgeRequest(raw);
}

/** JSON text → response. */
export function decodeBridgeResponse(text: string): BridgeResponse | ProtocolError {
  const raw = parseJson(text);
  return raw instanceof ProtocolError ? raw : parseBridgeResponse(raw);
}

export function parseBridgeRequest(raw: unknown): BridgeRequest | ProtocolError {
  return parseEnvelope(raw, REQUEST_TYPES, false, (type, o, maybeId) => {
    const id = required(maybeId);
    switch (type) {
      case 'pair':
        o.only('code');
        return {v: 1, id, type, code: o.string('code', PAIRING_CODE_INPUT)};
      case 'hello':
        o.only('token');
        return {v: 1, id, type, token: o.string('token', TOKEN_PATTERN)};
      case 'probe':
        o.only('target', 'vantage', 'options');
        return {v: 1, id, type, target: o.optionalTarget('target'), vantage: o.vantage('vantage'), options: o.probeOptions('options')};
      case 'status':
        o.only('vantage');
        return {v: 1, id, type, vantage: o.vantage('vantage')};
      case 'env':
        o.only('vantage');
        return {v: 1, id, type, vantage: o.vantage('vantage')};
      case 'bundle':
        o.only('findings', 'env', 'probe', 'status', 'snapshot');
        return {
          v: 1,
          id,
          type,
          findings: o.objectArray('findings', MAX_BUNDLE_FINDINGS),
          env: o.optionalEnv('env'),
          probe: o.optionalObject('probe'),
          status: o.optionalObject('status'),
          snapshot: o.optionalObject('snapshot'),
        };
      case 'cancel':
        o.only('jobId');
        return {v: 1, id, type, jobId: o.string('jobId', ID_PATTERN)};
    }
  });
}

const RESPONSE_TYPES = [
  'paired',
  'ready',
  'probe-step',
  'probe-result',
  'status-result',
  'env-result',
  'bundle-result',
  'cancelled',
  'error',
] as const satisfies readonly BridgeResponseType[];

export function parseBridgeResponse(raw: unknown): BridgeResponse | ProtocolError {
  return parseEnvelope(raw, RESPONSE_TYPES, true, (type, o, maybeId): BridgeResponse => {
    if (type === 'error') {
      o.only('code', 'message', 'field', 'attemptsLeft');
      const error = bridgeError(maybeId, o.oneOf('code', BRIDGE_ERROR_CODES), o.string('message', /^[^]{0,4096}$/));
      const field = o.optionalString('field', /^[A-Za-z0-9_.[\]-]{1,128}$/);
      if (field !== null) error.field = field;
      const attemptsLeft = o.optionalInt('attemptsLeft', 0, 1000);
      if (attemptsLeft !== null) error.attemptsLeft = attemptsLeft;
      return error;
    }
    // Every other response answers a request, so it carries that request's (valid) id.
    const id = required(maybeId);
    switch (type) {
      case 'paired':
        o.only('token');
        return {v: 1, id, type, token: o.string('token', TOKEN_PATTERN)};
      case 'ready': {
        o.only('bridgeVersion', 'protocolVersion', 'capabilities');
        const protocolVersion = o.int('protocolVersion', PROTOCOL_VERSION, PROTOCOL_VERSION) as typeof PROTOCOL_VERSION;
        return {v: 1, id, type, bridgeVersion: o.string('bridgeVersion', /^[0-9A-Za-z.+-]{1,64}$/), protocolVersion, capabilities: o.capabilities('capabilities')};
      }
      // The payloads below are PROBE's types (shared/probe, shared/agent, shared/env); here we
      // check they are objects and leave their inner shape to the code that renders them.
      case 'probe-step':
        o.only('step');
        return {v: 1, id, type, step: o.object('step') as unknown as ProbeStep};
      case 'probe-result':
        o.only('result');
        return {v: 1, id, type, result: o.object('result') as unknown as ProbeResult};
      case 'status-result':
        o.only('result');
        return {v: 1, id, type, result: o.object('result') as unknown as StatusResult};
      case 'env-result':
        o.only('result');
        return {v: 1, id, type, result: o.object('result') as unknown as EnvSnapshot};
      case 'bundle-result':
        o.only('markdown', 'json');
        return {v: 1, id, type, markdown: o.string('markdown', /^[^]*$/), json: o.object('json')};
      case 'cancelled':
        o.only('jobId');
        return {v: 1, id, type, jobId: o.string('jobId', ID_PATTERN)};
    }
  });
}

/** Thrown inside the parsers only; turned into a ProtocolError at their edge. */
class Invalid {
  constructor(
    readonly code: BridgeErrorCode,
    readonly field: string | undefined,
    readonly message: string,
  ) {}
}

function required(id: string | null): string {
  if (id === null) throw new Invalid('malformed', 'id', 'id: missing');
  return id;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return new ProtocolError('malformed', 'not JSON', null);
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function parseEnvelope<T extends string, M>(
  raw: unknown,
  types: readonly T[],
  idMayBeNull: boolean,
  body: (type: T, o: Fields, id: string | null) => M,
): M | ProtocolError {
  if (!isRecord(raw)) return new ProtocolError('malformed', 'a message is a JSON object', null);
  // Read the id first, so that every later error can still be correlated.
  const id = typeof raw.id === 'string' && ID_PATTERN.test(raw.id) ? raw.id : null;
  if (raw.v !== PROTOCOL_VERSION) {
    return new ProtocolError('unsupported-version', `this side speaks protocol v${PROTOCOL_VERSION}`, id, 'v');
  }
  if (id === null && !(idMayBeNull && raw.id === null)) {
    return new ProtocolError('malformed', `id: a string matching ${String(ID_PATTERN)}`, null, 'id');
  }
  if (typeof raw.type !== 'string') return new ProtocolError('malformed', 'type: missing', id, 'type');
  const type = raw.type;
  if (!(types as readonly string[]).includes(type)) {
    return new ProtocolError('unknown-type', `unknown type ${JSON.stringify(type.slice(0, 64))}`, id, 'type');
  }
  try {
    return body(type as T, new Fields(raw), id);
  } catch (e) {
    if (e instanceof Invalid) return new ProtocolError(e.code, e.message, id, e.field);
    throw e;
  }
}

/** Reads named fields of one message object; any problem throws `Invalid` with the field's path. */
class Fields {
  constructor(private readonly o: Record<string, unknown>) {}

  /** Refuses fields other than the envelope's and these. */
  only(...names: string[]): void {
    for (const key of Object.keys(this.o)) {
      if (key !== 'v' && key !== 'id' && key !== 'type' && !names.includes(key)) fail(key, 'unknown field');
    }
  }

  string(name: string, pattern: RegExp): string {
    const value = this.o[name];
    if (typeof value !== 'string') fail(name, value === undefined ? 'missing' : 'must be a string');
    if (!pattern.test(value)) fail(name, 'has the wrong form');
    return value;
  }

  optionalString(name: string, pattern: RegExp): string | null {
    return this.o[name] === undefined || this.o[name] === null ? null : this.string(name, pattern);
  }

  int(name: string, min: number, max: number): number {
    return checkInt(this.o[name], name, min, max);
  }

  optionalInt(name: string, min: number, max: number): number | null {
    return this.o[name] === undefined || this.o[name] === null ? null : this.int(name, min, max);
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T {
    const value = this.o[name];
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) fail(name, `one of ${values.join(', ')}`);
    return value as T;
  }

  optionalTarget(name: string): string | null {
    const value = this.o[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') fail(name, 'must be a string or null');
    // Control characters have no place in a URL or a socket path, and would forge log lines.
    // eslint-disable-next-line no-control-regex
    if (value.length === 0 || value.length > MAX_TARGET_CHARS || /[\u0000-\u001f\u007f]/.test(value)) {
      fail(name, `1–${MAX_TARGET_CHARS} characters, no control characters`);
    }
    return value;
  }

  vantage(name: string): Vantage {
    const result = validateVantage(this.o[name]);
    if ('error' in result) fail(name, result.error);
    return result;
  }

  probeOptions(name: string): ProbeOptions {
    const value = this.o[name];
    if (value === undefined || value === null) return {};
    if (!isRecord(value)) fail(name, 'must be an object');
    const options: ProbeOptions = {};
    for (const [key, v] of Object.entries(value)) {
      const path = `${name}.${key}`;
      if (key === 'timeoutMs') options.timeoutMs = checkInt(v, path, 1, 3_600_000);
      else if (key === 'connectTimeoutMs') options.connectTimeoutMs = checkInt(v, path, 1, 3_600_000);
      else if (key === 'writeCheck') {
        if (typeof v !== 'boolean') fail(path, 'must be true or false');
        options.writeCheck = v;
      } else fail(path, 'unknown field');
    }
    return options;
  }

  object(name: string): JsonObject {
    const value = this.o[name];
    if (!isRecord(value)) fail(name, value === undefined ? 'missing' : 'must be an object');
    // It came out of JSON.parse, so it is JSON.
    return value as JsonObject;
  }

  optionalObject(name: string): JsonObject | null {
    return this.o[name] === undefined || this.o[name] === null ? null : this.object(name);
  }

  objectArray(name: string, max: number): JsonObject[] {
    const value = this.o[name];
    if (!Array.isArray(value)) fail(name, value === undefined ? 'missing' : 'must be an array');
    if (value.length > max) fail(name, `at most ${max} items`);
    return value.map((item: unknown, i) => {
      if (!isRecord(item)) fail(`${name}[${i}]`, 'must be an object');
      return item as JsonObject;
    });
  }

  optionalEnv(name: string): Env | null {
    return this.o[name] === undefined || this.o[name] === null ? null : this.oneOf(name, ENVS);
  }

  /** Unknown capability names are dropped: a newer bridge may serve more than this side knows. */
  capabilities(name: string): BridgeRequestType[] {
    const value = this.o[name];
    if (!Array.isArray(value) || value.length > 64 || !value.every((x) => typeof x === 'string')) {
      fail(name, 'must be an array of strings');
    }
    return REQUEST_TYPES.filter((t) => value.includes(t));
  }
}

function checkInt(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `an integer from ${min} to ${max}`);
  }
  return value;
}

function fail(field: string, why: string): never {
  throw new Invalid('invalid-field', field, `${field}: ${why}`);
}

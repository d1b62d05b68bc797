import type {BridgeRequestType} from '../../shared/protocol';

/** What `ready` advertises: the request types that do work here (`bundle` is reserved, not served yet). */
export const CAPABILITIES: readonly BridgeRequestType[] = ['probe', 'status', 'env', 'cancel'];

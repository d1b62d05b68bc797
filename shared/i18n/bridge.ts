import type {Table} from './table';

/** Bridge error codes and probe/status wording. Keys: `bridge_err_<code>`, `probe_…`, `status_…`. */
export const bridgeMessages = {
} as const satisfies Table;

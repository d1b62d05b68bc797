import type {Table} from './table';

/** Probe steps, verdicts, agent status and environment snapshot wording. Keys: `probe_…`, `status_…`, `env_snap_…`. */
export const probeMessages = {
} as const satisfies Table;

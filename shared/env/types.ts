// What the bridge learns about the machine (or container/pod) the tracer runs on.
import type {Vantage} from '../probe/types';

export interface EnvVar {
  name: string;
  /** Secrets redacted (API/APP keys keep their last 5 characters, as in a flare; other secrets fully masked). */
  value: string;
  redacted: boolean;
}

export interface ListenEntry {
  proto: 'tcp' | 'tcp6';
  address: string;
  port: number;
  inode: number;
  uid: number | null;
  /** null when /proc/<pid>/fd isn't readable for us (another user's process, another netns). */
  pid: number | null;
  comm: string | null;
}

export interface EnvSnapshot {
  v: 1;
  vantage: Vantage;
  collectedAt: string;
  os: {platform: string | null; release: string | null; arch: string | null; prettyName: string | null};
  /** DD_* variables, sorted by name. */
  dd: EnvVar[];
  /** HTTP_PROXY/HTTPS_PROXY/NO_PROXY/ALL_PROXY in any case, credentials masked. */
  proxy: EnvVar[];
  container: {
    inContainer: boolean;
    /** What proved it: `/.dockerenv`, `/run/.containerenv`, `/proc/1/cgroup: docker`, `vantage`. */
    evidence: string[];
    runtime: 'docker' | 'podman' | 'containerd' | 'kubernetes' | 'unknown' | null;
  };
  kubernetes: {inPod: boolean; serviceHost: string | null};
  /** Sockets in LISTEN on the ports of interest (8126, 5012 and the probe's port). */
  listeners: ListenEntry[];
  /** Something that isn't the trace-agent holds 8126 (or the receiver port): "port conflict". */
  portConflict: {port: number; holder: string | null; pid: number | null} | null;
  /** Default UDS directory listing when readable (`apm.socket`, `dsd.socket`, old `apm.sock`). */
  socketDir: {path: string; entries: string[]} | null;
  /** Parts that could not be read, with why; the rest is still filled. */
  problems: string[];
}

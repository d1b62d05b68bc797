// Who listens on a port, from this machine's /proc: the socket inodes from /proc/net/tcp{,6},
// mapped to processes through the `socket:[inode]` links in /proc/<pid>/fd (readable for our
// own processes, or all of them as root). "Port conflict" evidence (root-causes B1/B6,
// agent-side.md §2.5 `port-conflict`).
import {readdir, readFile, readlink} from 'node:fs/promises';
import type {ListenEntry} from '../../shared/env/types';
import {parseProcNetTcp, type ProcNetListen} from './proc-net';

export interface ProcRoot {
  /** `/proc` normally; tests point it elsewhere only for recorded samples. */
  proc: string;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** inode → {pid, comm} for the inodes asked for; stops scanning once all are found. */
export async function ownersOf(inodes: ReadonlySet<number>, root: ProcRoot = {proc: '/proc'}): Promise<Map<number, {pid: number; comm: string | null}>> {
  const found = new Map<number, {pid: number; comm: string | null}>();
  if (inodes.size === 0) return found;
  let pids: string[];
  try {
    pids = (await readdir(root.proc)).filter((d) => /^\d+$/.test(d));
  } catch {
    return found;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = await readdir(`${root.proc}/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link: string;
      try {
        link = await readlink(`${root.proc}/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (!m) continue;
      const inode = Number(m[1]);
      if (inodes.has(inode) && !found.has(inode)) {
        const comm = (await readText(`${root.proc}/${pid}/comm`))?.trim() || null;
        found.set(inode, {pid: Number(pid), comm});
      }
    }
    if (found.size === inodes.size) break;
  }
  return found;
}

export async function listeningSockets(root: ProcRoot = {proc: '/proc'}): Promise<{entries: ProcNetListen[]; problems: string[]}> {
  const problems: string[] = [];
  const entries: ProcNetListen[] = [];
  for (const proto of ['tcp', 'tcp6'] as const) {
    const text = await readText(`${root.proc}/net/${proto}`);
    if (text === null) problems.push(`${root.proc}/net/${proto} not readable`);
    else entries.push(...parseProcNetTcp(text, proto));
  }
  return {entries, problems};
}

/** Listeners on the given ports, with their process when readable. */
export async function listenersOn(ports: readonly number[], root: ProcRoot = {proc: '/proc'}): Promise<{listeners: ListenEntry[]; problems: string[]}> {
  const {entries, problems} = await listeningSockets(root);
  const wanted = entries.filter((e) => ports.includes(e.port));
  const owners = await ownersOf(new Set(wanted.map((e) => e.inode)), root);
  return {
    listeners: wanted.map((e) => ({
      proto: e.proto,
      address: e.address,
      port: e.port,
      inode: e.inode,
      uid: e.uid,
      pid: owners.get(e.inode)?.pid ?? null,
      comm: owners.get(e.inode)?.comm ?? null,
    })),
    problems,
  };
}

/** Datadog processes that may legitimately hold the receiver port (socket activation: trace-loader). */
export const AGENT_PROCESSES = /^(trace-agent|trace-loader|agent|datadog-agent)$/;

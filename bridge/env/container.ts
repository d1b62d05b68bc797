// Are we in a container or a pod? The markers container runtimes leave: Docker's /.dockerenv,
// Podman's /run/.containerenv, cgroup paths naming a runtime (cgroup v1; v2 shows `0::/`),
// mount sources of the root overlay, and Kubernetes' KUBERNETES_SERVICE_HOST.
import {existsSync, readFileSync} from 'node:fs';
import type {EnvSnapshot} from '../../shared/env/types';

export interface ContainerFiles {
  exists(path: string): boolean;
  read(path: string): string | null;
}

const realFiles: ContainerFiles = {
  exists: (p) => existsSync(p),
  read: (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return null;
    }
  },
};

const RUNTIME_IN_PATH: readonly [RegExp, NonNullable<EnvSnapshot['container']['runtime']>][] = [
  [/kubepods/, 'kubernetes'],
  [/libpod|podman/, 'podman'],
  [/docker/, 'docker'],
  [/containerd|cri-containerd/, 'containerd'],
];

export function detectContainer(env: Readonly<Record<string, string | undefined>>, files: ContainerFiles = realFiles): {
  container: EnvSnapshot['container'];
  kubernetes: EnvSnapshot['kubernetes'];
} {
  const evidence: string[] = [];
  let runtime: EnvSnapshot['container']['runtime'] = null;
  if (files.exists('/.dockerenv')) {
    evidence.push('/.dockerenv');
    runtime = 'docker';
  }
  if (files.exists('/run/.containerenv')) {
    evidence.push('/run/.containerenv');
    runtime = 'podman';
  }
  for (const path of ['/proc/1/cgroup', '/proc/self/mountinfo']) {
    const text = files.read(path) ?? '';
    const hit = RUNTIME_IN_PATH.find(([re]) => re.test(text));
    if (hit) {
      evidence.push(`${path}: ${hit[1]}`);
      runtime ??= hit[1];
    }
  }
  const serviceHost = env['KUBERNETES_SERVICE_HOST'] ?? null;
  if (serviceHost) {
    evidence.push('KUBERNETES_SERVICE_HOST');
    runtime = 'kubernetes';
  }
  return {
    container: {inContainer: evidence.length > 0, evidence, runtime: evidence.length ? (runtime ?? 'unknown') : null},
    kubernetes: {inPod: serviceHost !== null, serviceHost},
  };
}

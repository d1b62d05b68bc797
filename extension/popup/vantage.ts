// The "from where" of a probe or `agent status`, as the user types it: validated field by field
// with the same patterns the bridge enforces (shared/probe/types.ts), so a bad name is caught
// under its own field, in the user's language, before anything is sent.
import type {Vantage} from '../../shared/probe/types';
import {DOCKER_NAME, K8S_LABEL, K8S_SUBDOMAIN, KUBE_CONTEXT, validateVantage} from '../../shared/probe/types';

export type VantageKind = Vantage['kind'];

export interface VantageDraft {
  kind: VantageKind;
  container: string;
  pod: string;
  namespace: string;
  k8sContainer: string;
  context: string;
}

export type VantageField = 'container' | 'pod' | 'namespace' | 'k8sContainer' | 'context';

export const EMPTY_DRAFT: VantageDraft = {kind: 'local', container: '', pod: '', namespace: '', k8sContainer: '', context: ''};

export function draftOf(v: Vantage): VantageDraft {
  switch (v.kind) {
    case 'local':
      return {...EMPTY_DRAFT};
    case 'docker':
      return {...EMPTY_DRAFT, kind: 'docker', container: v.container};
    case 'k8s':
      return {...EMPTY_DRAFT, kind: 'k8s', pod: v.pod, namespace: v.namespace ?? '', k8sContainer: v.container ?? '', context: v.context ?? ''};
  }
}

const ERROR_KEY: Record<VantageField, string> = {
  container: 'popup_vantage_err_container',
  pod: 'popup_vantage_err_pod',
  namespace: 'popup_vantage_err_namespace',
  k8sContainer: 'popup_vantage_err_k8s_container',
  context: 'popup_vantage_err_context',
};

/** i18n key of the problem with each field; a missing required field is `…_required`. Empty when valid. */
export function draftErrors(d: VantageDraft): Partial<Record<VantageField, string>> {
  const errors: Partial<Record<VantageField, string>> = {};
  const check = (field: VantageField, value: string, re: RegExp, max: number, required: boolean) => {
    const v = value.trim();
    if (!v) {
      if (required) errors[field] = `${ERROR_KEY[field]}_required`;
      return;
    }
    if (v.length > max || !re.test(v)) errors[field] = ERROR_KEY[field];
  };
  if (d.kind === 'docker') check('container', d.container, DOCKER_NAME, 128, true);
  if (d.kind === 'k8s') {
    check('pod', d.pod, K8S_SUBDOMAIN, 253, true);
    check('namespace', d.namespace, K8S_LABEL, 63, false);
    check('k8sContainer', d.k8sContainer, K8S_LABEL, 63, false);
    check('context', d.context, KUBE_CONTEXT, 253, false);
  }
  return errors;
}

/** The draft as a Vantage, or null while a field is invalid. */
export function vantageOf(d: VantageDraft): Vantage | null {
  if (Object.keys(draftErrors(d)).length) return null;
  let raw: Record<string, string>;
  if (d.kind === 'docker') raw = {kind: 'docker', container: d.container.trim()};
  else if (d.kind === 'k8s') {
    raw = {kind: 'k8s', pod: d.pod.trim()};
    if (d.namespace.trim()) raw.namespace = d.namespace.trim();
    if (d.k8sContainer.trim()) raw.container = d.k8sContainer.trim();
    if (d.context.trim()) raw.context = d.context.trim();
  } else raw = {kind: 'local'};
  const v = validateVantage(raw);
  return 'error' in v ? null : v;
}

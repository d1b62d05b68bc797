// The background's side of the bridge. A content script's "Probe now" arrives through
// background/index.ts → probe.ts; this module installs the real probe there: one BridgeClient
// (opened lazily, token and port from storage.local, no reconnect loop — a service worker must
// be free to stop), a `probe` from the vantage the popup last chose, and the verdict rendered
// in the user's language. The result is kept in storage.session for the popup's bundle.
//
// Imported once by background/index.ts for this side effect (setProbe).
import browser from 'webextension-polyfill';
import type {Target} from '../../shared/engine/types';
import type {ProbeOutcome} from '../messages';
import {BRIDGE_PORT_KEY, BRIDGE_TOKEN_KEY, BridgeClient, readBridgePort, targetInput, verdictHeadline, verdictSummary} from '../lib/bridge-client';
import {LAST_PROBE_KEY, storageTokens, storedVantage, uiLocale} from '../lib/ui-settings';
import {setProbe} from './probe';

let client: BridgeClient | null = null;

async function bridge(): Promise<BridgeClient> {
  const port = readBridgePort(await browser.storage.local.get(BRIDGE_PORT_KEY));
  if (client && client.port !== port) {
    client.close();
    client = null;
  }
  client ??= new BridgeClient({port, tokens: storageTokens, reconnect: false});
  return client;
}

export async function probeViaBridge(target: Target): Promise<ProbeOutcome> {
  const c = await bridge();
  const state = await c.connect();
  if (state.kind !== 'ready') return {ok: false, code: 'bridge-not-connected'};
  const r = await c.request({type: 'probe', target: targetInput(target), vantage: await storedVantage(), options: {}});
  if (!r.ok) return {ok: false, code: r.failure.kind === 'client' && r.failure.code === 'not-connected' ? 'bridge-not-connected' : 'bridge-error'};
  const result = r.reply.result;
  await browser.storage.session.set({[LAST_PROBE_KEY]: result}).catch(() => undefined);
  const locale = await uiLocale();
  return {ok: true, verdict: verdictHeadline(locale, result.verdict), summary: verdictSummary(locale, result.verdict)};
}

// A changed token (paired or forgotten in the popup) or port: start over on the next probe.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (BRIDGE_TOKEN_KEY in changes || BRIDGE_PORT_KEY in changes)) {
    client?.close();
    client = null;
  }
});

setProbe(probeViaBridge);

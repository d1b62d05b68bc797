// Background (Chrome: MV3 service worker; Firefox: event page). Map:
//
//   content scripts ──Port CONTENT_PORT (per frame)──▶ onConnect: sender checked once
//       'content-findings' ─▶ TabFindings (per tab, per frame; storage.session) ─▶ action badge
//       'content-probe'    ─▶ probe.ts (bridge, once connected) ─▶ 'bg-probe-result'
//       port disconnect (frame unloaded/navigated) ─▶ that frame's findings dropped
//   popup/options ──runtime.sendMessage UiRequest──▶ ui-handlers.ts (extension pages only)
//   install/startup/permission changes ─▶ sites.ts keeps the dynamic content script in step
import browser from 'webextension-polyfill';
import type {Runtime} from 'webextension-polyfill';
import type {BackgroundToContent} from '../messages';
import {CONTENT_PORT, MESSAGE_VERSION, parseContentMessage} from '../messages';
import {probeTarget} from './probe';
import {syncRegisteredScripts} from './sites';
import {TabFindings} from './tab-findings';
import {handleUiRequest} from './ui-handlers';
import './bridge'; // installs the bridge-backed probe (setProbe)

const tabs = new TabFindings();
const ports = new Set<Runtime.Port>();

function send(port: Runtime.Port, msg: BackgroundToContent): void {
  try {
    port.postMessage(msg);
  } catch {
    // The frame went away.
  }
}

/** The popup scopes its env override by this; only the browser's sender field is trusted for it. */
function senderOrigin(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

browser.runtime.onConnect.addListener((port) => {
  // Who is talking is decided here, once, from fields the browser fills in (STYLE §7): our own
  // content script in a tab's frame. Anything else is dropped.
  const sender = port.sender;
  const tabId = sender?.tab?.id;
  const frameId = sender?.frameId ?? 0;
  if (port.name !== CONTENT_PORT || sender?.id !== browser.runtime.id || tabId === undefined) {
    port.disconnect();
    return;
  }
  ports.add(port);
  send(port, {v: MESSAGE_VERSION, type: 'bg-hello', tabId, frameId});
  port.onMessage.addListener((raw: unknown) => {
    const msg = parseContentMessage(raw);
    if (!msg) return;
    switch (msg.type) {
      case 'content-findings':
        void tabs.setFrame(tabId, {frameId, origin: senderOrigin(sender.url), env: msg.env, envSource: msg.envSource, adapter: msg.adapter, findings: msg.findings});
        break;
      case 'content-probe':
        void probeTarget(msg.target).then((outcome) => send(port, {v: MESSAGE_VERSION, type: 'bg-probe-result', id: msg.id, outcome}));
        break;
    }
  });
  port.onDisconnect.addListener(() => {
    ports.delete(port);
    void tabs.dropFrame(tabId, frameId);
  });
});

browser.tabs.onRemoved.addListener((tabId) => void tabs.dropTab(tabId));

const uiContext = {
  tabs,
  teardownOrigin: (origin: string) => {
    for (const port of ports) {
      const url = port.sender?.url;
      if (url && new URL(url).origin === origin) send(port, {v: MESSAGE_VERSION, type: 'bg-teardown'});
    }
  },
  focusFinding: (tabId: number, frameId: number, index: number, lineText: string) => {
    for (const port of ports) {
      if (port.sender?.tab?.id === tabId && (port.sender.frameId ?? 0) === frameId) {
        send(port, {v: MESSAGE_VERSION, type: 'bg-focus', index, lineText});
        return true;
      }
    }
    return false;
  },
};

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  // Answer only our UI requests; other listeners (the popup's own) may take the rest.
  const type = typeof raw === 'object' && raw !== null ? (raw as {type?: unknown}).type : undefined;
  if (typeof type !== 'string' || !type.startsWith('ui-')) return undefined;
  return handleUiRequest(raw, sender, uiContext);
});

const sync = () => void syncRegisteredScripts().catch((err: unknown) => console.warn('[APM Connection Doctor] content script registration', err));
browser.runtime.onInstalled.addListener(sync);
browser.runtime.onStartup.addListener(sync);
browser.permissions.onRemoved.addListener(sync);

if (__TEST__) {
  // Lets browser tests call the popup's API without a popup (sw.evaluate), as an extension page would.
  Object.assign(globalThis, {
    apmDoctorTest: {
      handleUiRequest: (raw: unknown, sender: Pick<Runtime.MessageSender, 'id' | 'url'>) => handleUiRequest(raw, sender, uiContext),
      tabCount: (tabId: number) => tabs.count(tabId),
    },
  });
}

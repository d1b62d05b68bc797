// The content script's only line to the extension: a Port to the background (STYLE §7). It
// reports this frame's findings (the background sums frames into the tab's badge; the port's
// disconnect tells it the frame is gone) and asks for probes. It never talks to the bridge.
// When the extension is reloaded or removed the port dies and `browser.runtime.id` goes
// away: that ends the content script's life and restores the page.
import browser from 'webextension-polyfill';
import type {Runtime} from 'webextension-polyfill';
import type {Target} from '../../shared/engine/types';
import type {ContentMessage, ProbeOutcome} from '../messages';
import {CONTENT_PORT, MESSAGE_VERSION, parseBackgroundMessage} from '../messages';
import type {Life} from './life';
import {isContextInvalidated} from './life';

const PROBE_TIMEOUT_MS = 15_000;

export class Channel {
  private port: Runtime.Port | null = null;
  private last: ContentMessage | null = null;
  private readonly probes = new Map<string, (o: ProbeOutcome | null) => void>();
  private nextProbe = 1;
  tabId: number | null = null;
  /** Called when the background told us our tab (test builds publish it). */
  onHello: (() => void) | null = null;
  /** The popup's "Show" for finding `index` of our last report. */
  onFocus: ((index: number, lineText: string) => void) | null = null;

  constructor(private readonly life: Life) {
    life.onEnd(() => {
      for (const resolve of this.probes.values()) resolve(null);
      this.probes.clear();
      try {
        this.port?.disconnect();
      } catch {
        /* already gone */
      }
      this.port = null;
    });
  }

  private extensionAlive(): boolean {
    try {
      return Boolean(browser.runtime.id);
    } catch {
      return false;
    }
  }

  private connect(): Runtime.Port | null {
    if (this.port) return this.port;
    if (this.life.dead) return null;
    if (!this.extensionAlive()) {
      this.life.end();
      return null;
    }
    try {
      const port = browser.runtime.connect({name: CONTENT_PORT});
      port.onMessage.addListener((raw: unknown) => this.life.guard('bg message', () => this.onMessage(raw)));
      port.onDisconnect.addListener(() => {
        this.port = null;
        // The background restarted (service workers stop when idle): reconnect lazily on the
        // next report. The extension itself gone (disabled/updated): leave the page as it was.
        if (!this.extensionAlive()) this.life.end();
      });
      this.port = port;
      return port;
    } catch (err) {
      if (isContextInvalidated(err) || !this.extensionAlive()) this.life.end();
      return null;
    }
  }

  private post(msg: ContentMessage): void {
    const port = this.connect();
    if (!port) return;
    try {
      port.postMessage(msg);
    } catch {
      // A port that died between connect and post: one retry on a fresh one.
      this.port = null;
      try {
        this.connect()?.postMessage(msg);
      } catch (err) {
        if (isContextInvalidated(err) || !this.extensionAlive()) this.life.end();
      }
    }
  }

  private onMessage(raw: unknown): void {
    const msg = parseBackgroundMessage(raw);
    if (!msg) return;
    switch (msg.type) {
      case 'bg-hello':
        this.tabId = msg.tabId;
        this.onHello?.();
        break;
      case 'bg-probe-result':
        this.probes.get(msg.id)?.(msg.outcome);
        this.probes.delete(msg.id);
        break;
      case 'bg-teardown':
        this.life.end();
        break;
      case 'bg-focus':
        this.onFocus?.(msg.index, msg.lineText);
        break;
    }
  }

  report(msg: Extract<ContentMessage, {type: 'content-findings'}>): void {
    this.last = msg;
    this.post(msg);
  }

  /** Opens the port even with nothing to report yet (so the background knows the frame, and test builds learn the tab id). */
  hello(): void {
    this.connect();
  }

  /** Sends the last report again (after a bfcache restore the old port is gone). */
  resend(): void {
    if (this.last) this.post(this.last);
  }

  probe(target: Target): Promise<ProbeOutcome | null> {
    const id = `p${this.nextProbe++}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.probes.delete(id);
        resolve(null);
      }, PROBE_TIMEOUT_MS);
      this.probes.set(id, (o) => {
        clearTimeout(timer);
        resolve(o);
      });
      this.post({v: MESSAGE_VERSION, type: 'content-probe', id, target});
    });
  }
}

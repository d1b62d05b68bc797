import {bridgeMessages} from './bridge';
import {bundleMessages} from './bundle';
import {contentMessages} from './content';
import {engineMessages} from './engine';
import {popupMessages} from './popup';
import {probeMessages} from './probe';
import {ruleMessages} from './rules';
import type {Entry, Locale} from './table';
import {uiMessages} from './ui';
import type {Msg} from '../engine/types';

export {LOCALES, pickLocale, type Locale, type Entry, type Table} from './table';

type Messages = typeof engineMessages &
  typeof ruleMessages &
  typeof uiMessages &
  typeof contentMessages &
  typeof popupMessages &
  typeof bridgeMessages &
  typeof probeMessages &
  typeof bundleMessages;

/**
 * Every table in one. Object.assign, not an object spread: V8 builds a spread literal of these
 * ~700 keys one property (and one hidden class) at a time, ~6 ms at every start of the CLI (the
 * content script and the popup build the same object); assigned into a fresh object, they cost a
 * fraction of that.
 */
export const messages: Messages = Object.assign({}, engineMessages, ruleMessages, uiMessages, contentMessages, popupMessages, bridgeMessages, probeMessages, bundleMessages);
export type MessageKey = keyof typeof messages;

const table: Readonly<Record<string, Entry>> = messages;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/**
 * Renders a message. Unknown keys render as the key itself (visible, never a crash);
 * unknown `{name}` placeholders are left as written.
 */
export function t(locale: Locale, key: string, subs?: Readonly<Record<string, string>>): string {
  const entry = table[key];
  if (!entry) return key;
  const text = entry[locale];
  if (!subs) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(subs, name) ? (subs[name] ?? whole) : whole));
}

export function renderMsg(locale: Locale, msg: Msg): string {
  return t(locale, msg.key, msg.subs);
}

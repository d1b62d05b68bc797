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

export const messages = {
  ...engineMessages,
  ...ruleMessages,
  ...uiMessages,
  ...contentMessages,
  ...popupMessages,
  ...bridgeMessages,
  ...probeMessages,
  ...bundleMessages,
} as const;
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

// Every user-facing string lives in one of the tables under shared/i18n/, English and
// Korean side by side so a missing translation is a type error, not a runtime blank.
// `{name}` marks a substitution; scripts/build-locales.mjs writes Chrome/Firefox
// `_locales/{en,ko}/messages.json` from the same tables.

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Entry {
  en: string;
  ko: string;
  /** Shown to translators in messages.json. */
  description?: string;
}

export type Table = Readonly<Record<string, Entry>>;

/** Picks our locale for a BCP 47 tag (`ko-KR` → ko); English otherwise. */
export function pickLocale(tag: string | null | undefined): Locale {
  return tag && /^ko(?:[-_.@]|$)/i.test(tag) ? 'ko' : 'en';
}

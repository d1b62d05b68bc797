import {describe, expect, it} from 'vitest';
import {messages, pickLocale, t} from '../../shared/i18n/index';

describe('i18n tables', () => {
  it.each(Object.entries(messages))('%s has English and Korean text with the same placeholders', (_key, entry) => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(entry.en.trim()).not.toBe('');
    expect(entry.ko.trim()).not.toBe('');
    expect(names(entry.ko)).toEqual(names(entry.en));
  });

  it('keys are valid Chrome message names', () => {
    for (const key of Object.keys(messages)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('substitutes named placeholders and leaves unknown keys visible', () => {
    expect(t('en', 'cause_refused')).toBe('Connection refused');
    expect(t('ko', 'no_such_key')).toBe('no_such_key');
    expect(pickLocale('ko-KR')).toBe('ko');
    expect(pickLocale('en-US')).toBe('en');
    expect(pickLocale('ko_KR.UTF-8')).toBe('ko');
    expect(pickLocale('kok')).toBe('en');
  });
});

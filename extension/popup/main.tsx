// Popup entry: picks the language (options override, else the browser's UI language), then renders.
import {render} from 'preact';
import browser from 'webextension-polyfill';
import {readLocaleChoice, resolveLocale, UI_LOCALE_KEY} from '../lib/ui-settings';
import {App} from './App';
import {LocaleContext} from './i18n';

async function main(): Promise<void> {
  const stored = await browser.storage.local.get(UI_LOCALE_KEY).catch(() => ({}));
  const locale = resolveLocale(readLocaleChoice(stored), browser.i18n.getUILanguage());
  document.documentElement.lang = locale;
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <LocaleContext.Provider value={locale}>
      <App />
    </LocaleContext.Provider>,
    root,
  );
}

void main();

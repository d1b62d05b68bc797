// Options: the bridge's port (and the pairing), the extra sites the content script reads, the
// language of our pages, and an environment for every site.
import type {JSX} from 'preact';
import {render} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import browser from 'webextension-polyfill';
import type {Env} from '../../shared/engine/types';
import {ENVS} from '../../shared/engine/types';
import {pickLocale} from '../../shared/i18n/index';
import {DEFAULT_BRIDGE_PORT} from '../../shared/protocol';
import {BRIDGE_PORT_KEY, BRIDGE_TOKEN_KEY, readBridgePort, readBridgeToken} from '../lib/bridge-client';
import {ENV_OVERRIDES_KEY, normalizeOrigin, originPattern, readEnvOverrides} from '../lib/settings';
import type {LocaleChoice} from '../lib/ui-settings';
import {LOCALE_CHOICES, readLocaleChoice, resolveLocale, storageTokens, UI_LOCALE_KEY} from '../lib/ui-settings';
import type {SiteEntry} from '../messages';
import {disableSite, enableSite, listSites, requestOrigin, setEnvOverride} from '../popup/api';
import {envKey, LocaleContext, useT} from '../popup/i18n';

function BridgeSection(): JSX.Element {
  const tr = useT();
  const [port, setPort] = useState('');
  const [paired, setPaired] = useState(false);
  const [note, setNote] = useState('');
  useEffect(() => {
    void browser.storage.local.get([BRIDGE_PORT_KEY, BRIDGE_TOKEN_KEY]).then((s) => {
      setPort(String(readBridgePort(s)));
      setPaired(readBridgeToken(s) !== null);
    });
  }, []);
  const valid = /^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535;
  const save = (e: Event) => {
    e.preventDefault();
    if (!valid) return;
    void browser.storage.local.set({[BRIDGE_PORT_KEY]: Number(port)}).then(() => setNote(tr('options_saved')));
  };
  return (
    <section aria-labelledby="bridge-h">
      <h2 id="bridge-h">{tr('options_bridge_heading')}</h2>
      <form class="row" onSubmit={save}>
        <label for="port">{tr('options_port_label')}</label>
        <input
          id="port"
          type="number"
          min={1}
          max={65535}
          value={port}
          aria-invalid={valid ? 'false' : 'true'}
          aria-describedby="port-help"
          onInput={(e) => {
            setPort(e.currentTarget.value);
            setNote('');
          }}
        />
        <button type="submit" class="primary" disabled={!valid}>
          {tr('options_save')}
        </button>
      </form>
      <p id="port-help" class={valid ? 'muted' : 'error'}>
        {valid ? tr('options_port_help', {port: String(DEFAULT_BRIDGE_PORT)}) : tr('options_port_err')}
      </p>
      <div class="row">
        <span>{tr(paired ? 'options_paired' : 'options_not_paired')}</span>
        {paired && (
          <button
            type="button"
            onClick={() =>
              void storageTokens.save(null).then(() => {
                setPaired(false);
                setNote(tr('options_forgotten'));
              })
            }
          >
            {tr('options_forget')}
          </button>
        )}
      </div>
      <p class="note" role="status">
        {note}
      </p>
    </section>
  );
}

function SitesSection(): JSX.Element {
  const tr = useT();
  const [sites, setSites] = useState<SiteEntry[] | null>(null);
  const [input, setInput] = useState('');
  const [note, setNote] = useState('');
  const reload = () => void listSites().then(setSites);
  useEffect(reload, []);
  const add = (e: Event) => {
    e.preventDefault();
    const origin = normalizeOrigin(input.trim().includes('://') ? input.trim() : `https://${input.trim()}`);
    // Chrome's URL parser percent-escapes what WHATWG refuses in a host ("not a site"): only
    // plain DNS names and IP literals make a match pattern.
    if (!origin || !/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(new URL(origin).hostname)) {
      setNote(tr('options_site_err_bad'));
      return;
    }
    // permissions.request must run in this click's user gesture, before any other await.
    void requestOrigin(originPattern(origin)).then(async (granted) => {
      if (!granted) {
        setNote(tr('options_site_err_denied'));
        return;
      }
      const r = await enableSite(origin);
      setNote(r.ok ? tr('options_site_added', {origin}) : tr('options_site_err_denied'));
      if (r.ok) setInput('');
      reload();
    });
  };
  const remove = (origin: string) =>
    void disableSite(origin).then(async () => {
      await browser.permissions.remove({origins: [originPattern(origin)]}).catch(() => false);
      reload();
    });
  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{tr('options_sites_heading')}</h2>
      <p class="muted">{tr('options_sites_help')}</p>
      {sites !== null && sites.length === 0 && <p>{tr('options_sites_none')}</p>}
      <ul class="sites">
        {(sites ?? []).map((s) => (
          <li key={s.origin}>
            <code>{s.origin}</code>
            {!s.granted && <span class="tag">{tr('options_site_not_granted')}</span>}
            <button type="button" class="small" aria-label={tr('options_site_remove_label', {origin: s.origin})} onClick={() => remove(s.origin)}>
              {tr('options_site_remove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="row add" onSubmit={add}>
        <label class="sr-only" for="site">
          {tr('options_site_add_label')}
        </label>
        <input id="site" placeholder="https://grafana.example.com" value={input} onInput={(e) => setInput(e.currentTarget.value)} />
        <button type="submit" disabled={input.trim() === ''}>
          {tr('options_site_add')}
        </button>
      </form>
      <p class="note" role="status">
        {note}
      </p>
    </section>
  );
}

function LanguageSection(props: {choice: LocaleChoice; onChange: (c: LocaleChoice) => void}): JSX.Element {
  const tr = useT();
  const browserLang = tr(`options_lang_${pickLocale(browser.i18n.getUILanguage())}`);
  return (
    <section aria-labelledby="lang-h">
      <h2 id="lang-h">{tr('options_lang_heading')}</h2>
      <div class="field">
        <label for="lang">{tr('options_lang_label')}</label>
        <select id="lang" value={props.choice} onChange={(e) => props.onChange(e.currentTarget.value as LocaleChoice)}>
          {LOCALE_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c === 'auto' ? tr('options_lang_auto', {lang: browserLang}) : tr(`options_lang_${c}`)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

function EnvSection(): JSX.Element {
  const tr = useT();
  const [env, setEnv] = useState<Env | ''>('');
  useEffect(() => {
    void browser.storage.local.get(ENV_OVERRIDES_KEY).then((s) => setEnv(readEnvOverrides(s)['*'] ?? ''));
  }, []);
  return (
    <section aria-labelledby="env-h">
      <h2 id="env-h">{tr('options_env_heading')}</h2>
      <div class="field">
        <label for="env-all">{tr('options_env_label')}</label>
        <select
          id="env-all"
          value={env}
          onChange={(e) => {
            const v = e.currentTarget.value;
            const next = (ENVS as readonly string[]).includes(v) ? (v as Env) : null;
            setEnv(next ?? '');
            void setEnvOverride('*', next);
          }}
        >
          <option value="">{tr('options_env_none')}</option>
          {ENVS.filter((e) => e !== 'unknown').map((e) => (
            <option key={e} value={e}>
              {tr(envKey(e))}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

function Options(props: {choice: LocaleChoice; onChoice: (c: LocaleChoice) => void}): JSX.Element {
  const tr = useT();
  useEffect(() => {
    document.title = tr('options_title');
  });
  return (
    <main class="options">
      <h1>{tr('options_title')}</h1>
      <BridgeSection />
      <SitesSection />
      <LanguageSection choice={props.choice} onChange={props.onChoice} />
      <EnvSection />
    </main>
  );
}

function Root(props: {initial: LocaleChoice}): JSX.Element {
  const [choice, setChoice] = useState(props.initial);
  const locale = resolveLocale(choice, browser.i18n.getUILanguage());
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const change = (c: LocaleChoice) => {
    setChoice(c);
    void browser.storage.local.set({[UI_LOCALE_KEY]: c});
  };
  return (
    <LocaleContext.Provider value={locale}>
      <Options choice={choice} onChoice={change} />
    </LocaleContext.Provider>
  );
}

async function main(): Promise<void> {
  const stored = await browser.storage.local.get(UI_LOCALE_KEY).catch(() => ({}));
  const root = document.getElementById('app');
  if (root) render(<Root initial={readLocaleChoice(stored)} />, root);
}

void main();

// The page's language, for every component: `const tr = useT(); tr('popup_tab_probe')`.
import {createContext} from 'preact';
import {useContext} from 'preact/hooks';
import type {Msg} from '../../shared/engine/types';
import type {Locale} from '../../shared/i18n/index';
import {renderMsg, t} from '../../shared/i18n/index';

export const LocaleContext = createContext<Locale>('en');

export interface Tr {
  (key: string, subs?: Readonly<Record<string, string>>): string;
  msg: (m: Msg) => string;
  locale: Locale;
}

export function translator(locale: Locale): Tr {
  const tr = ((key: string, subs?: Readonly<Record<string, string>>) => t(locale, key, subs)) as Tr;
  tr.msg = (m) => renderMsg(locale, m);
  tr.locale = locale;
  return tr;
}

export function useT(): Tr {
  return translator(useContext(LocaleContext));
}

/** `kubernetes` → `env_kubernetes`, `ecs-ec2` → `env_ecs_ec2`. */
export const envKey = (env: string): string => `env_${env.replace(/-/g, '_')}`;

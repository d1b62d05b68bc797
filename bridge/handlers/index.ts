import {bundle} from './bundle';
import {cancel} from './cancel';
import {env} from './env';
import {hello} from './hello';
import {pair} from './pair';
import {probe} from './probe';
import {status} from './status';
import type {Handlers} from './types';

export const handlers: Handlers = {pair, hello, probe, status, env, bundle, cancel};

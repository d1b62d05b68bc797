// Every diagnosis rule, in the order they are tried: specific first, the catch-all last.
// One rule per file; the file name is its id (test/shared/rules/registry.test.ts checks it).
import {rule as checkAgent} from './check-agent';

export const rules = [checkAgent] as const;

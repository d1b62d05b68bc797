import type {Table} from './table';

/** Titles, explanations and advice of the diagnosis rules in shared/rules/. Keys: `rule_<id>_…`, `advice_…`. */
export const ruleMessages = {
} as const satisfies Table;

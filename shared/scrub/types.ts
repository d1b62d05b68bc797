// The shape of one scrubber rule, modelled on the agent's `scrubber.Replacer`
// (DataDog/datadog-agent pkg/util/scrubber/scrubber.go): literal hints gate the matcher, and a
// key matcher lets the same rule scrub structured data (the agent's `YAMLKeyRegex` +
// `ProcessValue`). Every rule carries its provenance and examples (STYLE habits 3 and 4);
// test/shared/scrub/replacers.test.ts runs every example of every rule.

export interface ScrubExample {
  input: string;
  output: string;
}

export interface Replacer {
  /** The agent's variable name when ported (`hintedAPIKeyReplacer`); `ours:<name>` otherwise. */
  id: string;
  /** `line`: applied to each line; `text`: applied once to the whole text after the line pass (the agent's MultiLine). */
  kind: 'line' | 'text';
  /** The rule runs only on text containing one of these (case-sensitive, like `bytes.Contains`). Empty = always. */
  hints: readonly string[];
  /** Where it comes from: agent file + version/PR, or why we added it. */
  source: string;
  /** Linear-time rewrite of one line (`line`) or the whole text (`text`). Absent for data-only rules. */
  replace?: (text: string) => string;
  /** Structured data: does this key's value get replaced? (the agent's `YAMLKeyRegex`). */
  key?: (key: string) => boolean;
  /**
   * What a matched key's value becomes; default `"********"` (the agent's `ProcessValue`).
   * `scrubData` is passed for rules that re-enter the walk on a sub-tree.
   */
  value?: (value: unknown, scrubData: (v: unknown) => unknown) => unknown;
  examples: readonly ScrubExample[];
  /** Inputs this rule must leave alone, with why. */
  keeps: readonly {input: string; why: string}[];
}

// The parts of datadog.yaml that matter for a tracer → agent connection, scrubbed like the
// flare scrubs the file (comments dropped). The whole file is mostly commented-out template and
// other products' settings; support needs APM, proxy, site and that an API key is set.

/** Top-level keys kept, with everything indented under them. */
export const AGENT_YAML_KEYS = ['api_key', 'site', 'dd_url', 'hostname', 'bind_host', 'log_level', 'proxy', 'apm_config'] as const;

/** Larger inputs are cut: no real datadog.yaml comes close. */
export const AGENT_YAML_MAX_CHARS = 1 << 20;

const TOP_KEY = /^([A-Za-z_][\w.-]*)[\t ]*:/;
const SKIP = /^[\t ]*(?:#.*)?$/;

export function extractAgentYaml(text: string): {text: string; found: string[]} {
  const keep = new Set<string>(AGENT_YAML_KEYS);
  const out: string[] = [];
  const found: string[] = [];
  let keeping = false;
  for (const raw of text.slice(0, AGENT_YAML_MAX_CHARS).split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (SKIP.test(line)) continue;
    const m = TOP_KEY.exec(line);
    if (m) {
      keeping = keep.has(m[1] ?? '');
      if (keeping) found.push(m[1] ?? '');
    } else if (!/^[\t ]/.test(line) && !line.startsWith('-')) {
      keeping = false;
    }
    if (keeping) out.push(line);
  }
  return {text: out.join('\n'), found};
}

/** `apm_config.receiver_port`, when set. */
export function apmReceiverPort(text: string): number | null {
  let inApm = false;
  for (const raw of text.slice(0, AGENT_YAML_MAX_CHARS).split('\n')) {
    if (SKIP.test(raw)) continue;
    const top = TOP_KEY.exec(raw);
    if (top) inApm = top[1] === 'apm_config';
    else if (inApm) {
      const m = /^[\t ]+receiver_port[\t ]*:[\t ]*["']?(\d{1,5})["']?[\t ]*(?:#.*)?\r?$/.exec(raw);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

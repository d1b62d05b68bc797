// The tab's findings grouped by diagnosis: title, why, what to do (for the chosen environment),
// the lines it came from, and a jump to each line on the page. Text only (STYLE §10).
import type {JSX} from 'preact';
import type {DiagnosisGroup, FindingRef} from './model';
import {distinctLines} from './model';
import {useT} from './i18n';

/** Lines listed per group before "and N more". */
const MAX_LINES = 5;

export function GroupCard(props: {
  group: DiagnosisGroup;
  /** The advice starts unfolded (the first group). */
  open?: boolean;
  onJump?: ((ref: FindingRef) => void) | undefined;
  lineLabel?: (ref: FindingRef) => string;
}): JSX.Element {
  const tr = useT();
  const {group} = props;
  const lines = distinctLines(group.items);
  const shown = lines.slice(0, MAX_LINES);
  const first = group.items[0]?.finding;
  return (
    <article class="card" data-rule={group.rule}>
      <header class="card-head">
        <h3>{tr.msg(group.title)}</h3>
        <span class="count" title={tr('popup_findings_count_title', {count: String(group.items.length)})}>
          {String(group.items.length)}
        </span>
      </header>
      {first && (
        <p class="meta">
          {tr(`lang_${first.lang}`)} · {tr(`cause_${first.cause}`)}
          {first.tracerVersion ? ` · ${first.tracerVersion}` : ''}
        </p>
      )}
      <p class="explanation">{tr.msg(group.explanation)}</p>
      {group.advice.length > 0 && (
        <details class="advice" open={props.open ?? false}>
          <summary>{tr('popup_advice_heading')}</summary>
          <ol>
            {group.advice.map((a, i) => (
              <li key={i}>{tr.msg(a)}</li>
            ))}
          </ol>
        </details>
      )}
      <h4 class="lines-head">{tr('popup_lines_heading')}</h4>
      <ul class="lines">
        {shown.map(({ref, count}) => (
          <li key={`${ref.frameId}:${ref.index}`}>
            <code class="line" title={ref.finding.lineText}>
              {props.lineLabel ? `${props.lineLabel(ref)}  ` : ''}
              {ref.finding.lineText}
            </code>
            {count > 1 && <span class="times">×{String(count)}</span>}
            {props.onJump && (
              <button type="button" class="small" data-action="jump" onClick={() => props.onJump?.(ref)} aria-label={tr('popup_jump_label', {line: ref.finding.lineText.slice(0, 80)})}>
                {tr('popup_jump')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {lines.length > shown.length && <p class="more">{tr('popup_lines_more', {count: String(lines.length - shown.length)})}</p>}
    </article>
  );
}

export function FindingsView(props: {
  groups: readonly DiagnosisGroup[];
  loaded: boolean;
  reachable: boolean;
  onJump: (ref: FindingRef) => void;
  jumpNote: string;
  enableSite: (() => void) | null;
}): JSX.Element {
  const tr = useT();
  if (!props.loaded) return <p class="muted">{tr('popup_loading')}</p>;
  if (props.groups.length === 0) {
    return (
      <div class="empty">
        <p>{tr('popup_no_findings')}</p>
        <p class="muted">{tr(props.reachable ? 'popup_no_findings_hint' : 'popup_no_content_script')}</p>
        {props.enableSite && (
          <button type="button" onClick={props.enableSite}>
            {tr('popup_enable_site')}
          </button>
        )}
        <p class="muted">{tr('popup_paste_hint')}</p>
      </div>
    );
  }
  return (
    <div class="groups">
      <p class="jump-note" role="status" aria-live="polite">
        {props.jumpNote}
      </p>
      {props.groups.map((g, i) => (
        <GroupCard key={g.key} group={g} open={i === 0} onJump={props.onJump} />
      ))}
    </div>
  );
}

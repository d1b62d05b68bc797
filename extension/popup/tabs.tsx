// WAI-ARIA tabs: one tab stop; arrow keys, Home and End move between tabs and select them.
import type {JSX} from 'preact';
import {useRef} from 'preact/hooks';

export const TAB_IDS = ['findings', 'probe', 'paste'] as const;
export type TabId = (typeof TAB_IDS)[number];

export function Tabs(props: {current: TabId; onSelect: (id: TabId) => void; labels: Record<TabId, string>}): JSX.Element {
  const refs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  const move = (e: KeyboardEvent) => {
    const i = TAB_IDS.indexOf(props.current);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % TAB_IDS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TAB_IDS.length) % TAB_IDS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TAB_IDS.length - 1;
    if (next === null) return;
    e.preventDefault();
    const id = TAB_IDS[next] ?? 'findings';
    props.onSelect(id);
    refs.current[id]?.focus();
  };
  return (
    <div class="tabs" role="tablist" onKeyDown={move}>
      {TAB_IDS.map((id) => (
        <button
          key={id}
          ref={(el) => {
            refs.current[id] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={props.current === id ? 'true' : 'false'}
          aria-controls={`panel-${id}`}
          tabIndex={props.current === id ? 0 : -1}
          onClick={() => props.onSelect(id)}
        >
          {props.labels[id]}
        </button>
      ))}
    </div>
  );
}

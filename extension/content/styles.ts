// Styles of the overlay's shadow root. The page's CSS does not reach inside it and these rules
// do not leak out; the host element itself is styled inline with !important (page rules could
// otherwise match it: `html > *`, `* { … }`).

export const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'left: 0',
  'top: 0',
  'width: 0',
  'height: 0',
  'overflow: visible',
  'display: block',
  'z-index: 2147483647',
  'pointer-events: none',
  'contain: layout style',
];

export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.marker {
  position: absolute; left: 0; top: 0; width: 18px; height: 18px; margin: 0; padding: 0;
  display: grid; place-items: center; border-radius: 50%; border: 1px solid #7c2d12;
  background: #f59e0b; color: #1c1917; font: 700 12px/1 system-ui, sans-serif; cursor: pointer;
  pointer-events: auto; box-shadow: 0 1px 3px rgba(0,0,0,.35);
}
.marker[hidden] { display: none; }
.marker:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.popover {
  position: absolute; left: 0; top: 0; width: min(440px, calc(100vw - 16px)); max-height: min(70vh, 560px);
  overflow: auto; pointer-events: auto; padding: 14px 16px; border-radius: 8px;
  background: #ffffff; color: #1f2937; border: 1px solid #d1d5db; box-shadow: 0 8px 28px rgba(0,0,0,.25);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif; text-align: left;
}
.popover[hidden] { display: none; }
.popover:focus { outline: none; }
.head { display: flex; align-items: flex-start; gap: 8px; }
h2 { margin: 0; font-size: 15px; line-height: 1.3; flex: 1; font-weight: 650; }
.close { border: 0; background: transparent; color: inherit; font-size: 18px; line-height: 1; cursor: pointer; padding: 2px 6px; border-radius: 4px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 10px 0; }
dt { color: #6b7280; }
dd { margin: 0; overflow-wrap: anywhere; }
p { margin: 8px 0; }
h3 { margin: 10px 0 4px; font-size: 13px; font-weight: 650; }
ul { margin: 0; padding-left: 18px; }
li { margin: 2px 0; }
pre { margin: 6px 0 0; padding: 6px 8px; background: #f3f4f6; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; max-height: 8em; overflow: auto; }
.actions { display: flex; gap: 8px; margin-top: 12px; }
.actions button { font: inherit; padding: 5px 12px; border-radius: 6px; border: 1px solid #9ca3af; background: #f9fafb; color: inherit; cursor: pointer; }
.actions button.primary { background: #632ca6; border-color: #632ca6; color: #fff; }
button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.status { min-height: 1.4em; margin-top: 8px; color: #374151; }
@media (prefers-color-scheme: dark) {
  .popover { background: #1f2937; color: #e5e7eb; border-color: #4b5563; box-shadow: 0 8px 28px rgba(0,0,0,.6); }
  dt { color: #9ca3af; }
  pre { background: #111827; }
  .actions button { background: #374151; border-color: #6b7280; }
  .actions button.primary { background: #7c3aed; border-color: #7c3aed; }
  .status { color: #d1d5db; }
  .marker { border-color: #fde68a; }
}
`;

import type {Table} from './table';

/** Popup and options pages. Keys: `popup_…`, `options_…`. */
export const popupMessages = {
} as const satisfies Table;

import type {Table} from './table';

/** The content script: markers and popovers on log pages. Keys: `content_…`. */
export const contentMessages = {
} as const satisfies Table;

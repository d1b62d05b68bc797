import type {Table} from './table';

/** The support bundle (Markdown headings, flare instructions) and redaction notes. Keys: `bundle_…`. */
export const bundleMessages = {
} as const satisfies Table;

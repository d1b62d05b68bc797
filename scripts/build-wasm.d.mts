export function assembleTeddy(): Promise<Buffer>;
export function teddyModuleSource(bytes: Buffer): string;

// Placeholder until the extension build lands (issue: the extension).
export async function buildExtension() {}

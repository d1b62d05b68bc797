// Types for the test that checks the CLI's message tables survive their JSON spelling.
export function messagesAsJson(): {name: string; enforce: 'pre'; load(id: string): Promise<string | null>};

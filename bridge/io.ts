// The CLI's window on the world, passed to every command so tests can run a command
// in-process with captured output.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of stdin as UTF-8. */
  readStdin(): Promise<string>;
  isTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export type Command = (argv: readonly string[], io: Io) => Promise<number>;

export function realIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

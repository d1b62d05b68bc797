import type {Command} from '../io';

export const run: Command = async (_argv, io) => {
  io.err('apm-doctor redact: not implemented yet\n');
  return 2;
};

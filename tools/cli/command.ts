/** A staff command-line command: words that name it, a one-line summary, and what it does. */
export interface CliCommand {
  /** e.g. ['audit', 'verify'] */
  words: string[];
  usage: string;
  summary: string;
  /** Returns the process exit code; throws CliUsageError for bad arguments. */
  run(args: string[]): Promise<number>;
}

export class CliUsageError extends Error {}

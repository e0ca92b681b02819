/** A staff command-line command: words that name it, a one-line summary, and what it does. */
export interface CliCommand {
  /** e.g. ['audit', 'verify'] */
  words: string[];
  usage: string;
  summary: string;
  /**
   * Where the console does the same thing (the screen's name in both languages): said when the
   * command is refused because a console owns the data directory. None: only stopping it helps.
   */
  onConsole?: { en: string; zh: string };
  /** Returns the process exit code; throws CliUsageError for bad arguments. */
  run(args: string[]): Promise<number>;
}

export class CliUsageError extends Error {}

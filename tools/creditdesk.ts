import { DataDirInUse } from '../electron/db/dataDirOwner';
import { CliUsageError } from './cli/command';
import { COMMANDS } from './cli/commands';
import { commandRefusal, EXIT_DATA_DIR_IN_USE } from './cli/dataDirInUse';
import { setRunningCommand } from './cli/dataDirArg';

// `npm run creditdesk -- <command> --data-dir DIR`: the console's operations for IT staff and
// scripts. Exit codes: 0 done, 1 refused or failed (with the error code and a sentence), 2 usage,
// 3 the data directory is another process's (a running console: docs/operations.md).
function help(): string {
  return [
    'Usage: npm run creditdesk -- <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`),
    '',
    'Every command takes --verbose: diagnostics (slow queries) also on stderr; they always go to diagnostics.log in the data directory.',
    'Exit codes: 0 done, 1 refused or failed, 2 usage, 3 the data directory is in use by another process (stop the console, or do it there).',
  ].join('\n');
}

/** For a first word that only starts commands ("audit"): the commands it starts. */
function subcommandsOf(word: string | undefined): string | null {
  const family = COMMANDS.filter((c) => c.words.length > 1 && c.words[0] === word);
  if (family.length === 0) return null;
  return `"${word}" needs a subcommand: ${family.map((c) => c.words.slice(1).join(' ')).join(', ')}.\n${family.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`).join('\n')}`;
}

async function main(all: string[]): Promise<number> {
  const argv = all.filter((a) => a !== '--verbose');
  if (argv.length !== all.length) process.env.CREDITDESK_VERBOSE = '1';
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    console.log(help());
    return argv.length === 0 ? 2 : 0;
  }
  const command = COMMANDS.filter((c) => c.words.every((w, i) => argv[i] === w)).sort((a, b) => b.words.length - a.words.length)[0];
  if (!command) {
    const family = subcommandsOf(argv[0]);
    if (family) {
      console.error(family);
      return 2;
    }
    console.error(`Unknown command "${argv[0]}".\n${help()}`);
    return 2;
  }
  const rest = argv.slice(command.words.length);
  if (rest.includes('--help')) {
    console.log(`Usage: npm run creditdesk -- ${command.usage}\n${command.summary}`);
    return 0;
  }
  setRunningCommand(command.words.join(' '));
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof CliUsageError) {
      console.error(`${err.message}\nUsage: npm run creditdesk -- ${command.usage}`);
      return 2;
    }
    if (err instanceof DataDirInUse) {
      console.error(commandRefusal(err, command));
      return EXIT_DATA_DIR_IN_USE;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`creditdesk: ${(err as Error).message}`);
    process.exit(1);
  },
);

import type { DataDirInUse } from '../../electron/db/dataDirOwner';
import type { CliCommand } from './command';

// A staff command on a data directory another process owns does nothing and says so: who owns it
// (the console's address, its process, since when) and what the operator can do instead
// (docs/operations.md, "One process per data directory"). Exit code 3, apart from 1 (refused by the
// office) and 2 (usage): a script may wait for the owner to finish and try again.

export const EXIT_DATA_DIR_IN_USE = 3;

/** "DATA_DIR_IN_USE: …" in English, then the same in Chinese. */
export function commandRefusal(e: DataDirInUse, command: CliCommand): string {
  const name = `creditdesk ${command.words.join(' ')}`;
  const role = e.owner?.role;
  const isConsole = role === 'console' || role === 'desktop';
  let en: string;
  let zh: string;
  if (isConsole && command.onConsole) {
    en = `Do it in the console (${command.onConsole.en}), or stop the console (Ctrl+C where it runs, or close its window) and run ${name} again.`;
    zh = `请在工作台中办理（${command.onConsole.zh}），或先停止工作台（在其运行处按 Ctrl+C，或关闭其窗口）再运行 ${name}。`;
  } else if (isConsole) {
    en = `Stop the console (Ctrl+C where it runs, or close its window) and run ${name} again.`;
    zh = `请先停止工作台（在其运行处按 Ctrl+C，或关闭其窗口）再运行 ${name}。`;
  } else {
    en = `Wait until it has finished, then run ${name} again.`;
    zh = `请等它结束后再运行 ${name}。`;
  }
  return [
    `DATA_DIR_IN_USE: ${e.message} One process owns a data directory at a time, so ${name} did nothing. ${en}`,
    `${e.zh}同一数据目录同一时间只由一个进程打开，${name} 未做任何操作。${zh}`,
  ].join('\n');
}

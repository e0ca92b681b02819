import type { DataDirInUse } from '../db/dataDirOwner';

// What a console (browser mode or the desktop app) says when another process owns its data
// directory (issue 28: a second `npm start` took over the first one's launch page without a word).

/** Exit code of a console that did not start because another process owns its data directory. */
export const EXIT_DATA_DIR_IN_USE = 3;

/** The refusal in both languages: who owns the directory (process, address, since when), and what to do. */
export function secondConsoleRefusal(e: DataDirInUse): string {
  return [
    `CreditDesk did not start: ${e.message} One process owns a data directory at a time. Use that console, or stop it (Ctrl+C where it runs, or close its window) and start again.`,
    `CreditDesk 未启动：${e.zh}同一数据目录同一时间只由一个进程打开。请使用该工作台，或先停止它（在其运行处按 Ctrl+C，或关闭其窗口）再启动。`,
  ].join('\n');
}

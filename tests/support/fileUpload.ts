import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExportFile, FileSource } from '../../shared/contract/sync';

/** A file as the console sends it through the API: its name and bytes, never its path. */
export function uploadOf(path: string): FileSource {
  return { kind: 'upload', fileName: basename(path), base64: readFileSync(path).toString('base64') };
}

/** Saves a downloaded export where the person chose (what the browser's download does); returns the path. */
export function saveDownload(file: ExportFile, path: string): string {
  if (file.base64 === null) throw new Error(`export ${file.sequence} came without its bytes`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return path;
}

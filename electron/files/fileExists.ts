import { access } from 'node:fs/promises';

/** Whether a path exists, without blocking the serving thread (existsSync's asynchronous twin). */
export const fileExists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

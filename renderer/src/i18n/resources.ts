import { access } from './access';
import { calendar } from './calendar';
import { cases } from './cases';
import { common } from './common';
import { consoleStrings } from './console';
import { entity } from './entity';
import { manager } from './manager';
import { reader } from './reader';
import { reports } from './reports';
import { sync } from './sync';
import { windows } from './windows';
import { hall } from './hall';

// Each feature's strings live in their own file; register them here (one line each).
const features = [common, cases, reports, sync, consoleStrings, access, manager, calendar, reader, entity, windows, hall];

type Tree = { [key: string]: string | Tree };
function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    into[k] = typeof v === 'string' ? v : merge((into[k] as Tree | undefined) ?? {}, v);
  }
  return into;
}

export const resources = {
  zh: { translation: features.reduce<Tree>((acc, f) => merge(acc, f.zh as Tree), {}) },
  en: { translation: features.reduce<Tree>((acc, f) => merge(acc, f.en as Tree), {}) },
};

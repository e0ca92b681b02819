import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

// The shortcut help links to the clerk's guide: the guide lists every shortcut the counter has, and
// every image it shows is there.
const docs = join(import.meta.dirname, '..', '..', '..', 'docs');
const guide = readFileSync(join(docs, 'guide-clerk.md'), 'utf8');
// Read as text: the renderer's modules are not part of the core's test build.
const shortcuts = [...readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer/src/components/counter/shortcuts.ts'), 'utf8').matchAll(/shown: '([^']+)'/g)].map((m) => m[1]!);

test("the clerk's guide lists every counter shortcut, and its images exist", () => {
  assert.ok(shortcuts.length >= 5, 'the shortcuts were read');
  for (const shown of shortcuts) assert.ok(guide.includes(`| ${shown} |`), `${shown} is in the guide's table`);
  const images = [...guide.matchAll(/\]\((images\/[^)]+)\)/g)].map((m) => m[1]!);
  assert.ok(images.length >= 3);
  for (const image of images) assert.doesNotThrow(() => readFileSync(join(docs, image)), image);
});

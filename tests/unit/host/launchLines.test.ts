import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchLines, openFailedLine } from '../../../electron/host/launchLines';
import { openInBrowser } from '../../../electron/host/openInBrowser';

// Issue 28: the last line `npm start` printed was the bare address, which opens a refusal page; the
// working link was the line above, and a failed automatic opening said nothing.
const input = { dataDir: '/srv/office', origin: 'http://127.0.0.1:4321/', pageUrl: 'file:///srv/office/open-console.html' };

test('the last line printed is the one-time page to open, said plainly; the address is a line of its own without a key', () => {
  const { before, address, after } = launchLines(input);
  const printed = [...before, address, ...after];
  assert.equal(printed.at(-1), 'Open the console with this page (it works once): file:///srv/office/open-console.html');
  assert.equal(address, 'http://127.0.0.1:4321/');
  assert.ok(before.some((l) => l.includes('/srv/office')), 'the data directory is named');
  // The line right after the address says what the address is good for, so nobody takes it for the way in.
  assert.match(after[0]!, /only in a browser that has opened the one-time page/);
  assert.ok(printed.every((l) => !/key=|#/.test(l)), 'no line carries the launch key');
});

test('a failed automatic opening is said, with the reason and the page again', () => {
  assert.equal(
    openFailedLine(input.pageUrl, 'xdg-open exited with code 3'),
    'No browser could be opened automatically (xdg-open exited with code 3); open this page in your browser yourself: file:///srv/office/open-console.html',
  );
});

test('an opener that is missing, or that exits non-zero, is reported once; one that succeeds says nothing', async () => {
  // The opener is unref'd (the console never waits for it); the test holds it until it is done.
  const run = async (command: string) => {
    const lines: string[] = [];
    const child = openInBrowser(input.pageUrl, (line) => lines.push(line), command);
    child.ref();
    await new Promise<void>((resolve) => {
      child.once('error', () => resolve());
      child.once('exit', () => resolve());
    });
    return lines;
  };
  assert.deepEqual(await run('/nonexistent/xdg-open'), [openFailedLine(input.pageUrl, '/nonexistent/xdg-open: ENOENT')]);
  assert.deepEqual(await run('false'), [openFailedLine(input.pageUrl, 'false exited with code 1')]);
  assert.deepEqual(await run('true'), []);
});

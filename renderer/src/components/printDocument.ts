/**
 * Prints a standalone document shown in a preview frame. In Electron the shell prints it in a
 * hidden window at A4 (printer choice, explicit page size); in browser mode the frame's own print
 * dialog does, once the embedded font is ready so no page prints in a fallback face.
 */
export async function printDocument(frame: HTMLIFrameElement | null, html: string): Promise<void> {
  if (window.creditdesk?.print) {
    const r = await window.creditdesk.print(html, 'print');
    if (!r.ok && r.reason !== 'cancelled') throw new Error(r.reason ?? 'print failed');
    return;
  }
  const win = frame?.contentWindow;
  if (!win) return;
  await win.document.fonts.ready;
  win.print();
}

// Files cross the API as base64 (shared/contract/sync.ts): read a chosen file that way, and turn
// returned bytes back into something the browser can save. No Node here: the renderer may run in
// a plain browser against the browser-mode host.

/** Reads a chosen file as base64 (FileReader's data URL avoids building a huge string by hand). */
export function base64OfFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** A blob: URL for base64 bytes. The caller revokes it (URL.revokeObjectURL) when done. */
export function blobUrlOf(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
}

/** Starts the browser's save of a blob URL under a file name, as a click on a download link would. */
export function saveAs(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves base64 bytes as a file at once; the URL lives a minute, long enough for the save to start. */
export function saveBase64(base64: string, fileName: string): void {
  const url = blobUrlOf(base64);
  saveAs(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const formatSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

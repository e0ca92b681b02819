// The console talks only to itself: no CDN, no web fonts, no telemetry. Mantine injects <style>
// elements at run time, hence 'unsafe-inline' for styles only; scripts never run inline or eval.
// 'wasm-unsafe-eval' lets the verify screen compile the QR decoder's WebAssembly (shipped with the
// app) and nothing else: JavaScript eval stays refused. blob: frames show the core's PDFs (and
// blob: reads are of objects this page made itself).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob:",
  // The attachment viewer shows a PDF in a frame of a blob: URL made by the console itself.
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy for the page's <meta> tag (a second line of defence where no header is sent),
 * put there at build time by the renderer's build (electron.vite.config.ts): frame-ancestors is
 * not allowed in a meta policy, so it is left out; everything else is the header's.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/** The placeholder renderer/index.html carries where the meta policy goes. */
export const CSP_PLACEHOLDER = '%CONTENT_SECURITY_POLICY%';

/** index.html with its policy filled in; refuses a page without the placeholder (a policy typed by hand). */
export function withMetaPolicy(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`renderer/index.html must carry ${CSP_PLACEHOLDER} in its CSP meta tag, not a policy of its own.`);
  return html.replace(CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY);
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};

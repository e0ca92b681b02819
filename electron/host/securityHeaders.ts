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

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};

// The page's sense of "now" follows the office's clock (the core's), not the machine the browser
// runs on: a window whose clock is off, or a test console running at a stated instant, judges a
// birth date or a validity date exactly as the core will when the request arrives.
let offsetMs = 0;

/** Takes the office time the core reported (auth.status); the page's own clock carries it forward. */
export function followOfficeTime(officeTime: string): void {
  const at = Date.parse(officeTime);
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
}

/** The office's current instant, as far as the page knows it. */
export function officeNow(): Date {
  return new Date(Date.now() + offsetMs);
}

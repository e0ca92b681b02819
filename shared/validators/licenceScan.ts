import { CREDIT_CODE_CHARSET, validateCreditCode } from './creditCode';

// What a barcode scanner types into the code field when the clerk scans the QR of a business
// licence (issue 24). Licences since the 2016 reform carry a QR that opens the enterprise
// publicity system; its exact address form is not published and has changed, so rather than
// parse a URL the counter takes the one valid unified social credit code the scanned text holds
// (docs/reports.md, "where unsure"). Typed text of code length is left to the field's own checks.


const CODE_CHARS = new RegExp(`^[${CREDIT_CODE_CHARSET}]{18}$`);

/** The code inside a scanned licence QR text, or null when the text holds none or several different ones. */
export function creditCodeFromScan(text: string): string | null {
  const upper = text.toUpperCase();
  const found = new Set<string>();
  // Overlapping windows: a code may follow other code characters (…uniscid=91…).
  for (let i = 0; i + 18 <= upper.length; i += 1) {
    const window = upper.slice(i, i + 18);
    if (!CODE_CHARS.test(window)) continue;
    if (validateCreditCode(window, { mode: 'manual' }).ok) found.add(window);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** Whether what arrived in the field is a scan rather than typing: longer than any code, or an address. */
export function looksScanned(text: string): boolean {
  return text.length > 22 || /^[a-z]+:\/\//i.test(text.trim());
}

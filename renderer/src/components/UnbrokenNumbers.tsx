// Case numbers (YY20261101-0001), report numbers (370303-01-20261118-S00001) and dates are read as one token: a line break in
// the middle makes them two (issue 28: "YY20261101-000 / 1" in the audit log in Chinese at 1024 px).
// Longer runs (a digest) may still break, so they cannot push a column wider than the screen.
const NUMBER_TOKEN = /(\b[A-Z]{0,3}\d[\dA-Z-]{6,24}\d\b)/;

/** Text whose number tokens never break across lines. */
export function UnbrokenNumbers({ text }: { text: string }) {
  return <>{text.split(NUMBER_TOKEN).map((part, i) => (i % 2 === 1 ? <span key={i} style={{ whiteSpace: 'nowrap' }} data-unbroken>{part}</span> : part))}</>;
}

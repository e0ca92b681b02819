// Case numbers (YY20261101-0001), report numbers (370303-01-20261118-S00001) and dates are read as
// whole parts: a line break inside a run of digits makes two numbers of one (issue 28:
// "YY20261101-000 / 1" in the audit log in Chinese at 1024 px). A line may still end after one of
// their hyphens, where a reader sees the number go on: a report number is wider than the audit
// log's target column at 1024 px. Longer runs (a digest) may break anywhere, so they cannot push a
// column wider than the screen.
const NUMBER_TOKEN = /(\b[A-Z]{0,3}\d[\dA-Z-]{6,24}\d\b)/;

/** Text whose number tokens break only after a hyphen. */
export function UnbrokenNumbers({ text }: { text: string }) {
  return (
    <>
      {text.split(NUMBER_TOKEN).map((part, i) =>
        i % 2 === 1
          ? part.split(/(?<=-)/).map((piece, j) => <span key={`${i}.${j}`} style={{ whiteSpace: 'nowrap' }} data-unbroken>{piece}</span>)
          : part,
      )}
    </>
  );
}

// Names on cards of minority and foreign applicants carry a middle dot (阿沛·阿旺晋美). The chip
// holds U+00B7; GBK services and input methods hand over look-alikes (U+30FB ・, U+2022 •,
// U+2027 ‧, U+FF65 ･, U+22C5 ⋅, U+2219 ∙, U+FF0E ．). One form is kept, so that a read name
// compares equal to the subject's name and prints with the glyph the report fonts have.
const DOT_LOOKALIKES = /[\u30FB\u2022\u2027\uFF65\u22C5\u2219\uFF0E]/g;

/** The chip pads fields with spaces (UCS-2 0x0020) and some services with NULs; both go. */
export function trimCardText(value: string): string {
  return value.replaceAll('\u0000', ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

export function normaliseCardName(value: string): string {
  return trimCardText(value).replace(DOT_LOOKALIKES, '\u00B7').replace(/\s*\u00B7\s*/g, '\u00B7');
}

// The `linebreak` package (UAX #14, brought by pdfkit) ships no types: the part textWrap.ts uses.
declare module 'linebreak' {
  interface Break {
    /** Offset in UTF-16 units where the next line may begin. */
    position: number;
    /** A mandatory break (a line end in the text). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}

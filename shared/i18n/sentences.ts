// The shape of every error sentence in the catalogue (errorMessages.ts and the refusal catalogues
// it gathers): one function per language of the values the error carries, so a sentence is made
// in the reader's language when it is shown, also for a refusal stored long before.

/** The values an error names (a file, a line, a limit), as they are stored and sent. */
export type Params = Record<string, string | number>;
export type Sentence = (p: Params) => string;
/** A sentence in both languages: the type holds each entry to both. */
export interface Sentences { zh: Sentence; en: Sentence }

export const sentences = (zh: Sentence, en: Sentence): Sentences => ({ zh, en });

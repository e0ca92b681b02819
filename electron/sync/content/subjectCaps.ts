// Per-subject caps of the content rules (docs/bundle-format.md §9.1, issue 29 item 9). A validly
// signed bundle once gave one person 1,000,000 records: it imported, and the next lookup of that
// person stopped the counter. The platform is trusted, but a platform bug or a stolen key must not
// take the hall down, so an import that would leave any subject over a cap is refused whole.
//
// The caps count what the office holds for the subject and what the bundle adds together (a delta
// of 10,000 a week reaches a million too). They sit far above any real file, because a refusal
// stops the whole bundle for every subject in it: the largest real files are entities whose
// licences, penalties and court cases run to a few thousand over the years (a developer in default
// is listed as a dishonest debtor once per court case, hundreds or thousands of times), a
// person's to a few hundred at most.

export const SUBJECT_CAPS = {
  /** Credit records of one subject, every status and publicity period included. */
  records: 20_000,
  /** Red and black list entries of one subject (each may carry up to 200 measures). */
  listEntries: 5_000,
} as const;

export type CappedKind = keyof typeof SUBJECT_CAPS;

// A refused bundle's sentence in Chinese too: the import history is read by clerks in the
// console's language, and the specific sentence ("bundle 41 is missing; import it first") is
// what they act on. Rows written before this migration keep only the English sentence.
export default /* sql */ `
ALTER TABLE sync_bundle_in ADD COLUMN refused_reason_zh TEXT;
`;

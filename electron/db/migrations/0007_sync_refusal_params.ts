// A refused bundle is stored as its code and the code's parameters (JSON) and put into words when
// shown, in the reader's language and the catalogue's current wording, like every other error.
// Rows written before this migration keep the sentences stored in refused_reason(_zh).
export default /* sql */ `
ALTER TABLE sync_bundle_in ADD COLUMN refused_params TEXT;
`;

// Issue 26: the counter's record pages (subjectStore.recordPage: one section's categories of one
// subject, newest decision first) found the subject's records by record_subject(subject_id) and
// read every one of them to keep a section's: for a subject of 100,000 records, all 100,000 for a
// page of 50 penalties. This index leads with the same subject_id, so it serves every query the
// old one served (and the foreign key's checks), and replaces it rather than adding a second index
// an import must keep up to date.
export default /* sql */ `
DROP INDEX platform.record_subject;
CREATE INDEX platform.record_subject_section ON record(subject_id, category, decided_on);
`;

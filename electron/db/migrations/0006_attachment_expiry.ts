// Uploads never linked to a case are removed after a day (attachmentMaintenance.ts). An
// attachment stays append-only from the moment a visit's authorization or a case refers to it;
// before that it is nobody's evidence yet, only bytes a clerk picked and then abandoned.
export default /* sql */ `
DROP TRIGGER attachment_no_delete;
CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment
  WHEN EXISTS (SELECT 1 FROM visit_authorization WHERE attachment_sha256 = OLD.sha256)
    OR EXISTS (SELECT 1 FROM objection_attachment WHERE sha256 = OLD.sha256)
BEGIN SELECT RAISE(ABORT, 'attachment is append-only once a visit or a case refers to it'); END;
`;

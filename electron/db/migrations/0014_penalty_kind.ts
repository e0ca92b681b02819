// Records carry the kind of administrative penalty (Administrative Penalty Law art. 9): the
// Credit Repair Management Measures (2025) exclude licence revocation and suspension in food and
// drugs, environment and work safety from early repair, and that rule cannot be applied without it.
// NULL for records that are not penalties and for rows synced before the platform sent the field.
export default /* sql */ `
ALTER TABLE record ADD COLUMN penalty_kind TEXT CHECK (penalty_kind IN (
  'warning','criticism','fine','confiscation','licence_suspension','qualification_downgrade','licence_revocation',
  'activity_restriction','production_suspension','closure','employment_restriction','detention','other'));
`;

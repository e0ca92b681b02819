import type { EntityRegistration, Subject } from '../../shared/domain/subject';
import type { Queryable } from '../db/database';

// Legal entities' registration basics (issue 24), in the platform file beside their subjects.

const REGISTRATION_COLUMNS = `registration_no AS registrationNo, entity_type AS entityType, established_on AS establishedOn,
  registered_capital AS registeredCapital, address, business_scope AS businessScope,
  registration_authority AS registrationAuthority, operating_status AS operatingStatus, legal_rep_id_number AS legalRepIdNumber`;

export function registrationOf(db: Queryable, subjectId: number): Promise<EntityRegistration | undefined> {
  return db.get<EntityRegistration>(`SELECT ${REGISTRATION_COLUMNS} FROM entity_registration WHERE subject_id = ?`, [subjectId]);
}

/**
 * The entities registered under an old registration number (注册号). Numbers were issued per
 * registration authority before 2007, so one number may name more than one entity: the caller
 * tells them apart by name.
 */
export function entitiesByRegistrationNo(db: Queryable, registrationNo: string): Promise<Subject[]> {
  return db.all<Subject>(
    `SELECT s.id, s.kind, s.id_number AS idNumber, s.name, s.gender, s.birth_date AS birthDate, s.legal_rep AS legalRepresentative,
            s.region_code AS regionCode, s.central_id AS centralId, s.version
       FROM entity_registration g JOIN subject s ON s.id = g.subject_id
      WHERE g.registration_no = ? AND s.kind = 'entity' ORDER BY s.id LIMIT 20`,
    [registrationNo],
  );
}

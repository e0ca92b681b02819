export type SubjectKind = 'person' | 'entity';

export interface Subject {
  id: number;
  kind: SubjectKind;
  /** 18-character citizen ID number (GB 11643) or unified social credit code (GB 32100). */
  idNumber: string;
  name: string;
  /** Persons only. */
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  /** Entities only. */
  legalRepresentative: string | null;
  regionCode: string;
  centralId: string;
  version: number;
}

/**
 * The kinds of entity a registration names. Where the entity has a unified social credit code, its
 * characters 1–2 (registration department, institution type) decide the kind: entityTypeOf in
 * shared/domain/entityType.ts is that rule, in one place.
 */
export const ENTITY_TYPES = ['enterprise', 'individual_business', 'farmers_coop', 'social_organisation', 'institution', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** 存续, 在业, 停业, 清算, 迁出, 吊销, 注销: the states a registration authority publishes. */
export const OPERATING_STATUSES = ['subsisting', 'operating', 'suspended', 'liquidating', 'moved_out', 'revoked', 'deregistered'] as const;
export type OperatingStatus = (typeof OPERATING_STATUSES)[number];

/** An entity's registration basics (登记基本信息), the first section of its report (issue 24). */
export interface EntityRegistration {
  /** The old registration number (注册号) the platform maps to the entity; an entity registered before the unified code has only this. */
  registrationNo: string | null;
  entityType: EntityType;
  establishedOn: string | null;
  /** As registered, with its currency (“500万元人民币”); individual businesses and some organisations have none. */
  registeredCapital: string | null;
  address: string;
  businessScope: string;
  registrationAuthority: string;
  operatingStatus: OperatingStatus;
  /**
   * The legal representative's ID number as registered, where the platform holds it: the counter
   * checks the legal representative in person against it. Personal data, masked like any person's.
   */
  legalRepIdNumber: string | null;
}

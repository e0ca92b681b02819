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

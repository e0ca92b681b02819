// The measure catalogue as typed rows, for the store's bulk writer and for look-ups by code.
// Lists may cite only these codes (国办发〔2020〕49号: no measure outside the published catalogue).
import type { MeasureRow } from '../../shared/domain/population';
import catalogue from '../../resources/catalog/measures.json' with { type: 'json' };

export const MEASURES: readonly MeasureRow[] = catalogue.map((m) => ({
  code: m.code,
  kind: m.kind === 'reward' ? 'reward' : 'punishment',
  mandatory: m.mandatory,
  title: m.title,
  basis: m.basis,
}));

export const MEASURE_BY_CODE: ReadonlyMap<string, MeasureRow> = new Map(MEASURES.map((m) => [m.code, m]));

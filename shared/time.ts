// China calendar dates live in one module, shared/calendar/dates.ts. This file only re-exports
// them so that code written against the old path keeps compiling; import from dates.ts instead.
export { chinaDate, chinaDateTime, chinaDayStartIso, yearsBefore } from './calendar/dates';

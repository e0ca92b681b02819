// The statutory holidays' names, apart from their dates (statutoryHolidays.ts), so that a screen
// or a sentence can name a holiday without loading the lunar tables.

/** The regulation's names (全国年节及纪念日放假办法) and in English. */
export const STATUTORY_HOLIDAY_NAMES: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
};

/** The names a notice (or a person typing) may use for them, to the regulation's names. */
export const HOLIDAY_ALIASES: Record<string, string> = {
  ...Object.fromEntries(Object.keys(STATUTORY_HOLIDAY_NAMES).map((name) => [name, name])),
  清明: '清明节',
  五一: '劳动节',
  五一劳动节: '劳动节',
  国际劳动节: '劳动节',
  端午: '端午节',
  中秋: '中秋节',
  国庆: '国庆节',
};

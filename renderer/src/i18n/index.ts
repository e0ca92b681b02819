import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/i18n/errorMessages';
import { resources } from './resources';

const STORAGE = 'creditdesk.locale';

export function initialLocale(): Locale {
  return localStorage.getItem(STORAGE) === 'en' ? 'en' : 'zh';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE, locale);
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(locale);
}

/** The current locale as the console's own type, for shared helpers such as errorMessage. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'zh';
}

export { i18n };

import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
// Only the weights the console uses; the font ships with the app so Chinese never prints as boxes.
import './fonts.css';
import { MantineProvider, PasswordInput, createTheme } from '@mantine/core';
import 'dayjs/locale/zh-cn';
import { Notifications } from '@mantine/notifications';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LocalisedDates } from './components/form/LocalisedDates';
import './i18n';

/**
 * Mantine with the console's language where Mantine speaks for itself: the password field's
 * show/hide button is read out by a screen reader, in English unless told otherwise.
 */
function LocalisedMantine({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(
    () =>
      createTheme({
        fontFamily: '"Noto Sans SC", system-ui, sans-serif',
        headings: { fontFamily: '"Noto Sans SC", system-ui, sans-serif' },
        primaryColor: 'indigo',
        defaultRadius: 'sm',
        components: { PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('form.togglePassword') } } }) },
      }),
    // t follows the language: one theme per language.
    [t, i18n.language],
  );
  return <MantineProvider theme={theme}>{children}</MantineProvider>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocalisedMantine>
      <Notifications position="top-right" />
      <LocalisedDates>
        <App />
      </LocalisedDates>
    </LocalisedMantine>
  </StrictMode>,
);

import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
// Only the weights the console uses; the font ships with the app so Chinese never prints as boxes.
import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import '@fontsource/noto-sans-sc/chinese-simplified-700.css';
import '@fontsource/noto-sans-sc/latin-400.css';
import '@fontsource/noto-sans-sc/latin-700.css';
import { MantineProvider, createTheme } from '@mantine/core';
import 'dayjs/locale/zh-cn';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LocalisedDates } from './components/form/LocalisedDates';
import './i18n';

const theme = createTheme({
  fontFamily: '"Noto Sans SC", system-ui, sans-serif',
  headings: { fontFamily: '"Noto Sans SC", system-ui, sans-serif' },
  primaryColor: 'indigo',
  defaultRadius: 'sm',
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <LocalisedDates>
        <App />
      </LocalisedDates>
    </MantineProvider>
  </StrictMode>,
);

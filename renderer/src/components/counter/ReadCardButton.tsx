import { Button } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadCard } from '../../../../shared/contract';
import { call } from '../../api/client';

/**
 * "读卡": asks the core to read the card on the reader (the page never reaches the reader's
 * service). A refusal or a reader state goes to `onError`; it never blocks typing the details.
 */
export function ReadCardButton({ onRead, onError, testId }: { onRead: (card: ReadCard) => void; onError: (error: unknown) => void; testId: string }) {
  const { t } = useTranslation();
  const [reading, setReading] = useState(false);
  // A double press must not start a second read while the first waits for the card.
  const inFlight = useRef(false);

  async function read() {
    if (inFlight.current) return;
    inFlight.current = true;
    setReading(true);
    onError(null);
    try {
      onRead(await call('reader.read', {}));
    } catch (err) {
      onError(err);
    } finally {
      inFlight.current = false;
      setReading(false);
    }
  }

  return (
    <Button variant="light" size="xs" leftSection={<IconId size={16} />} loading={reading} onClick={() => void read()} data-testid={testId} title={t('card.readHint')}>
      {t('card.read')}
    </Button>
  );
}

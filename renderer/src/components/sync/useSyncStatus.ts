import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { call } from '../../api/client';

/** The office's sync state (provisioned, channels, last export), reloadable after a change. */
export function useSyncStatus(): { status: SyncStatus | null; error: unknown; reload: () => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    call('sync.status', {}).then(
      (s) => {
        setStatus(s);
        setError(null);
      },
      setError,
    );
  }, []);
  useEffect(reload, [reload]);
  return { status, error, reload };
}

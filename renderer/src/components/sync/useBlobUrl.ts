import { useEffect, useState } from 'react';
import { blobUrlOf } from './fileBytes';

/** A blob: URL for base64 bytes, revoked when the bytes change or the screen closes. */
export function useBlobUrl(base64: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!base64) return setUrl(null);
    const u = blobUrlOf(base64);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [base64]);
  return url;
}

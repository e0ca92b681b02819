import { useEffect, useState } from 'react';
import type { Purpose } from '../../../shared/contract';
import { call } from '../api/client';
import { useLocale } from '../i18n';

let cached: Promise<Purpose[]> | null = null;

/** Turns a purpose code into its catalogue label in the console's language (the code if unknown). */
export function usePurposeLabel(): (code: string) => string {
  const locale = useLocale();
  const [purposes, setPurposes] = useState<Purpose[]>([]);
  useEffect(() => {
    // Labels for every purpose, a person's and an entity's (issue 24).
    cached ??= call('counter.purposes', { subjectKind: 'all' }).catch((err: unknown) => {
      cached = null;
      throw err;
    });
    cached.then(setPurposes, () => undefined);
  }, []);
  return (code) => {
    const p = purposes.find((x) => x.code === code);
    return p ? (locale === 'zh' ? p.zh : p.en) : code;
  };
}

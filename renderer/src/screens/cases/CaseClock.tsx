import { Badge, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectionCase } from '../../../../shared/cases/caseTypes';
import type { ProfileChoice } from '../../../../shared/contract/cases';
import { deadlineText } from '../../../../shared/cases/provisionalDeadline';
import { call } from '../../api/client';
import { useLocale } from '../../i18n';
import type { CaseAction } from './CaseActions';

type Profile = ProfileChoice['profiles'][number];

/**
 * An objection's clock: each deadline that applies, stopped periods and the extension, and the
 * extend / stop / restart steps, offered only where the case's own rule profile allows them
 * (Zhejiang: extension with approval; Henan: testing and expert review do not count).
 */
export function CaseClock({ c, busy, onAct }: { c: ObjectionCase; busy: boolean; onAct: (a: CaseAction) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [days, setDays] = useState<number | string>('');
  const [pauseReason, setPauseReason] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void call('cases.profiles', {}).then((p) => setProfile(p.profiles.find((x) => x.id === c.profileId) ?? null), () => setProfile(null));
  }, [c.profileId]);

  const locale = useLocale();
  const d = c.deadlines;
  const running = c.state === 'accepted' || c.state === 'verifying';
  const unit = t(`cases.clock.units.${d.dayKind}`);
  const rows: [string, string | null][] = [
    [t('cases.clock.forwardBy'), d.forwardBy],
    [t('cases.clock.providerVerifyBy'), d.providerVerifyBy],
    [t('cases.clock.decideBy'), d.decideBy],
    [t('cases.clock.latestExtendedBy'), d.latestExtendedBy],
  ];
  async function run(a: CaseAction) {
    setProblem(null);
    if (a.action !== 'resume' && !reason.trim()) return setProblem(t('cases.errors.clockReason'));
    if (await onAct({ ...a, ...(reason.trim() ? { reason: reason.trim() } : {}) })) setReason('');
  }
  const canExtend = running && profile?.extensionMaxDays != null;
  const canPause = running && !c.paused && (profile?.pauseReasons.length ?? 0) > 0;
  return (
    <Stack gap={4} data-testid="case-clock">
      <Group gap="md">
        {rows.filter(([, v]) => v).map(([k, v]) => <Text key={k} size="sm">{k}: {deadlineText(v!, d.arrangedThrough, locale)}</Text>)}
        <Text size="xs" c="dimmed">{t(`cases.profile.${d.dayKind}`)}</Text>
        {c.extendedTotalDays && <Badge size="sm" color="blue">{t('cases.clock.extended', { n: c.extendedTotalDays, unit })}</Badge>}
      </Group>
      {c.pauses.map((p, i) => (
        <Text key={i} size="sm" c="dimmed">{t('cases.clock.pause', { reason: t(`cases.clock.reasons.${p.reason}`), from: p.from, to: p.to ?? t('cases.clock.ongoing') })}</Text>
      ))}
      {(canExtend || canPause || c.paused) && (
        <Group align="flex-end" gap="xs">
          <TextInput size="xs" label={t('cases.clock.why')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} error={problem} w={260} data-testid="clock-reason" />
          {canExtend && (
            <>
              <NumberInput size="xs" label={t('cases.clock.totalDays', { max: profile!.extensionMaxDays, unit })} value={days} onChange={setDays} min={1} max={profile!.extensionMaxDays!} w={170} data-testid="clock-days" />
              <Button size="xs" variant="light" loading={busy} disabled={typeof days !== 'number'} onClick={() => void run({ action: 'extend', totalDays: Number(days) })} data-testid="clock-extend">{t('cases.clock.extend')}</Button>
            </>
          )}
          {canPause && (
            <>
              <Select size="xs" label={t('cases.clock.pauseFor')} data={profile!.pauseReasons.map((r) => ({ value: r, label: t(`cases.clock.reasons.${r}`) }))} value={pauseReason} onChange={setPauseReason} w={140} data-testid="clock-pause-reason" />
              <Button size="xs" variant="light" loading={busy} disabled={!pauseReason} onClick={() => void run({ action: 'pause', pauseReason: pauseReason! })} data-testid="clock-pause">{t('cases.clock.stop')}</Button>
            </>
          )}
          {c.paused && <Button size="xs" variant="light" loading={busy} onClick={() => void run({ action: 'resume' })} data-testid="clock-resume">{t('cases.clock.restart')}</Button>}
        </Group>
      )}
    </Stack>
  );
}

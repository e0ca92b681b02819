import { Alert, Badge, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileChoice } from '../../../../shared/contract/cases';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';

/**
 * The office's rule profile (deadlines, repair periods, extensions) for objections and repairs.
 * A change applies to cases received from then on; open cases keep the rules they began under.
 */
export function RuleProfileScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [choice, setChoice] = useState<ProfileChoice | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('cases.profiles', {}).then((c) => {
      setChoice(c);
      setPicked(c.active);
    }, setError);
  }, []);
  async function save() {
    if (!picked) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      setChoice(await call('cases.selectProfile', { profileId: picked }));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack maw={720} data-testid="rule-profile">
      <Title order={3}>{t('cases.profile.title')}</Title>
      <Text size="sm" c="dimmed">{t('cases.profile.hint')}</Text>
      {choice && (
        <Card withBorder>
          <Radio.Group value={picked} onChange={(v) => { setPicked(v); setSaved(false); }}>
            <Stack gap="sm">
              {choice.profiles.map((p) => (
                <Radio
                  key={p.id}
                  value={p.id}
                  data-testid={`profile-${p.id}`}
                  label={
                    <Group gap="xs">
                      <span>{p.name[locale]}</span>
                      <Badge size="xs" variant="light" color={p.dayKind === 'working' ? 'indigo' : 'grape'}>{t(`cases.profile.${p.dayKind}`)}</Badge>
                      {p.id === choice.active && <Badge size="xs" color="teal">{t('cases.profile.active')}</Badge>}
                    </Group>
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
        </Card>
      )}
      {saved && <Alert color="teal" data-testid="profile-saved">{t('cases.profile.saved')}</Alert>}
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={busy} disabled={!choice || picked === choice.active} data-testid="profile-save">{t('cases.profile.save')}</Button>
      </Group>
    </Stack>
  );
}

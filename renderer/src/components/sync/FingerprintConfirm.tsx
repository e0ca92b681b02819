import { Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The core accepts a typed prefix of at least 32 hex digits (8 groups); see provisioning.ts. */
const MIN_GROUPS = 8;

const groupsOf = (s: string): string[] => s.replace(/[\s:-]/g, '').toUpperCase().match(/.{1,4}/g) ?? [];

/**
 * The trust file's fingerprint, in numbered groups of four, for a person to compare with the sheet
 * the platform printed: the only defence against a trust file swapped on its way to the office.
 * They either tick that all groups match or type the groups; typing shows at once which group
 * differs. Reports the text to send as confirmFingerprint, or null while not confirmed.
 */
export function FingerprintConfirm({ fingerprint, version, onChange }: { fingerprint: string; version: number; onChange: (confirmed: string | null) => void }) {
  const { t } = useTranslation();
  const expected = groupsOf(fingerprint);
  const [ticked, setTicked] = useState(false);
  const [typed, setTyped] = useState('');
  const typedGroups = groupsOf(typed);
  const firstDiff = typedGroups.findIndex((g, i) => g !== (expected[i] ?? '').slice(0, g.length));
  const fullGroups = typedGroups.filter((g) => g.length === 4).length;
  const typedOk = firstDiff === -1 && fullGroups >= MIN_GROUPS;

  const report = (nextTicked: boolean, nextTyped: string) => {
    const g = groupsOf(nextTyped);
    const differs = g.some((x, i) => x !== (expected[i] ?? '').slice(0, x.length));
    const enough = g.filter((x) => x.length === 4).length >= MIN_GROUPS;
    // A group typed wrong outweighs the tick: the person has just seen a difference.
    if (differs) onChange(null);
    else if (enough) onChange(nextTyped);
    else onChange(nextTicked ? fingerprint : null);
  };

  return (
    <Paper withBorder p="md" data-testid="fingerprint">
      <Stack gap="sm">
        <Title order={5}>{t('sync.provision.fingerprintTitle', { version })}</Title>
        <SimpleGrid cols={8} spacing="xs" verticalSpacing={6} maw={720}>
          {expected.map((g, i) => (
            <Stack key={i} gap={0} align="center" data-testid="fingerprint-group">
              <Text size="xs" c="dimmed">{i + 1}</Text>
              <Text ff="monospace" fw={700} size="lg">{g}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">{t('sync.provision.fingerprintHint')}</Text>
        <Checkbox
          label={t('sync.provision.confirmTick')}
          checked={ticked}
          onChange={(e) => {
            setTicked(e.currentTarget.checked);
            report(e.currentTarget.checked, typed);
          }}
          data-testid="fingerprint-tick"
        />
        <TextInput
          label={t('sync.provision.confirmTyped')}
          value={typed}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            report(ticked, e.currentTarget.value);
          }}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'monospace' } }}
          data-testid="fingerprint-typed"
          error={firstDiff >= 0 ? t('sync.provision.typedDiffers', { group: firstDiff + 1 }) : undefined}
        />
        {typed.trim() !== '' && firstDiff === -1 && (
          <Group gap="xs">
            <Text size="sm" c={typedOk ? 'green' : 'dimmed'} data-testid="fingerprint-typed-state">
              {typedOk ? t('sync.provision.typedMatches', { n: fullGroups }) : t('sync.provision.typedShort', { n: fullGroups })}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

import { ActionIcon, Kbd, Popover, Table, Text, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COUNTER_SHORTCUTS } from './shortcuts';

/** The keyboard shortcuts of the counter, one click (or F1) away. */
export function ShortcutHelp({ opened, onChange }: { opened: boolean; onChange: (opened: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Popover opened={opened} onChange={onChange} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Tooltip label={t('counterUi.shortcuts')} disabled={opened}>
          <ActionIcon variant="subtle" onClick={() => onChange(!opened)} aria-label={t('counterUi.shortcuts')} data-testid="shortcut-help">
            <IconKeyboard size={20} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown data-testid="shortcut-list">
        <Text fw={600} size="sm" mb={6}>{t('counterUi.shortcuts')}</Text>
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            {COUNTER_SHORTCUTS.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td><Kbd size="xs">{s.shown}</Kbd></Table.Td>
                <Table.Td><Text size="sm">{t(`counterUi.shortcut.${s.id}`)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}

import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from '../../../../shared/calendar/dates';
import type { WindowView } from '../../../../shared/contract/windows';

const STATUS_COLOR = { active: 'teal', disabled: 'yellow', revoked: 'gray' } as const;

export type WindowAction = 'rename' | 'disable' | 'enable' | 'revoke';

/** The enrolled windows with their status, times on the office clock and what may be done to each. */
export function WindowsTable({ rows, onAction }: { rows: WindowView[]; onAction: (w: WindowView, action: WindowAction) => void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text size="sm" c="dimmed" data-testid="windows-none">{t('windows.none')}</Text>;
  const button = (w: WindowView, action: WindowAction, color?: string) => (
    <Button size="compact-sm" variant={action === 'revoke' ? 'light' : 'default'} color={color} onClick={() => onAction(w, action)} data-testid={`window-${action}`}>
      {t(`windows.${action}`)}
    </Button>
  );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="windows-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('windows.col.number')}</Table.Th>
            <Table.Th>{t('windows.col.name')}</Table.Th>
            <Table.Th>{t('windows.col.status')}</Table.Th>
            <Table.Th>{t('windows.col.enrolled')}</Table.Th>
            <Table.Th>{t('windows.col.lastContact')}</Table.Th>
            <Table.Th>{t('windows.col.loggedIn')}</Table.Th>
            <Table.Th>{t('windows.col.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((w) => (
            <Table.Tr key={w.id} data-testid="window-row" data-number={w.number} data-status={w.status}>
              <Table.Td ff="monospace">{w.number}</Table.Td>
              <Table.Td data-testid="window-name">{w.name}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[w.status]} variant="light" data-testid="window-status">{t(`windows.status.${w.status}`)}</Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{chinaDateTime(w.enrolledAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{w.lastContactAt ? chinaDateTime(w.lastContactAt) : t('windows.never')}</Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="window-logged-in">{w.loggedIn.join('、') || '—'}</Text>
              </Table.Td>
              <Table.Td>
                {w.status !== 'revoked' && (
                  <Group gap={6} wrap="nowrap">
                    {button(w, 'rename')}
                    {w.status === 'active' ? button(w, 'disable') : button(w, 'enable')}
                    {button(w, 'revoke', 'red')}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

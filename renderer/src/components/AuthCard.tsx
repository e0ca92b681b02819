import { Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centred card the login, first-run and lock screens share. */
export function AuthCard({ title, subtitle, corner, children }: { title: string; subtitle?: string; corner: ReactNode; children: ReactNode }) {
  return (
    <Center h="100vh" bg="gray.0">
      <Card withBorder shadow="sm" w={420} p="xl">
        <Stack>
          <Group justify="space-between" align="flex-start">
            <Title order={3}>{title}</Title>
            {corner}
          </Group>
          {subtitle && <Text size="sm" c="dimmed">{subtitle}</Text>}
          {children}
        </Stack>
      </Card>
    </Center>
  );
}

import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { IconSteeringWheel } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useLabels } from '../../lib/i18n.ts';

/** The frame of the public pages: the network's name, DE/EN, the content, the privacy notice. No login, no app menu. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useLabels();
  useEffect(() => {
    document.title = `${title} – ANeTT`;
  }, [title]);
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size={760} py="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <IconSteeringWheel size={26} color="var(--mantine-color-blue-7)" aria-hidden />
              <Text fw={600} size="sm" truncate visibleFrom="sm">
                {t('registrations.brand')}
              </Text>
              <Text fw={600} size="sm" truncate hiddenFrom="sm">
                {t('registrations.brandShort')}
              </Text>
            </Group>
            <Box style={{ flexShrink: 0 }}>
              <LanguageSwitch />
            </Box>
          </Group>
        </Container>
      </Box>
      <Container size={760} py="lg" component="main" id="main" w="100%" style={{ flex: 1 }}>
        {children}
      </Container>
      <Box component="footer" py="md">
        <Container size={760}>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {t('registrations.imprint')}
            </Text>
            <Anchor component={Link} to="/datenschutz" size="xs">
              {t('registrations.privacyLink')}
            </Anchor>
          </Group>
        </Container>
      </Box>
    </Box>
  );
}

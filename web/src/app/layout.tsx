import type { SessionUser } from '@anett/shared/schemas/auth';
import {
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Group,
  Kbd,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAffiliate,
  IconBuildingFactory2,
  IconCalendarEvent,
  IconChartBar,
  IconChevronDown,
  IconFileExport,
  IconKey,
  IconLayoutDashboard,
  IconLock,
  IconLogout,
  IconMessages,
  IconSearch,
  IconSettings,
  IconShieldLock,
  IconSteeringWheel,
  IconUsers,
} from '@tabler/icons-react';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/empty-state.tsx';
import { ButtonLink, NavLinkLink } from '../components/router-link.tsx';
import { useLogout } from '../features/auth/api.ts';
import { useSessionUser } from '../features/auth/session.ts';
import { QuickLogHeaderButton, QuickLogHost } from '../features/interactions/quick-log.tsx';
import { GlobalSearch, openGlobalSearch } from './global-search.tsx';
import { LanguageSwitch } from './language-switch.tsx';

// Loaded when first opened: keeps the form library out of the entry chunk.
const ChangePasswordModal = lazy(() =>
  import('../features/auth/change-password-modal.tsx').then((m) => ({ default: m.ChangePasswordModal })),
);

type NavItem = {
  to:
    | '/'
    | '/organisationen'
    | '/personen'
    | '/veranstaltungen'
    | '/kontakte'
    | '/netzwerk'
    | '/berichte/reichweite'
    | '/exporte'
    | '/verwaltung/benutzer';
  /** Path prefix that marks the item active (defaults to `to`). */
  section?: string;
  label:
    | 'dashboard'
    | 'organizations'
    | 'persons'
    | 'events'
    | 'interactions'
    | 'network'
    | 'reach'
    | 'exports'
    | 'admin';
  icon: ReactNode;
  adminOnly?: boolean;
  /** Sub-pages shown as a group (Verwaltung); each with the roles that may see it. */
  children?: AdminNavItem[];
};

type AdminNavItem = {
  to:
    | '/verwaltung/benutzer'
    | '/verwaltung/dubletten'
    | '/verwaltung/themen'
    | '/verwaltung/sperrliste'
    | '/verwaltung/inaktive-personen';
  label: 'nav.users' | 'duplicates.nav' | 'tags.topics.nav' | 'privacy.suppressionsNav' | 'privacy.inactiveNav';
  roles: SessionUser['role'][];
};

const ICON = { size: 20, stroke: 1.6 };
const NAV: NavItem[] = [
  { to: '/', label: 'dashboard', icon: <IconLayoutDashboard {...ICON} /> },
  { to: '/organisationen', label: 'organizations', icon: <IconBuildingFactory2 {...ICON} /> },
  { to: '/personen', label: 'persons', icon: <IconUsers {...ICON} /> },
  { to: '/veranstaltungen', label: 'events', icon: <IconCalendarEvent {...ICON} /> },
  { to: '/kontakte', label: 'interactions', icon: <IconMessages {...ICON} /> },
  { to: '/netzwerk', label: 'network', icon: <IconAffiliate {...ICON} /> },
  { to: '/berichte/reichweite', section: '/berichte', label: 'reach', icon: <IconChartBar {...ICON} /> },
  { to: '/exporte', label: 'exports', icon: <IconFileExport {...ICON} /> },
  {
    to: '/verwaltung/benutzer',
    section: '/verwaltung',
    label: 'admin',
    icon: <IconSettings {...ICON} />,
    children: [
      { to: '/verwaltung/benutzer', label: 'nav.users', roles: ['admin'] },
      { to: '/verwaltung/dubletten', label: 'duplicates.nav', roles: ['admin', 'manager'] },
      { to: '/verwaltung/themen', label: 'tags.topics.nav', roles: ['admin'] },
      { to: '/verwaltung/sperrliste', label: 'privacy.suppressionsNav', roles: ['admin'] },
      { to: '/verwaltung/inaktive-personen', label: 'privacy.inactiveNav', roles: ['admin'] },
    ],
  },
];

function isActive(pathname: string, item: NavItem) {
  const section = item.section ?? item.to;
  return section === '/' ? pathname === '/' : pathname === section || pathname.startsWith(`${section}/`);
}

/** Moves keyboard focus past the navigation to the page content (`#main` is focusable with tabIndex -1). */
function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className="skip-link">
      {t('app.skipToContent')}
    </a>
  );
}

function SearchButton() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('header.searchShortcut')}>
      <UnstyledButton className="search-button" onClick={openGlobalSearch} aria-label={t('header.searchShortcut')}>
        <Group gap={8} wrap="nowrap">
          <IconSearch size={16} stroke={1.8} />
          <Text size="sm" c="dimmed" visibleFrom="sm" style={{ flex: 1 }}>
            {t('header.searchButton')} …
          </Text>
          <Kbd size="xs" visibleFrom="sm">
            /
          </Kbd>
        </Group>
      </UnstyledButton>
    </Tooltip>
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');

function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [passwordOpen, password] = useDisclosure(false);
  const logout = useLogout();
  const navigate = useNavigate();

  const onLogout = async () => {
    await logout();
    notifications.show({ message: t('header.loggedOut') });
    await navigate({ to: '/login' });
  };

  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md">
        <Menu.Target>
          <UnstyledButton className="user-button" aria-label={`${t('header.userMenu')}: ${user.name}`}>
            <Group gap={8} wrap="nowrap">
              <Avatar size={32} radius="xl" color="anett" variant="filled">
                {initials(user.name)}
              </Avatar>
              <Box visibleFrom="lg" style={{ lineHeight: 1.2 }}>
                <Text size="sm" fw={600} truncate maw={160}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`roles.${user.role}`)}
                </Text>
              </Box>
              <IconChevronDown size={14} stroke={1.8} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Box px="sm" py={8}>
            <Text size="sm" fw={600} truncate>
              {user.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {user.email}
            </Text>
            <Badge mt={6} size="sm" variant="light">
              {t(`roles.${user.role}`)}
            </Badge>
          </Box>
          <Menu.Divider />
          <Menu.Item leftSection={<IconShieldLock size={16} />} component={Link} to="/konto/sicherheit">
            {t('security.page.nav')}
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={password.open}>
            {t('header.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={onLogout}>
            {t('header.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {passwordOpen && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened onClose={password.close} />
        </Suspense>
      )}
    </>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [navOpen, nav] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // Logged out (here or in another tab): the app is on its way to the login page.
  if (!user) return null;
  // "Enrol now": only the security page works until a second factor is set up.
  const restricted = user.secondFactor === 'required';
  const items = NAV.filter((item) => !restricted && (!item.adminOnly || user.role === 'admin'))
    .map((item) => ({ ...item, children: item.children?.filter((c) => c.roles.includes(user.role)) }))
    .filter((item) => !item.children || item.children.length > 0);

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 232, breakpoint: 'md', collapsed: { mobile: !navOpen } }}
        padding={{ base: 'md', md: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" gap="sm" wrap="nowrap" justify="space-between">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpen}
                onClick={nav.toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={t('nav.toggle')}
                aria-expanded={navOpen}
                aria-controls="main-navigation"
              />
              <Link to="/" className="brand" aria-label={`${t('app.name')} – ${t('nav.dashboard')}`}>
                <Group gap={8} wrap="nowrap">
                  <ThemeIcon size={32} radius="md" aria-hidden>
                    <IconSteeringWheel size={20} />
                  </ThemeIcon>
                  <Text fw={700} size="lg" c="anett.9" style={{ whiteSpace: 'nowrap' }}>
                    {t('app.name')}
                  </Text>
                </Group>
              </Link>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {user.role !== 'viewer' && !restricted && <QuickLogHeaderButton />}
              {!restricted && <SearchButton />}
              <LanguageSwitch />
              <UserMenu user={user} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" id="main-navigation">
          <AppShell.Section grow component={ScrollArea}>
            <nav aria-label={t('nav.label')}>
              <Stack gap={2}>
                {items.map((item) =>
                  item.children ? (
                    <NavLink
                      key={item.to}
                      label={t(`nav.${item.label}`)}
                      leftSection={item.icon}
                      active={isActive(pathname, item)}
                      defaultOpened={isActive(pathname, item)}
                      className="nav-link"
                      childrenOffset={30}
                    >
                      {item.children.map((child) => (
                        <NavLinkLink
                          key={child.to}
                          to={child.to}
                          label={t(child.label)}
                          active={pathname === child.to}
                          onClick={nav.close}
                          className="nav-link"
                        />
                      ))}
                    </NavLink>
                  ) : (
                    <NavLinkLink
                      key={item.to}
                      to={item.to}
                      label={t(`nav.${item.label}`)}
                      leftSection={item.icon}
                      active={isActive(pathname, item)}
                      onClick={nav.close}
                      className="nav-link"
                      activeOptions={{ exact: item.to === '/' }}
                    />
                  ),
                )}
              </Stack>
            </nav>
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="xs" py={6}>
              {t('app.tagline')}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1} className="app-main">
          <Box maw={1440} mx="auto">
            <Outlet />
          </Box>
        </AppShell.Main>
      </AppShell>
      {!restricted && <GlobalSearch />}
      {user.role !== 'viewer' && !restricted && <QuickLogHost />}
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconLock size={28} />}
      title={t('common.forbiddenTitle')}
      description={t('common.forbidden')}
      actions={
        <ButtonLink to="/" variant="light">
          {t('common.toStart')}
        </ButtonLink>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconSearch size={28} />}
      title={t('common.notFoundTitle')}
      description={t('common.notFound')}
      actions={
        <ButtonLink to="/" variant="light">
          {t('common.toStart')}
        </ButtonLink>
      }
    />
  );
}

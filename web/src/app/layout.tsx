import { allows, policy } from '@anett/shared/policy';
import type { AccessLevel, SessionUser } from '@anett/shared/schemas/auth';
import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Button,
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
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAffiliate,
  IconBuildingFactory2,
  IconCalendarEvent,
  IconChartBar,
  IconChevronDown,
  IconFileExport,
  IconFileImport,
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
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/empty-state.tsx';
import { PageLoader } from '../components/full-page-loader.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { ButtonLink, NavLinkLink } from '../components/router-link.tsx';
import { useLogout } from '../features/auth/api.ts';
import { QuickLogHeaderButton, QuickLogHost } from '../features/interactions/quick-log.tsx';
import { useSessionUser } from '../lib/session.ts';
import { GlobalSearch, openGlobalSearch } from './global-search.tsx';

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
    | '/import'
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
    | 'import'
    | 'admin';
  icon: ReactNode;
  /** Only from this access level up (writing pages are hidden from viewers). */
  access?: AccessLevel;
  /** Sub-pages shown as a group (Verwaltung); each with the roles that may see it. */
  children?: AdminNavItem[];
};

type AdminNavItem = {
  to:
    | '/verwaltung/benutzer'
    | '/verwaltung/dubletten'
    | '/verwaltung/themen'
    | '/verwaltung/sperrliste'
    | '/verwaltung/inaktive-personen'
    | '/verwaltung/ausgang';
  label:
    | 'nav.users'
    | 'duplicates.nav'
    | 'tags.topics.nav'
    | 'privacy.suppressionsNav'
    | 'privacy.inactiveNav'
    | 'mail.nav';
  access: AccessLevel;
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
  { to: '/import', label: 'import', icon: <IconFileImport {...ICON} />, access: 'manager' },
  {
    to: '/verwaltung/benutzer',
    section: '/verwaltung',
    label: 'admin',
    icon: <IconSettings {...ICON} />,
    children: [
      { to: '/verwaltung/benutzer', label: 'nav.users', access: 'admin' },
      { to: '/verwaltung/dubletten', label: 'duplicates.nav', access: 'manager' },
      { to: '/verwaltung/themen', label: 'tags.topics.nav', access: 'admin' },
      { to: '/verwaltung/sperrliste', label: 'privacy.suppressionsNav', access: 'admin' },
      { to: '/verwaltung/inaktive-personen', label: 'privacy.inactiveNav', access: 'admin' },
      { to: '/verwaltung/ausgang', label: 'mail.nav', access: 'admin' },
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
      <UnstyledButton className="search-button" onClick={openGlobalSearch} aria-keyshortcuts="/ Control+K">
        <Group gap={8} wrap="nowrap">
          <IconSearch size={16} stroke={1.8} aria-hidden />
          {/* The visible text is the button's name; on narrow screens it is there for screen readers only. */}
          <Text size="sm" c="dimmed" style={{ flex: 1 }} className="search-button-text">
            {t('header.searchButton')} …
          </Text>
          <Kbd size="xs" visibleFrom="sm" aria-hidden>
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

/** A navigation group (Verwaltung): a button that opens its sub-pages, reachable with Tab like every link. */
function NavGroup({ item, active, children }: { item: NavItem; active: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(active);
  const id = `nav-group-${item.label}`;
  return (
    <NavLink
      component="button"
      type="button"
      label={t(`nav.${item.label}`)}
      leftSection={item.icon}
      active={active}
      opened={opened}
      onChange={setOpened}
      aria-expanded={opened}
      aria-controls={id}
      className="nav-link"
      childrenOffset={30}
    >
      <div id={id}>{children}</div>
    </NavLink>
  );
}

/** Logout and "change password" for the header menu and the mobile navigation. */
function useAccount() {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const [passwordOpen, password] = useDisclosure(false);
  const onLogout = async () => {
    await logout();
    notifications.show({ message: t('header.loggedOut') });
    await navigate({ to: '/login' });
  };
  const passwordModal = passwordOpen && (
    <Suspense fallback={null}>
      <ChangePasswordModal opened onClose={password.close} />
    </Suspense>
  );
  return { onLogout, openPassword: password.open, passwordModal };
}

function UserMenu({ user, account }: { user: SessionUser; account: ReturnType<typeof useAccount> }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        {/* Named by what it shows (name and role) plus its purpose, so speech input can use the visible text. */}
        <UnstyledButton className="user-button">
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="anett" variant="filled" aria-hidden>
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
            <Box hiddenFrom="lg" className="visually-hidden">
              {user.name}
            </Box>
            <span className="visually-hidden">– {t('header.userMenu')}</span>
            <IconChevronDown size={14} stroke={1.8} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconShieldLock size={16} />} component={Link} to="/konto/sicherheit">
          {t('security.page.nav')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={account.openPassword}>
          {t('header.changePassword')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={account.onLogout}>
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** On narrow screens the header has no room for the user menu and language switch: they live in the drawer. */
function MobileAccount({ user, account }: { user: SessionUser; account: ReturnType<typeof useAccount> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group gap={8} wrap="nowrap" px="xs">
        <Avatar size={32} radius="xl" color="anett" variant="filled" aria-hidden>
          {initials(user.name)}
        </Avatar>
        <Box style={{ lineHeight: 1.2, minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {t(`roles.${user.role}`)} · {user.email}
          </Text>
        </Box>
      </Group>
      <Group gap="xs" px="xs" justify="space-between" wrap="nowrap">
        <Text size="sm" aria-hidden>
          {t('header.language')}
        </Text>
        <LanguageSwitch />
      </Group>
      <ButtonLink to="/konto/sicherheit" size="xs" variant="default" leftSection={<IconShieldLock size={14} />} mx="xs">
        {t('security.page.nav')}
      </ButtonLink>
      <Group gap="xs" px="xs" grow>
        <Button size="xs" variant="default" leftSection={<IconKey size={14} />} onClick={account.openPassword}>
          {t('header.changePassword')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconLogout size={14} />} onClick={account.onLogout}>
          {t('header.logout')}
        </Button>
      </Group>
    </Stack>
  );
}

export function AppLayout({ pending = false }: { pending?: boolean }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [navOpen, nav] = useDisclosure(false);
  const account = useAccount();
  // Rendered in one place only (not hidden by CSS): one language switch, one logout for tests and assistive tech.
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // Logged out (here or in another tab): the app is on its way to the login page.
  if (!user) return null;
  // "Enrol now": only the security page works until a second factor is set up.
  const restricted = user.secondFactor === 'required';
  const can = { write: policy.write(user) };
  const items = NAV.filter((item) => !restricted && (!item.access || allows(user.role, item.access)))
    .map((item) => ({ ...item, children: item.children?.filter((c) => allows(user.role, c.access)) }))
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
              {can.write && !restricted && <QuickLogHeaderButton />}
              {!restricted && <SearchButton />}
              {wide && <LanguageSwitch />}
              {wide && <UserMenu user={user} account={account} />}
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" id="main-navigation">
          <AppShell.Section grow component={ScrollArea}>
            <nav aria-label={t('nav.label')}>
              <Stack gap={2}>
                {items.map((item) =>
                  item.children ? (
                    <NavGroup key={item.to} item={item} active={isActive(pathname, item)}>
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
                    </NavGroup>
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
            {!wide && <MobileAccount user={user} account={account} />}
            <Text size="xs" c="dimmed" px="xs" py={6}>
              {t('app.tagline')}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1} className="app-main">
          <Box maw={1440} mx="auto">
            {pending ? <PageLoader /> : <Outlet />}
          </Box>
        </AppShell.Main>
      </AppShell>
      {account.passwordModal}
    </>
  );
}

/**
 * The root of every page: the global search (`/`) and the quick log (`n`) live here, outside the app layout, so
 * that they listen from the moment of the login on, also while the first page's code still loads, and keep their
 * state when the layout is replaced.
 */
/** The self-service pages reached from mails: no app chrome there, even for someone logged in. */
const PUBLIC_PAGES = ['/anmeldung/', '/bestaetigung', '/absage', '/einstellungen', '/datenschutz'];

export function RootLayout() {
  const user = useSessionUser();
  const can = { write: policy.write(user) };
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // Not while a second factor must be enrolled first: only the security page works then.
  const inApp =
    !!user &&
    user.secondFactor !== 'required' &&
    !pathname.startsWith('/login') &&
    !pathname.endsWith('/checkin') &&
    !PUBLIC_PAGES.some((p) => pathname.startsWith(p));
  return (
    <>
      <Outlet />
      {inApp && <GlobalSearch />}
      {inApp && can.write && <QuickLogHost />}
    </>
  );
}

/** A page that cannot be shown (forbidden, not found): what happened and the way back to the start. */
function DeadEnd({ icon, kind }: { icon: ReactNode; kind: 'forbidden' | 'notFound' }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={icon}
      title={t(`common.${kind}Title`)}
      description={t(`common.${kind}`)}
      actions={
        <ButtonLink to="/" variant="light">
          {t('common.toStart')}
        </ButtonLink>
      }
    />
  );
}

export const ForbiddenPage = () => <DeadEnd icon={<IconLock size={28} />} kind="forbidden" />;

export const NotFoundPage = () => <DeadEnd icon={<IconSearch size={28} />} kind="notFound" />;

import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  luminance,
  type MantineColorsTuple,
  MantineProvider,
  type MantineThemeOverride,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pickerAriaLabels } from '../components/localized-dates.tsx';
import { isApiError } from '../lib/api-client.ts';
import { useChartLayersOutOfTabOrder } from './chart-layers.ts';
import { useDialogFocusReturn } from './focus-return.ts';

// A deep "industrial" blue; shade 8 is the primary (white text on it passes WCAG AA comfortably).
const anett: MantineColorsTuple = [
  '#ecf2fb',
  '#d7e2f3',
  '#aac3e7',
  '#7aa2db',
  '#5486d1',
  '#3c74cb',
  '#2f6ac8',
  '#2259b1',
  '#1a4e9e',
  '#0c428c',
];

const comboboxList = {
  defaultProps: { withScrollArea: false },
  styles: { options: { maxHeight: 'min(20rem, 50vh)', overflowY: 'auto' as const } },
};

const baseTheme = createTheme({
  primaryColor: 'anett',
  primaryShade: 8,
  colors: { anett },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  // White or black text on filled colours, whichever reads (white on yellow does not).
  autoContrast: true,
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Modal: { defaultProps: { centered: true } },
    // Charts are pictures with a text alternative given by the page (role="img", aria-label): recharts' keyboard
    // layer made the drawing a tab stop announced as an unnamed "application".
    BarChart: { defaultProps: { accessibilityLayer: false } },
    LineChart: { defaultProps: { accessibilityLayer: false } },
    AreaChart: { defaultProps: { accessibilityLayer: false } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 300 } },
    // A wide table scrolls sideways on a phone: its scroll area must be reachable with the keyboard.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
    // An open option list scrolls itself (the listbox the field controls, reached with the arrow keys) rather than
    // an inner scroll area that is no tab stop (axe: scrollable-region-focusable, serious).
    Select: comboboxList,
    MultiSelect: comboboxList,
    Autocomplete: comboboxList,
    TagsInput: comboboxList,
  },
});

/**
 * The component library's own texts (close and clear buttons, password toggle, date pickers) in the UI language,
 * set once here so that every dialog and field, also future ones, speaks German or English.
 */
function localizedComponents(t: TFunction): MantineThemeOverride['components'] {
  return {
    CloseButton: { defaultProps: { 'aria-label': t('ui.close') } },
    // Mantine's focus placeholder is a focusable element without a role inside role="menu" (axe: critical).
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    InputClearButton: { defaultProps: { 'aria-label': t('ui.clear') } },
    PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('ui.togglePassword') } } },
    Calendar: { defaultProps: { ariaLabels: pickerAriaLabels(t) } },
    // Dates as the rest of the UI writes them (lib/format.ts): 15.11.2024 in German, 15/11/2024 in English.
    DateInput: { defaultProps: { valueFormat: t('ui.dateFormat') } },
    DatePickerInput: { defaultProps: { valueFormat: t('ui.dateFormat') } },
    DateTimePicker: {
      defaultProps: { valueFormat: t('ui.dateTimeFormat'), submitButtonProps: { 'aria-label': t('ui.apply') } },
    },
    TimePicker: {
      defaultProps: {
        hoursInputLabel: t('ui.hours'),
        minutesInputLabel: t('ui.minutes'),
        secondsInputLabel: t('ui.seconds'),
      },
    },
  };
}

export function useAppTheme() {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: t changes identity with the language
  return useMemo(
    () => createTheme({ ...baseTheme, components: { ...baseTheme.components, ...localizedComponents(t) } }),
    [i18n.language],
  );
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** The colour darkened in small steps until it reads at 4.6:1 (WCAG AA plus rounding) on every given background. */
function readableOn(color: string, backgrounds: string[]) {
  let c = color;
  for (let step = 1; step <= 20 && backgrounds.some((bg) => contrast(c, bg) < 4.6); step++)
    c = darken(color, step * 0.04);
  return c;
}

/**
 * WCAG AA contrast for text, set once for the whole app: Mantine's dimmed grey (#868e96, 3.3:1 on white), coloured
 * text (`c="teal"`, 3.9:1) and the light variant of badges and buttons (orange on light orange, 3.6:1) fall short
 * of 4.5:1. Each colour's text, outline and light-variant text is darkened just as far as needed.
 */
const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#656d76',
  };
  const panels = ['#ffffff', theme.colors.gray[0], theme.colors.gray[1]];
  for (const [name, shades] of Object.entries(theme.colors)) {
    const text = readableOn(shades[8], panels);
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-outline`] = text;
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], [...panels, shades[1], shades[2]]);
  }
  return { variables: {}, light, dark: {} };
};

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not get better by asking again; network and 5xx errors get two more tries.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useAppTheme();
  useDialogFocusReturn();
  useChartLayersOutOfTabOrder();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      {/* Inside a landmark, so that messages are part of the page's structure for screen readers. */}
      <section aria-label={t('ui.notifications')}>
        <Notifications position="top-right" limit={4} withinPortal={false} />
      </section>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

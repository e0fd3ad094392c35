import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Centered spinner while the session is restored. */
export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100dvh" role="status" aria-label={t('app.loading')}>
      <Loader size="lg" />
    </Center>
  );
}

/** Spinner inside the layout while a page chunk loads. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="40vh" role="status" aria-label={t('app.loading')}>
      <Loader />
    </Center>
  );
}

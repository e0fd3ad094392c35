import type { ComponentProps } from 'react';
import { AsyncSelect } from '../../components/filters/async-select.tsx';
import { organizationKeys } from '../../lib/query-keys.ts';
import { searchOrganizationOptions } from './api.ts';

type Props = Omit<ComponentProps<typeof AsyncSelect>, 'queryKey' | 'fetchOptions'>;

/** Picks one organisation by searching the server (accent-insensitive). */
export function OrganizationSelect(props: Props) {
  return <AsyncSelect queryKey={organizationKeys.options()} fetchOptions={searchOrganizationOptions} {...props} />;
}

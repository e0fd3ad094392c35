import type { ComponentProps } from 'react';
import { organizationKeys } from '../../lib/query-keys.ts';
import { searchOrganizationOptions } from '../../lib/reference-data.ts';
import { AsyncSelect } from './async-select.tsx';

type Props = Omit<ComponentProps<typeof AsyncSelect>, 'queryKey' | 'fetchOptions'>;

/** Picks one organisation by searching the server (accent-insensitive). */
export function OrganizationSelect(props: Props) {
  return <AsyncSelect queryKey={organizationKeys.options()} fetchOptions={searchOrganizationOptions} {...props} />;
}

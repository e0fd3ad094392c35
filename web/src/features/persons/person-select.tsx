import type { ComponentProps } from 'react';
import { AsyncSelect } from '../../components/filters/async-select.tsx';
import { personKeys } from '../../lib/query-keys.ts';
import { searchPersonOptions } from './api.ts';

type Props = Omit<ComponentProps<typeof AsyncSelect>, 'queryKey' | 'fetchOptions'>;

/** Picks one person by searching the server (accent-insensitive). */
export function PersonSelect(props: Props) {
  return <AsyncSelect queryKey={personKeys.options()} fetchOptions={searchPersonOptions} {...props} />;
}

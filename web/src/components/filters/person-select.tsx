import type { ComponentProps } from 'react';
import { personKeys } from '../../lib/query-keys.ts';
import { searchPersonOptions } from '../../lib/reference-data.ts';
import { AsyncSelect } from './async-select.tsx';

type Props = Omit<ComponentProps<typeof AsyncSelect>, 'queryKey' | 'fetchOptions'>;

/** Picks one person by searching the server (accent-insensitive). */
export function PersonSelect(props: Props) {
  return <AsyncSelect queryKey={personKeys.options()} fetchOptions={searchPersonOptions} {...props} />;
}

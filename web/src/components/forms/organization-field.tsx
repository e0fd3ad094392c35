import type { UseFormReturnType } from '@mantine/form';
import { type ComponentProps, useState } from 'react';
import type { AsyncOption } from '../filters/async-select.tsx';
import { OrganizationSelect } from '../filters/organization-select.tsx';

type Props<V extends { organizationId: number | null }> = Omit<
  ComponentProps<typeof OrganizationSelect>,
  'value' | 'selected' | 'onChange' | 'error' | 'form'
> & {
  form: UseFormReturnType<V>;
  /** The organisation the record has (or is given) when the form opens. */
  initial?: { id: number; name: string } | null;
};

/** A form's `organizationId`, picked by searching; remembers the picked name, which may not be among the results. */
export function OrganizationField<V extends { organizationId: number | null }>({
  form: typedForm,
  initial,
  ...props
}: Props<V>) {
  const form = typedForm as unknown as UseFormReturnType<{ organizationId: number | null }>;
  const [selected, setSelected] = useState<AsyncOption | null>(
    initial ? { value: String(initial.id), label: initial.name } : null,
  );
  return (
    <OrganizationSelect
      value={form.getValues().organizationId}
      selected={selected}
      onChange={(id, option) => {
        setSelected(option);
        form.setFieldValue('organizationId', id);
      }}
      error={form.errors.organizationId}
      {...props}
    />
  );
}

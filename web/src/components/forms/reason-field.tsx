import { Textarea, type TextareaProps } from '@mantine/core';

export type ReasonFieldProps = Omit<TextareaProps, 'label' | 'description' | 'required' | 'autosize' | 'minRows'> & {
  label: string;
  hint: string;
};

/** A required free-text reason the audit log keeps (an export's purpose, a suppression's note): two rows that grow. */
export function ReasonField({ label, hint, ...props }: ReasonFieldProps) {
  return <Textarea label={label} description={hint} required autosize minRows={2} {...props} />;
}

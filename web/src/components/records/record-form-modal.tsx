import { Modal, type ModalProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type ComponentType, Fragment } from 'react';
import { useTranslation } from 'react-i18next';

/** What every record form takes: the record it edits (null: a new one) and how to close its dialog. */
export type RecordFormProps<T> = { editing: T | null; onClose: () => void };

type Options = { title: (t: TFunction) => { add: string; edit: string }; size?: ModalProps['size'] };

/**
 * A record form in its dialog (person, organisation, affiliation, office, relation, contact point): the dialog takes
 * `target` — `'new'` opens the form for a new record, a record the form that edits it, null closes — and the form's
 * other props; the form is mounted afresh for each target.
 */
export function recordFormModal<P extends RecordFormProps<{ id: number }>>(Form: ComponentType<P>, options: Options) {
  type T = NonNullable<P['editing']>;
  return function RecordFormModal({ target, ...props }: Omit<P, 'editing'> & { target: T | 'new' | null }) {
    const { t } = useTranslation();
    const { onClose } = props as unknown as P;
    const editing = target !== null && target !== 'new' ? target : null;
    const title = options.title(t);
    return (
      <Modal opened={target !== null} onClose={onClose} title={editing ? title.edit : title.add} size={options.size}>
        {target !== null && (
          <Fragment key={editing?.id ?? 'new'}>
            <Form {...(props as unknown as P)} editing={editing} />
          </Fragment>
        )}
      </Modal>
    );
  };
}

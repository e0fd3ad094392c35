import { Modal, type ModalProps } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

type Props<T extends { id: number }> = {
  /** `'new'` opens the form for a new record, a record the form that edits it, null closes. */
  target: T | 'new' | null;
  onClose: () => void;
  title: { add: string; edit: string };
  size?: ModalProps['size'];
  /** The form for the record it edits (null: a new one); mounted afresh for each target. */
  children: (editing: T | null) => ReactNode;
};

/** The dialog around every add/edit form of a record (person, organisation, affiliation, office, relation, …). */
export function RecordFormModal<T extends { id: number }>({ target, onClose, title, size, children }: Props<T>) {
  const editing = target !== null && target !== 'new' ? target : null;
  return (
    <Modal opened={target !== null} onClose={onClose} title={editing ? title.edit : title.add} size={size}>
      {target !== null && <Fragment key={editing?.id ?? 'new'}>{children(editing)}</Fragment>}
    </Modal>
  );
}

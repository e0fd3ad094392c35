import type { MailDropTarget } from '@anett/shared/schemas/mail-import';
import { MailDropZone } from '../../features/interactions/mail-drop.tsx';
import { PersonFormModal } from '../../features/persons/person-form-modal.tsx';

/** The contact log's e-mail drop, able to create a person for an unknown sender with the persons feature's form. */
export function MailDrop({ target }: { target: MailDropTarget }) {
  return <MailDropZone target={target} personForm={PersonFormModal} />;
}

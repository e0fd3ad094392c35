import { fieldError } from '../../lib/errors.ts';
import type { TagsRepository } from './tags.repository.ts';

/** Refuses tag ids that do not exist, naming the field: persons and organisations carry tags the same way. */
export function assertKnownTags(tags: TagsRepository, ids: number[] | undefined) {
  const unknown = tags.unknownTagIds(ids ?? []);
  if (unknown.length) throw fieldError('tagIds', `unbekannte Schlagwörter: ${unknown.join(', ')}`);
}

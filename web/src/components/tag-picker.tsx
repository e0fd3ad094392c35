import { foldText } from '@anett/shared/normalize';
import type { Tag } from '@anett/shared/schemas/tag';
import { TAG_COLORS } from '@anett/shared/vocab/enums';
import {
  Badge,
  Button,
  CheckIcon,
  ColorSwatch,
  Group,
  Modal,
  MultiSelect,
  type MultiSelectProps,
  Pill,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client.ts';
import { errorMessage } from '../lib/error-message.ts';
import { tagListOptions, useCreateTag } from '../lib/reference-data.ts';

const CREATE = '__create__';
type TagColor = (typeof TAG_COLORS)[number];

/** A tag as a coloured badge (lists, detail pages). */
export function TagBadge({ tag, size = 'sm' }: { tag: { name: string; color: string }; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge
      color={tag.color}
      variant="light"
      radius="sm"
      size={size}
      tt="none"
      styles={{ root: { minWidth: 'max-content' } }}
    >
      {tag.name}
    </Badge>
  );
}

type CreateProps = { name: string | null; onClose: () => void; onCreated: (tag: Tag) => void };

/** Small dialog: name and colour of a new tag. */
function CreateTagModal({ name, onClose, onCreated }: CreateProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={name !== null} onClose={onClose} title={t('tags.createTitle')} size="sm">
      {name !== null && <CreateTagForm key={name} initialName={name} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateTagForm({
  initialName,
  onClose,
  onCreated,
}: {
  initialName: string;
  onClose: () => void;
  onCreated: (tag: Tag) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateTag();
  const [value, setValue] = useState(initialName);
  const [color, setColor] = useState<TagColor>('blue');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The picker's own form (if any) must not submit too.
    e.stopPropagation();
    create.mutate({ name: value.trim(), color }, { onSuccess: onCreated });
  };
  const nameError =
    isApiError(create.error) && (create.error.fieldErrors.name || create.error.code === 'TAG_NAME_TAKEN')
      ? t('tags.nameTaken')
      : create.error
        ? errorMessage(t, create.error)
        : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('tags.name')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          required
          maxLength={60}
          data-autofocus
          error={nameError}
        />
        <div role="radiogroup" aria-label={t('tags.color')}>
          <Text size="sm" fw={500} mb={6}>
            {t('tags.color')}
          </Text>
          <Group gap={6}>
            {TAG_COLORS.map((c) => (
              <UnstyledButton
                key={c}
                role="radio"
                aria-checked={color === c}
                aria-label={t(`tags.colors.${c}`)}
                onClick={() => setColor(c)}
                style={{ borderRadius: '50%' }}
              >
                <ColorSwatch color={`var(--mantine-color-${c}-6)`} size={26} c="white">
                  {color === c && <CheckIcon size={12} />}
                </ColorSwatch>
              </UnstyledButton>
            ))}
          </Group>
        </div>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('tags.preview')}:
          </Text>
          <TagBadge tag={{ name: value.trim() || t('tags.name'), color }} size="md" />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!value.trim()}>
            {t('tags.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Tag ids in words ("Zulieferer, Förderung") for a form's conflict panel; an unknown id as `#id`. */
export function useTagNames() {
  const tags = useQuery(tagListOptions());
  return (ids: number[]) => ids.map((id) => tags.data?.find((tag) => tag.id === id)?.name ?? `#${id}`).join(', ');
}

type PickerProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: number[];
  onChange: (ids: number[]) => void;
  /** Offer "create tag …" for a name that does not exist (needs the manager role). */
  creatable?: boolean;
};

/** Multi-select of tags with coloured pills; optionally creates a missing tag inline (name + colour). */
export function TagPicker({ value, onChange, creatable = false, ...props }: PickerProps) {
  const { t } = useTranslation();
  const tags = useQuery(tagListOptions());
  const [search, setSearch] = useState('');
  const [toCreate, setToCreate] = useState<string | null>(null);
  const byId = new Map((tags.data ?? []).map((tag) => [String(tag.id), tag]));
  const typed = search.trim();
  const exists = (tags.data ?? []).some((tag) => foldText(tag.name) === foldText(typed));
  const data = [
    ...(tags.data ?? []).map((tag) => ({ value: String(tag.id), label: tag.name })),
    ...(creatable && typed && !exists ? [{ value: CREATE, label: t('tags.createOption', { name: typed }) }] : []),
  ];

  return (
    <>
      <MultiSelect
        data={data}
        value={value.map(String)}
        onChange={(v) => {
          if (v.includes(CREATE)) {
            setToCreate(typed);
            return;
          }
          onChange(v.map(Number));
        }}
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage={t('tags.nothingFound')}
        filter={({ options, search: s }) =>
          options.filter((o) => 'value' in o && (o.value === CREATE || foldText(o.label).includes(foldText(s))))
        }
        renderOption={({ option }) => {
          const tag = byId.get(option.value);
          return tag ? (
            <TagBadge tag={tag} />
          ) : (
            <Text size="sm" c="anett.8" fw={500}>
              + {option.label}
            </Text>
          );
        }}
        renderPill={({ option, onRemove, disabled }) => {
          const tag = option && byId.get(String(option.value));
          return (
            <Pill
              key={String(option?.value)}
              withRemoveButton={!disabled}
              onRemove={onRemove}
              bg={tag ? `var(--mantine-color-${tag.color}-light)` : undefined}
              c={tag ? `var(--mantine-color-${tag.color}-light-color)` : undefined}
              removeButtonProps={{ 'aria-label': t('tags.remove', { name: option?.label ?? '' }) }}
            >
              {option?.label}
            </Pill>
          );
        }}
        {...props}
      />
      {creatable && (
        <CreateTagModal
          name={toCreate}
          onClose={() => setToCreate(null)}
          onCreated={(tag) => {
            setToCreate(null);
            setSearch('');
            onChange([...value, tag.id]);
          }}
        />
      )}
    </>
  );
}

import { consents } from '@anett/shared/routes/consent';
import { buildPath } from '@anett/shared/routes/define';
import { exports } from '@anett/shared/routes/export';
import { privacy } from '@anett/shared/routes/privacy';
import type { ConsentInput, SuppressionInput, SuppressionListQuery } from '@anett/shared/schemas/consent';
import type { ExportExcludedQueryInput } from '@anett/shared/schemas/export';
import type { EraseBody } from '@anett/shared/schemas/privacy';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { exportKeys, invalidatePerson, personKeys, privacyKeys } from '../../lib/query-keys.ts';

export const consentLedgerOptions = (personId: number) =>
  queryOptions({
    queryKey: privacyKeys.consents(personId),
    queryFn: ({ signal }) => call(consents.list, { params: { id: personId }, signal }),
  });

/** Appends a ledger entry; the person's state, lists and export counts change with it. */
export function useRecordConsent(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsentInput) => call(consents.create, { params: { id: personId }, body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: privacyKeys.consents(personId) }),
        queryClient.invalidateQueries({ queryKey: personKeys.detail(personId) }),
        queryClient.invalidateQueries({ queryKey: personKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: exportKeys.all }),
        queryClient.invalidateQueries({ queryKey: [...privacyKeys.all, 'suppressions'] }),
      ]),
  });
}

/** Everything stored about the person (Art. 15) as a JSON file. */
export const downloadPrivacyExport = (personId: number, fileName: string) =>
  downloadFile(buildPath(privacy.export.path, { id: personId }), { fileName });

export const exportExcludedOptions = (params: ExportExcludedQueryInput) =>
  queryOptions({
    queryKey: privacyKeys.excluded(params),
    queryFn: ({ signal }) => call(exports.excluded, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

export const suppressionListOptions = (query: SuppressionListQuery) =>
  queryOptions({
    queryKey: privacyKeys.suppressions(query),
    queryFn: ({ signal }) => call(consents.suppressions, { query, signal }),
    placeholderData: keepPreviousData,
  });

export function useAddSuppression() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SuppressionInput) => call(consents.addSuppression, { body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...privacyKeys.all, 'suppressions'] }),
        queryClient.invalidateQueries({ queryKey: exportKeys.all }),
      ]),
  });
}

export function useRemoveSuppression() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ hash, note }: { hash: string; note: string }) =>
      call(consents.removeSuppression, { params: { hash }, body: { note } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...privacyKeys.all, 'suppressions'] }),
        queryClient.invalidateQueries({ queryKey: exportKeys.all }),
      ]),
  });
}

export const inactiveOptions = (query: { months: number; page: number; pageSize: number }) =>
  queryOptions({
    queryKey: privacyKeys.inactive(query),
    queryFn: ({ signal }) => call(privacy.inactive, { query, signal }),
    placeholderData: keepPreviousData,
  });

/** What an erasure will touch and the unlinked contact-log entries that name the person (admin). */
export const erasurePreviewOptions = (personId: number) =>
  queryOptions({
    queryKey: privacyKeys.erasurePreview(personId),
    queryFn: ({ signal }) => call(privacy.erasurePreview, { params: { id: personId }, signal }),
    staleTime: 0,
    gcTime: 0,
  });

/** GDPR erasure (Art. 17) with the version the admin saw and the picked unlinked entries. */
export function useErasePerson(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: EraseBody }) =>
      call(privacy.erase, { params: { id: personId }, body, ifMatch: version }),
    onSettled: () => invalidatePerson(queryClient, personId),
  });
}

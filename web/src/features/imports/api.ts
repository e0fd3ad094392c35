import { imports } from '@anett/shared/routes/import';
import type { ImportBody } from '@anett/shared/schemas/import';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { dashboardKeys, organizationKeys, personKeys } from '../../lib/query-keys.ts';

/** Reads the file and checks every row; writes nothing (but remembers the mapping). */
export function usePreviewImport() {
  return useMutation({
    mutationFn: (body: ImportBody) => call(imports.preview, { body }),
  });
}

/** Writes all rows or none; a 422 carries the row report (`data`). */
export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportBody) => call(imports.commit, { body }),
    // Persons and organisations (a person import creates organisations) may have changed anywhere.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: personKeys.all }),
        queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]),
  });
}

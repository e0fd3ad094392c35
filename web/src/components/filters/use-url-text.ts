import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

/**
 * A search input bound to a URL parameter: the input updates at once, the URL (and so the query) follows after a
 * short pause. Each side reacts only to its own changes, so the back button (URL first) and typing (input first) do
 * not undo each other.
 */
export function useUrlText(urlValue: string, commit: (value: string | undefined) => void) {
  const [text, setText] = useState(urlValue);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const latest = useRef({ urlValue, debounced, commit });
  latest.current = { urlValue, debounced, commit };
  useEffect(() => {
    if (debounced !== latest.current.urlValue) latest.current.commit(debounced || undefined);
  }, [debounced]);
  useEffect(() => {
    if (urlValue !== latest.current.debounced) setText(urlValue);
  }, [urlValue]);
  const clear = () => {
    setText('');
    latest.current.commit(undefined);
  };
  return { text, setText, clear };
}

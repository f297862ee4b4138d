import { useState } from 'react';

export const PAGE_SIZE = 20;

/** The API's largest page: pickers show this many, and reach the rest by searching or showing more. */
export const MAX_PAGE_SIZE = 100;

export type CursorPages = ReturnType<typeof useCursorPages>;

/** Cursor paging forwards and back: remembers the cursor each page started from; a new resetKey starts over. */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next(endCursor: string | null | undefined) {
      if (endCursor) setState({ key: resetKey, cursors: [...cursors, endCursor] });
    },
    previous() {
      if (cursors.length > 1) setState({ key: resetKey, cursors: cursors.slice(0, -1) });
    },
  };
}

import { useState } from 'react';

export const PAGE_SIZE = 20;

/** The API's largest page: pickers show this many, and reach the rest by searching or showing more. */
export const MAX_PAGE_SIZE = 100;

export type CursorPages = ReturnType<typeof useCursorPages>;

/**
 * The cursors after moving to the page that starts after `endCursor`. While the next page
 * loads, the list still holds the last one, whose endCursor is the one just used: a second
 * press then would show the page being loaded again as the one after it, so it is ignored.
 */
export function nextPage(cursors: (string | null)[], endCursor: string | null | undefined): (string | null)[] {
  if (!endCursor || cursors.includes(endCursor)) return cursors;
  return [...cursors, endCursor];
}

/** Cursor paging forwards and back: remembers the cursor each page started from; a new resetKey starts over. */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next(endCursor: string | null | undefined) {
      const moved = nextPage(cursors, endCursor);
      if (moved !== cursors) setState({ key: resetKey, cursors: moved });
    },
    previous() {
      if (cursors.length > 1) setState({ key: resetKey, cursors: cursors.slice(0, -1) });
    },
  };
}

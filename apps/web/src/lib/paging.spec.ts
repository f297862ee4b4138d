import { nextPage } from './paging';

describe('cursor pages', () => {
  it('moves to the page after the end cursor of the page shown', () => {
    expect(nextPage([null], 'a')).toEqual([null, 'a']);
    expect(nextPage([null, 'a'], 'b')).toEqual([null, 'a', 'b']);
  });

  it('ignores a second Next pressed while the next page loads (the end cursor just used)', () => {
    const cursors = [null, 'a'];
    expect(nextPage(cursors, 'a')).toBe(cursors);
  });

  it('stays put without an end cursor', () => {
    const cursors = [null];
    expect(nextPage(cursors, null)).toBe(cursors);
    expect(nextPage(cursors, undefined)).toBe(cursors);
  });
});

import { changedFields } from './changes';

describe('changed form fields', () => {
  it('keeps only the fields whose value differs from the loaded one, lists and nulls included', () => {
    const loaded = { title: 'A', body: 'B', mediaUrl: null as string | null, options: [{ text: 'x', correct: true }] };
    expect(changedFields(loaded, { ...loaded })).toEqual({});
    expect(changedFields(loaded, { ...loaded, body: 'C', mediaUrl: 'https://example.com' })).toEqual({
      body: 'C',
      mediaUrl: 'https://example.com',
    });
    expect(changedFields(loaded, { ...loaded, options: [{ text: 'x', correct: false }] })).toEqual({
      options: [{ text: 'x', correct: false }],
    });
    expect(changedFields({ ...loaded, mediaUrl: 'https://example.com' }, loaded)).toEqual({ mediaUrl: null });
  });
});

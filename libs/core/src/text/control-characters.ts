// Line breaks, tabs, NUL…: never part of a name, often the mark of a binary file pasted in.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Whether a one-line text (a name, a title) holds a control character, which no such text may. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

let sequence = 0;

/** Unique numbers for codes and emails within a test file. */
export function nextSequence(): number {
  sequence += 1;
  return sequence;
}

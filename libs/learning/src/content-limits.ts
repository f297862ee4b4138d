/**
 * Sizes shared by the API's input validation, the curriculum loader and the columns, so
 * every way content enters is held to the same limits.
 */
export const CONTENT_LIMITS = {
  codeLength: 40,
  titleLength: 200,
  summaryLength: 2000,
  categoryLength: 40,
  maxEstimatedMinutes: 1000,
  /** A lesson of several thousand words is ~30 000 characters; more belongs in several lessons. */
  lessonBodyLength: 50_000,
  mediaUrlLength: 2048,
  promptLength: 1000,
  explanationLength: 2000,
  optionTextLength: 500,
  maxOptionsPerQuestion: 10,
  maxLessonsPerVersion: 100,
  maxQuestionsPerVersion: 500,
  maxAttempts: 20,
  maxTimeLimitMinutes: 600,
  maxQuestionsPerAttempt: 100,
} as const;

/** Course codes: letters, digits, `_` and `-`, e.g. LP-BASICS; unique regardless of case. */
export const COURSE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** Media links must be web addresses a learner's browser can open. */
export function isMediaUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

import { getMetadataArgsStorage } from 'typeorm';
import { SnakeNamingStrategy } from '@lp/core';
import { QuizAttemptEntity } from '../entities';
import { type AttemptRow, attemptColumns, attemptFromRow } from './quiz-attempt-row';

// The hand-written read must follow the entity: a column added to one and not the other would go missing silently.
describe('attemptColumns / attemptFromRow', () => {
  const naming = new SnakeNamingStrategy();
  const columns = getMetadataArgsStorage()
    .filterColumns(QuizAttemptEntity)
    .map((c) => ({ property: c.propertyName, column: naming.columnName(c.propertyName, c.options.name, []) }));

  it('selects every column of the entity', () => {
    const selected = [...attemptColumns('qa').matchAll(/qa\.(\w+) AS qa_(\w+)/g)].map(([, column, as]) => {
      expect(as).toBe(column);
      return column;
    });
    expect(selected.sort()).toEqual(columns.map((c) => c.column).sort());
  });

  it('maps a row to every property, with DECIMAL and tinyint booleans converted', () => {
    const row: AttemptRow = {
      qa_id: 7,
      qa_assignment_id: 3,
      qa_course_version_id: 2,
      qa_number: 1,
      qa_started_at: new Date('2026-01-01T10:00:00.000Z'),
      qa_expires_at: null,
      qa_submitted_at: new Date('2026-01-01T10:05:00.000Z'),
      qa_question_count: 3,
      qa_correct_count: 2,
      qa_score_percent: '66.67',
      qa_passed: 0,
    };
    const attempt = attemptFromRow(row);
    expect(attempt).toBeInstanceOf(QuizAttemptEntity);
    expect(Object.keys(attempt).sort()).toEqual(columns.map((c) => c.property).sort());
    expect(attempt).toMatchObject({ scorePercent: 66.67, passed: false, expiresAt: null });
    expect(attemptFromRow({ ...row, qa_score_percent: null, qa_passed: null })).toMatchObject({
      scorePercent: null,
      passed: null,
    });
  });
});

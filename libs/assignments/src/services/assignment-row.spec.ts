import { getMetadataArgsStorage } from 'typeorm';
import { SnakeNamingStrategy } from '@lp/core';
import { AssignmentReason, AssignmentStatus } from '../assignment-status';
import { AssignmentEntity } from '../entities';
import { type AssignmentRow, assignmentColumns, assignmentFromRow } from './assignment-row';

// The hand-written read must follow the entity: a column added to one and not the other would go missing silently.
describe('assignmentColumns / assignmentFromRow', () => {
  const naming = new SnakeNamingStrategy();
  const columns = getMetadataArgsStorage()
    .filterColumns(AssignmentEntity)
    .map((c) => ({ property: c.propertyName, column: naming.columnName(c.propertyName, c.options.name, []) }));

  it('selects every column of the entity', () => {
    const selected = [...assignmentColumns('a').matchAll(/a\.(\w+) AS a_(\w+)/g)].map(([, column, as]) => {
      expect(as).toBe(column);
      return column;
    });
    expect(selected.sort()).toEqual(columns.map((c) => c.column).sort());
  });

  it('maps a row to every property', () => {
    const at = new Date('2026-01-01T10:00:00.000Z');
    const row: AssignmentRow = {
      a_id: 1,
      a_employee_id: 2,
      a_course_id: 3,
      a_course_version_id: null,
      a_due_at: at,
      a_status: AssignmentStatus.ASSIGNED,
      a_reason: AssignmentReason.MANUAL,
      a_open_key: 3,
      a_completed_at: null,
      a_cancelled_at: null,
      a_program_id: null,
      a_assigned_by_id: 9,
      a_created_at: at,
      a_updated_at: at,
    };
    const assignment = assignmentFromRow(row);
    expect(assignment).toBeInstanceOf(AssignmentEntity);
    expect(Object.keys(assignment).sort()).toEqual(columns.map((c) => c.property).sort());
    expect(assignment).toMatchObject({ id: 1, employeeId: 2, courseVersionId: null, assignedById: 9, dueAt: at });
  });
});

import { EntityRows } from '@lp/core';
import { AssignmentEntity } from '../entities';

/** Assignments read by hand-written SQL (the learner's paths lock one on every request), columns prefixed `a_`. */
export const assignmentRows = new EntityRows(AssignmentEntity, 'a_');

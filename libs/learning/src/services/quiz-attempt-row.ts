import { EntityRows } from '@lp/core';
import { QuizAttemptEntity } from '../entities';

/** Quiz attempts read by hand-written SQL on the quiz's hot paths, columns prefixed `qa_`. */
export const attemptRows = new EntityRows(QuizAttemptEntity, 'qa_');

import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CONTENT_LIMITS } from '../content-limits';
import { QuestionEntity } from './question.entity';

@Entity('question_options')
@Unique('uq_question_options_position', ['questionId', 'position'])
export class QuestionOptionEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'int', unsigned: true })
  questionId!: number;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: QuestionEntity;

  @Column({ type: 'tinyint', unsigned: true })
  position!: number;

  @Column({ type: 'varchar', length: CONTENT_LIMITS.optionTextLength })
  text!: string;

  /** The answer key: read by grading on the server and by admins, never sent to a learner. */
  @Column({ type: 'boolean' })
  correct!: boolean;
}

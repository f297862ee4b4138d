import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { QuestionEntity } from './question.entity';
import { QuizAttemptEntity } from './quiz-attempt.entity';

/** A question drawn for an attempt, in the order shown, with the option order shown and the answer given. */
@Entity('quiz_attempt_questions')
@Unique('uq_quiz_attempt_questions_question', ['attemptId', 'questionId'])
export class QuizAttemptQuestionEntity {
  @PrimaryColumn({ type: 'int', unsigned: true })
  attemptId!: number;

  /** From 1, as shown to the learner. */
  @PrimaryColumn({ type: 'tinyint', unsigned: true })
  position!: number;

  @ManyToOne(() => QuizAttemptEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: QuizAttemptEntity;

  @Index()
  @Column({ type: 'int', unsigned: true })
  questionId!: number;

  @ManyToOne(() => QuestionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'question_id' })
  question?: QuestionEntity;

  /** Option ids in the order shown. */
  @Column({ type: 'json' })
  optionOrder!: number[];

  /** Null until submitted (or when left unanswered). */
  @Column({ type: 'json', nullable: true })
  selectedOptionIds!: number[] | null;

  @Column({ type: 'boolean', nullable: true })
  answeredCorrectly!: boolean | null;
}

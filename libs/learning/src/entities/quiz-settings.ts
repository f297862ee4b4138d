import { Column } from 'typeorm';

/** How a version's quiz is run; stored with the version so a published quiz cannot change. */
export class QuizSettings {
  @Column({ type: 'tinyint', unsigned: true, default: 80 })
  passingScorePercent!: number;

  @Column({ type: 'tinyint', unsigned: true, default: 3 })
  maxAttempts!: number;

  /** Null: no time limit. */
  @Column({ type: 'smallint', unsigned: true, nullable: true })
  timeLimitMinutes!: number | null;

  @Column({ type: 'smallint', unsigned: true, default: 10 })
  questionsPerAttempt!: number;

  /** Shuffle the drawn questions and their options for each attempt. */
  @Column({ type: 'boolean', default: true })
  shuffle!: boolean;
}

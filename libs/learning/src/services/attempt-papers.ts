import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { QuestionEntity, QuestionOptionEntity, type QuestionType, QuizAttemptQuestionEntity } from '../entities';
import type { AttemptQuestionKey } from '../rules/quiz-answers';

/** A drawn question as the learner sees it: no answer key, no explanation. */
export interface PaperQuestion {
  id: number;
  type: QuestionType;
  prompt: string;
  options: { id: number; text: string }[];
}

/** The questions drawn for an attempt, read back in the order they were shown. */
export interface AttemptPaper {
  questions: PaperQuestion[];
  keys: AttemptQuestionKey[];
  explanations: Map<number, string>;
}

@Injectable()
export class AttemptPapers {
  async load(manager: EntityManager, attemptId: number): Promise<AttemptPaper> {
    const drawn = await manager.find(QuizAttemptQuestionEntity, { where: { attemptId }, order: { position: 'ASC' } });
    const questionIds = drawn.map((d) => d.questionId);
    if (questionIds.length === 0) return { questions: [], keys: [], explanations: new Map() };
    const questions = new Map((await manager.findBy(QuestionEntity, { id: In(questionIds) })).map((q) => [q.id, q]));
    const options = new Map(
      (await manager.findBy(QuestionOptionEntity, { questionId: In(questionIds) })).map((o) => [o.id, o]),
    );
    const paper: AttemptPaper = { questions: [], keys: [], explanations: new Map() };
    for (const { questionId, optionOrder } of drawn) {
      const question = questions.get(questionId)!;
      const shown = optionOrder.map((id) => options.get(id)!);
      paper.questions.push({
        id: question.id,
        type: question.type,
        prompt: question.prompt,
        options: shown.map((o) => ({ id: o.id, text: o.text })),
      });
      paper.keys.push({
        questionId,
        type: question.type,
        optionIds: optionOrder,
        correctOptionIds: shown.filter((o) => o.correct).map((o) => o.id),
      });
      paper.explanations.set(questionId, question.explanation);
    }
    return paper;
  }
}

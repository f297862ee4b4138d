import type autocannon from 'autocannon';
import type { BenchContext, Scenario } from '../lib/context';
import { graphqlRequest } from '../lib/load';
import { GraphqlErrorCounter, compare, measure } from '../lib/measure';
import { rateRow } from '../lib/results';
import { type QuizSeat, quizSeats } from './learners';
import { TYPENAME } from './stack.scenario';

const START = `mutation StartQuiz($assignmentId: ID!) {
  startQuizAttempt(assignmentId: $assignmentId) { id questions { id options { id } } }
}`;
const SUBMIT = `mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuizAttempt(attemptId: $attemptId, answers: $answers) { passed scorePercent attemptsRemaining }
}`;

interface Started {
  id: string;
  questions: { id: string; options: { id: string }[] }[];
}

interface Round {
  seat?: Seat;
  attempt?: Started;
}

interface Seat extends QuizSeat {
  token: string;
}

/** Hands out seats round-robin; a seat leaves once its attempts are used or it passed. */
class SeatPool {
  private index = 0;

  constructor(private readonly seats: Seat[]) {}

  take(): Seat | undefined {
    for (let tries = 0; tries < this.seats.length; tries++) {
      const seat = this.seats[this.index++ % this.seats.length];
      if (seat.attemptsLeft > 0) {
        seat.attemptsLeft -= 1;
        return seat;
      }
    }
    return undefined;
  }
}

function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

/**
 * 2: a learner starts a quiz attempt and submits it (first option of every question), on
 * many assignments at once, vs two `{ __typename }` requests through the same API.
 */
export const quizScenario: Scenario = {
  name: '2 quiz start + submit vs { __typename }',
  target: 0.3,
  nextStep: 'run npm run bench:data again: each run uses up quiz attempts of the generated assignments',
  async run(context: BenchContext) {
    const api = await context.servers.get('api');
    const seats = (await quizSeats(context.dataSource, 20_000)).map((s) => ({
      ...s,
      token: context.tokenFor(s.employeeId),
    }));
    if (seats.length === 0) throw new Error('no assignment is ready for its quiz');
    const pool = new SeatPool(seats);
    const errors = new GraphqlErrorCounter();
    let exhausted = 0;
    const requests: autocannon.Request[] = [
      {
        ...graphqlRequest(START),
        setupRequest: (request, context) => {
          const round = context as Round;
          round.seat = pool.take();
          round.attempt = undefined;
          if (!round.seat) exhausted += 1;
          const seat = round.seat ?? seats[0];
          return {
            ...request,
            headers: { ...request.headers, authorization: `Bearer ${seat.token}` },
            body: body(START, { assignmentId: String(seat.assignmentId) }),
          };
        },
        onResponse: (_status, text, context) => {
          const data = errors.check(text) as { startQuizAttempt: Started } | undefined;
          (context as Round).attempt = data?.startQuizAttempt;
        },
      },
      {
        ...graphqlRequest(SUBMIT),
        setupRequest: (request, context) => {
          const { seat, attempt } = context as Round;
          const answers = (attempt?.questions ?? []).map((q) => ({ questionId: q.id, optionIds: [q.options[0].id] }));
          return {
            ...request,
            headers: { ...request.headers, authorization: `Bearer ${(seat ?? seats[0]).token}` },
            body: body(SUBMIT, { attemptId: attempt?.id ?? '0', answers }),
          };
        },
        onResponse: (_status, text, context) => {
          const data = errors.check(text) as { submitQuizAttempt: { passed: boolean } } | undefined;
          const { seat } = context as Round;
          if (data?.submitQuizAttempt.passed && seat) seat.attemptsLeft = 0;
        },
      },
    ];
    const typename = graphqlRequest(TYPENAME, { authorization: `Bearer ${seats[0].token}` });
    const { ours, baseline } = await compare(
      context,
      () => measure(context, api.url, [typename, typename]),
      () => measure(context, api.url, requests),
    );
    const problems = [errors.describe(ours.total), exhausted ? `${exhausted} rounds found no seat left` : undefined]
      .filter(Boolean)
      .join('; ');
    const row = rateRow(
      this.name,
      'req/s',
      ours.requestsPerSecond,
      baseline.requestsPerSecond,
      this.target!,
      `${seats.length} assignments ready; p95 ${ours.p95Ms} ms vs ${baseline.p95Ms} ms` +
        (problems ? `; ${problems}` : ''),
    );
    return [{ ...row, pass: row.pass === true && !problems }];
  },
};

import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { QuizResultFieldsFragment, StartQuizMutation } from '../../gql/graphql';
import { Button, ButtonLink } from '../../ui/Button';
import { Alert, ErrorAlert, Spinner } from '../../ui/Feedback';
import { Card, PageHeader } from '../../ui/Layout';
import { errorCode, messageFor } from '../../lib/errors';
import { MyAssignmentsDocument } from './assignments';
import { type Answers, forgetAnswers, keepAnswers, restoreAnswers } from './quizAnswers';
import { QuizResultView } from './QuizResultView';
import { QuizTimer } from './QuizTimer';

const StartQuizDocument = graphql(`
  mutation StartQuiz($assignmentId: ID!) {
    startQuizAttempt(assignmentId: $assignmentId) {
      id
      number
      secondsRemaining
      attemptsRemaining
      questions {
        id
        type
        prompt
        options {
          id
          text
        }
      }
    }
  }
`);

// Named for codegen; the submit and the reading again of a result both spread it.
graphql(`
  fragment QuizResultFields on QuizResult {
    scorePercent
    passed
    correctCount
    questionCount
    attemptsRemaining
    assignment {
      id
      status
      progressPercent
      completedAt
    }
    certification {
      id
      certificateNumber
      verificationCode
      expiresOn
      program {
        id
        name
      }
    }
    review {
      questionId
      prompt
      answeredCorrectly
      explanation
      selectedOptionIds
    }
  }
`);

const SubmitQuizDocument = graphql(`
  mutation SubmitQuiz($attemptId: ID!, $answers: [QuizAnswerInput!]!) {
    submitQuizAttempt(attemptId: $attemptId, answers: $answers) {
      ...QuizResultFields
    }
  }
`);

const QuizAttemptResultDocument = graphql(`
  query QuizAttemptResult($attemptId: ID!) {
    quizAttemptResult(attemptId: $attemptId) {
      ...QuizResultFields
    }
  }
`);

export type Attempt = StartQuizMutation['startQuizAttempt'];
export type QuizResult = QuizResultFieldsFragment;
type Mode = 'one' | 'all';
const MODE_KEY = 'lp-academy.quiz-mode';

const questionElementId = (questionId: string) => `question-${questionId}`;

function QuestionBlock({
  question,
  index,
  total,
  chosen,
  onChange,
}: {
  question: Attempt['questions'][number];
  index: number;
  total: number;
  chosen: string[];
  onChange: (optionIds: string[]) => void;
}) {
  const multiple = question.type === 'MULTIPLE_CHOICE';
  return (
    <fieldset className="card question" id={questionElementId(question.id)} tabIndex={-1}>
      <legend>
        <span className="muted small">
          Question {index + 1} of {total}
        </span>
        <br />
        {question.prompt}
      </legend>
      {multiple && <p className="small muted">Choose every answer that applies.</p>}
      {question.options.map((option) => (
        <label className="choice" key={option.id}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`question-${question.id}`}
            value={option.id}
            checked={chosen.includes(option.id)}
            onChange={(e) => {
              if (!multiple) onChange([option.id]);
              else onChange(e.target.checked ? [...chosen, option.id] : chosen.filter((id) => id !== option.id));
            }}
          />
          <span>{option.text}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Asks before submitting with questions left out; focus moves to it, as the button pressed is now behind it. */
function UnansweredWarning({
  unanswered,
  busy,
  onSubmit,
  onKeepAnswering,
}: {
  unanswered: number;
  busy: boolean;
  onSubmit: () => void;
  onKeepAnswering: () => void;
}) {
  const warning = useRef<HTMLDivElement>(null);
  useEffect(() => warning.current?.focus(), []);
  return (
    <div ref={warning} tabIndex={-1}>
      <Alert tone="warning" title={`${unanswered} question${unanswered > 1 ? 's' : ''} not answered`}>
        <p>Unanswered questions count as wrong. Submit anyway?</p>
        <div className="form-actions">
          <Button onClick={onSubmit} busy={busy}>
            Submit anyway
          </Button>
          <Button variant="secondary" onClick={onKeepAnswering}>
            Keep answering
          </Button>
        </div>
      </Alert>
    </div>
  );
}

/**
 * The attempt can no longer be submitted and has no result to show: past its time, or its
 * assignment cancelled. The course page says where things stand.
 */
function AttemptClosed({ reason, courseLink }: { reason: string; courseLink: string }) {
  // It replaces the questions and the button pressed: focus moves to the page's content, as on starting or submitting.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, []);
  return (
    <Alert tone="warning" title="This attempt is closed">
      <p>{reason}</p>
      <p>The course page shows whether you passed and how many attempts you have left.</p>
      <div className="form-actions">
        <ButtonLink to={courseLink}>Back to the course</ButtonLink>
      </div>
    </Alert>
  );
}

function TakeQuiz({
  attempt,
  courseLink,
  onSubmitted,
}: {
  attempt: Attempt;
  courseLink: string;
  onSubmitted: (result: QuizResult) => void;
}) {
  const [answers, setAnswers] = useState<Answers>(() => restoreAnswers(attempt));
  const [mode, setMode] = useState<Mode>(() => (localStorage.getItem(MODE_KEY) === 'all' ? 'all' : 'one'));
  const [current, setCurrent] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [submission, submit] = useMutation(SubmitQuizDocument);
  const client = useClient();
  const [closedBecause, setClosedBecause] = useState<string | null>(null);
  const submitted = useRef(false);
  const questions = attempt.questions;
  const unanswered = questions.filter((q) => !answers[q.id]?.length).length;

  const send = useCallback(async () => {
    if (submitted.current) return;
    submitted.current = true;
    const result = await submit({
      attemptId: attempt.id,
      answers: questions
        .filter((q) => answers[q.id]?.length)
        .map((q) => ({ questionId: q.id, optionIds: answers[q.id] })),
    });
    if (result.data) {
      forgetAnswers(attempt.id);
      onSubmitted(result.data.submitQuizAttempt);
    } else if (result.error && errorCode(result.error) === 'CONFLICT') {
      forgetAnswers(attempt.id);
      // Graded already, as when the first submit's answer was lost on a dropped connection: show that grade.
      const graded = await client
        .query(QuizAttemptResultDocument, { attemptId: attempt.id }, { requestPolicy: 'network-only' })
        .toPromise();
      if (graded.data) onSubmitted(graded.data.quizAttemptResult);
      else setClosedBecause(messageFor(result.error));
    } else submitted.current = false;
  }, [answers, attempt.id, client, onSubmitted, questions, submit]);

  function chooseMode(next: Mode) {
    setMode(next);
    localStorage.setItem(MODE_KEY, next);
  }

  // The question shown replaces the one answered and the button pressed may be gone: focus
  // goes to the question, whose legend a screen reader reads, and Tab goes on to its options.
  function go(index: number) {
    flushSync(() => setCurrent(index));
    document.getElementById(questionElementId(questions[index].id))?.focus();
  }

  function keepAnswering() {
    setConfirming(false);
    go(questions.findIndex((q) => !answers[q.id]?.length));
  }

  const answer = (questionId: string) => (optionIds: string[]) => {
    const next = { ...answers, [questionId]: optionIds };
    setAnswers(next);
    keepAnswers(attempt.id, next);
  };
  const visible = mode === 'all' ? questions.map((q, i) => [q, i] as const) : [[questions[current], current] as const];

  if (closedBecause) return <AttemptClosed reason={closedBecause} courseLink={courseLink} />;

  return (
    <>
      <div className="quiz-bar">
        <span className="small">
          {questions.length - unanswered} of {questions.length} answered
        </span>
        <div className="tabs" role="group" aria-label="Show questions" style={{ margin: 0, border: 0 }}>
          <button type="button" aria-pressed={mode === 'one'} onClick={() => chooseMode('one')}>
            One at a time
          </button>
          <button type="button" aria-pressed={mode === 'all'} onClick={() => chooseMode('all')}>
            All on one page
          </button>
        </div>
        {typeof attempt.secondsRemaining === 'number' ? (
          <QuizTimer secondsRemaining={attempt.secondsRemaining} onExpired={send} />
        ) : (
          <span className="small muted">No time limit</span>
        )}
      </div>
      {visible.map(([question, index]) => (
        <QuestionBlock
          key={question.id}
          question={question}
          index={index}
          total={questions.length}
          chosen={answers[question.id] ?? []}
          onChange={answer(question.id)}
        />
      ))}
      {submission.error && errorCode(submission.error) !== 'CONFLICT' && <ErrorAlert error={submission.error} />}
      {confirming && unanswered > 0 && (
        <UnansweredWarning
          unanswered={unanswered}
          busy={submission.fetching}
          onSubmit={send}
          onKeepAnswering={keepAnswering}
        />
      )}
      <div className="form-actions">
        {mode === 'one' && current > 0 && (
          <Button variant="secondary" onClick={() => go(current - 1)}>
            Previous
          </Button>
        )}
        {mode === 'one' && current < questions.length - 1 ? (
          <Button onClick={() => go(current + 1)}>Next question</Button>
        ) : (
          <Button onClick={() => (unanswered > 0 ? setConfirming(true) : send())} busy={submission.fetching}>
            Submit answers
          </Button>
        )}
      </div>
    </>
  );
}

export function QuizPage() {
  const { assignmentId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyAssignmentsDocument });
  const [start, startAttempt] = useMutation(StartQuizDocument);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [result, setResult] = useState<QuizResult | null>(null);
  const shown = useRef({ attempt, result });
  useEffect(() => {
    window.scrollTo(0, 0);
    // Starting, submitting and trying again replace the content under the button pressed: keyboard
    // and screen-reader users start again at the top of the new content, as after moving to a page.
    if (shown.current.attempt === attempt && shown.current.result === result) return;
    shown.current = { attempt, result };
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [attempt, result]);

  if (error) return <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Spinner />;
  const assignment = data?.myAssignments.find((a) => a.id === assignmentId);
  const back = { to: `/training/${assignmentId}`, label: assignment?.course.title ?? 'Course' };
  if (!assignment)
    return (
      <>
        <PageHeader title="Quiz not found" back={{ to: '/training', label: 'My training' }} />
        <Alert tone="warning">This course is not among your assignments.</Alert>
      </>
    );
  const title = `Quiz: ${assignment.course.title}`;

  if (result)
    return (
      <>
        <PageHeader title={`Result: ${assignment.course.title}`} back={{ to: '/training', label: 'My training' }} />
        <QuizResultView
          result={result}
          attempt={attempt}
          onRetry={() => {
            setResult(null);
            setAttempt(null);
          }}
        />
      </>
    );

  if (attempt)
    return (
      <>
        <PageHeader title={title} description={`Attempt ${attempt.number}`} />
        <TakeQuiz attempt={attempt} courseLink={back.to} onSubmitted={setResult} />
      </>
    );

  const quiz = assignment.courseVersion?.quiz;
  return (
    <>
      <PageHeader title={title} back={back} />
      <Card title="Before you start">
        {quiz && (
          <ul>
            <li>{quiz.questionsPerAttempt} questions</li>
            <li>Pass mark: {quiz.passingScorePercent}%</li>
            <li>
              {quiz.timeLimitMinutes
                ? `Time limit: ${quiz.timeLimitMinutes} minutes, from when you start`
                : 'No time limit'}
            </li>
            <li>
              {quiz.maxAttempts} attempt{quiz.maxAttempts > 1 ? 's' : ''} in all
            </li>
          </ul>
        )}
        <p className="muted">You see the explanations for every question once you submit.</p>
        {start.error && <ErrorAlert error={start.error} />}
        <div className="form-actions">
          <Button
            busy={start.fetching}
            onClick={async () => {
              const started = await startAttempt({ assignmentId });
              if (started.data) setAttempt(started.data.startQuizAttempt);
            }}
          >
            Start the quiz
          </Button>
          <ButtonLink variant="secondary" to={back.to}>
            Not now
          </ButtonLink>
        </div>
      </Card>
    </>
  );
}

import { formatDay, formatPercent } from '../../lib/format';
import { Button, ButtonLink } from '../../ui/Button';
import { Alert } from '../../ui/Feedback';
import { Card } from '../../ui/Layout';
import type { Attempt, QuizResult } from './QuizPage';

export function QuizResultView({
  result,
  attempt,
  onRetry,
}: {
  result: QuizResult;
  attempt: Attempt | null;
  onRetry: () => void;
}) {
  const optionText = new Map(attempt?.questions.flatMap((q) => q.options.map((o) => [o.id, o.text] as const)) ?? []);
  return (
    <>
      <Card>
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <div>
            <div className="score">{formatPercent(result.scorePercent)}</div>
            <p className="muted">
              {result.correctCount} of {result.questionCount} correct
            </p>
          </div>
          <div style={{ flex: '1 1 16rem' }}>
            {result.passed ? (
              <Alert tone="success" title="You passed">
                {result.certification
                  ? `Your certificate ${result.certification.certificateNumber} for ${result.certification.program.name} is valid until ${formatDay(result.certification.expiresOn)}.`
                  : 'The course is complete.'}
              </Alert>
            ) : (
              <Alert tone="error" title="Not passed this time">
                {result.attemptsRemaining > 0
                  ? `Read the explanations below, then try again. ${result.attemptsRemaining} attempt${result.attemptsRemaining > 1 ? 's' : ''} left.`
                  : 'You have no attempts left. To try again, ask your manager: they can cancel the course on your employee record, then assign it to you again.'}
              </Alert>
            )}
          </div>
        </div>
        <div className="form-actions">
          {result.certification && <ButtonLink to="/my-certificates">See my certificate</ButtonLink>}
          {!result.passed && result.attemptsRemaining > 0 && <Button onClick={onRetry}>Try again</Button>}
          <ButtonLink variant="secondary" to="/training">
            Back to my training
          </ButtonLink>
        </div>
      </Card>
      <section aria-labelledby="review-heading">
        <h2 id="review-heading">Your answers</h2>
        {result.review.map((item, index) => (
          <article key={item.questionId} className={`review-item ${item.answeredCorrectly ? 'right' : 'wrong'}`}>
            <h3>
              {index + 1}. {item.prompt}
            </h3>
            <p>
              <strong>{item.answeredCorrectly ? '✓ Correct' : '✗ Not correct'}</strong>
              {' · '}
              {item.selectedOptionIds.length === 0
                ? 'Not answered'
                : `Your answer: ${item.selectedOptionIds.map((id) => optionText.get(id) ?? 'an option').join('; ')}`}
            </p>
            <p className="muted">{item.explanation}</p>
          </article>
        ))}
      </section>
    </>
  );
}

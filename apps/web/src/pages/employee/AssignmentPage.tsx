import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { dueLabel, formatDate } from '../../lib/format';
import { useMe } from '../../lib/session';
import { ButtonLink } from '../../ui/Button';
import { Alert, ErrorAlert, Progress, Spinner, StatusBadge } from '../../ui/Feedback';
import { Card, PageHeader } from '../../ui/Layout';
import { MyAssignmentsDocument, OPEN_STATUSES } from './assignments';

export function AssignmentPage() {
  const { assignmentId } = useParams();
  // The learner's store's days, as their reminder emails and their manager give them.
  const timeZone = useMe().store.timezone;
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyAssignmentsDocument });
  if (error) return <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Spinner />;
  const assignment = data?.myAssignments.find((a) => a.id === assignmentId);
  if (!assignment)
    return (
      <>
        <PageHeader title="Course not found" back={{ to: '/training', label: 'My training' }} />
        <Alert tone="warning">This course is not among your assignments.</Alert>
      </>
    );
  const version = assignment.courseVersion;
  const lessons = [...(version?.lessons ?? [])].sort((a, b) => a.position - b.position);
  const done = new Set(assignment.completedLessonIds);
  const nextLesson = lessons.find((l) => !done.has(l.id));
  const open = OPEN_STATUSES.includes(assignment.status);
  const quiz = version?.quiz;
  return (
    <>
      <PageHeader
        title={assignment.course.title}
        description={assignment.course.summary}
        back={{ to: '/training', label: 'My training' }}
      />
      <div className="grid grid-3">
        <div className="stat">
          <span className="stat-label">Status</span>
          <StatusBadge status={assignment.status} />
        </div>
        <div className="stat">
          <span className="stat-label">Due</span>
          <strong>{formatDate(assignment.dueAt, timeZone)}</strong>
          {open && <div className="small muted">{dueLabel(assignment.dueAt, timeZone)}</div>}
        </div>
        <div className="stat">
          <span className="stat-label">Progress</span>
          <Progress percent={assignment.progressPercent} label="Course progress" />
          <span className="small">{assignment.progressPercent}%</span>
        </div>
      </div>
      <div style={{ marginTop: '1rem' }} />
      {!version ? (
        <Alert tone="info">This course has not been published yet. Check back soon.</Alert>
      ) : (
        <>
          <Card
            title="Lessons"
            actions={
              nextLesson && open ? (
                <ButtonLink to={`/training/${assignment.id}/lessons/${nextLesson.id}`} small>
                  {done.size ? 'Continue reading' : 'Start reading'}
                </ButtonLink>
              ) : undefined
            }
          >
            <ol className="lesson-list">
              {lessons.map((lesson) => (
                <li key={lesson.id}>
                  <span className={`lesson-check${done.has(lesson.id) ? ' done' : ''}`} aria-hidden="true">
                    {done.has(lesson.id) ? '✓' : lesson.position}
                  </span>
                  <Link to={`/training/${assignment.id}/lessons/${lesson.id}`}>{lesson.title}</Link>
                  <span className="visually-hidden">{done.has(lesson.id) ? '(done)' : '(not read yet)'}</span>
                </li>
              ))}
            </ol>
          </Card>
          <Card title="Quiz">
            {quiz && (
              <p>
                {quiz.questionsPerAttempt} questions · pass mark {quiz.passingScorePercent}% ·{' '}
                {quiz.timeLimitMinutes ? `${quiz.timeLimitMinutes} minutes` : 'no time limit'} · {quiz.maxAttempts}{' '}
                attempt{quiz.maxAttempts > 1 ? 's' : ''}
              </p>
            )}
            {assignment.status === 'COMPLETED' ? (
              <Alert tone="success">You passed this course on {formatDate(assignment.completedAt, timeZone)}.</Alert>
            ) : nextLesson ? (
              <p className="muted">Read every lesson to unlock the quiz.</p>
            ) : open ? (
              <ButtonLink to={`/training/${assignment.id}/quiz`}>Take the quiz</ButtonLink>
            ) : null}
          </Card>
        </>
      )}
    </>
  );
}

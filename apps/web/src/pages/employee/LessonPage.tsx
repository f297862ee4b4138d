import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { Button, ButtonLink } from '../../ui/Button';
import { Alert, ErrorAlert, Spinner } from '../../ui/Feedback';
import { PageHeader, useDocumentTitle } from '../../ui/Layout';
import { Markdown } from '../../ui/Markdown';
import { OPEN_STATUSES } from './assignments';

const LessonsDocument = graphql(`
  query MyLessons {
    myAssignments {
      id
      status
      completedLessonIds
      course {
        id
        title
      }
      courseVersion {
        id
        lessons {
          id
          title
          body
          mediaUrl
          position
        }
      }
    }
  }
`);

const CompleteLessonDocument = graphql(`
  mutation CompleteLesson($assignmentId: ID!, $lessonId: ID!) {
    completeLesson(assignmentId: $assignmentId, lessonId: $lessonId) {
      id
      status
      progressPercent
      completedLessonIds
    }
  }
`);

export function LessonPage() {
  const { assignmentId, lessonId } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: LessonsDocument });
  const [completion, complete] = useMutation(CompleteLessonDocument);
  useDocumentTitle(
    data?.myAssignments.flatMap((a) => a.courseVersion?.lessons ?? []).find((l) => l.id === lessonId)?.title ??
      'Lesson',
  );

  if (error) return <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Spinner />;
  const assignment = data?.myAssignments.find((a) => a.id === assignmentId);
  const lessons = [...(assignment?.courseVersion?.lessons ?? [])].sort((a, b) => a.position - b.position);
  const index = lessons.findIndex((l) => l.id === lessonId);
  const lesson = lessons[index];
  const back = { to: `/training/${assignmentId}`, label: assignment?.course.title ?? 'Course' };
  if (!assignment || !lesson)
    return (
      <>
        <PageHeader title="Lesson not found" back={back} />
        <Alert tone="warning">This lesson is not part of your course.</Alert>
      </>
    );
  const next = lessons[index + 1];
  const previous = lessons[index - 1];
  const done = assignment.completedLessonIds.includes(lesson.id);
  const canComplete = OPEN_STATUSES.includes(assignment.status);

  async function finish() {
    if (!done && canComplete) {
      const result = await complete({ assignmentId: assignment!.id, lessonId: lesson.id });
      if (result.error) return;
    }
    navigate(next ? `/training/${assignment!.id}/lessons/${next.id}` : `/training/${assignment!.id}`);
  }

  return (
    <>
      <nav className="breadcrumb no-print" aria-label="Breadcrumb">
        <Link to={back.to}>← {back.label}</Link>
      </nav>
      <p className="muted small" style={{ marginBottom: '0.25rem' }}>
        Lesson {index + 1} of {lessons.length}
      </p>
      <h1>{lesson.title}</h1>
      <article className="card reading">
        <Markdown>{lesson.body}</Markdown>
        {lesson.mediaUrl && (
          <p>
            <a href={lesson.mediaUrl} target="_blank" rel="noopener noreferrer">
              Open the lesson's video or document (new tab)
            </a>
          </p>
        )}
      </article>
      {completion.error && <ErrorAlert error={completion.error} />}
      <div className="form-actions">
        {previous && (
          <ButtonLink variant="secondary" to={`/training/${assignment.id}/lessons/${previous.id}`}>
            Previous lesson
          </ButtonLink>
        )}
        <Button onClick={finish} busy={completion.fetching}>
          {done || !canComplete
            ? next
              ? 'Next lesson'
              : 'Back to the course'
            : next
              ? 'Mark as read and continue'
              : 'Mark as read and finish'}
        </Button>
      </div>
    </>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { CourseEditorQuery } from '../../gql/graphql';
import { changedFields } from '../../lib/changes';
import { formatDate, humanize } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Alert, Badge, ErrorAlert, Spinner } from '../../ui/Feedback';
import { Checkbox, TextField, useFieldErrors } from '../../ui/Field';
import { Card, PageHeader } from '../../ui/Layout';
import {
  ConfigureQuizDocument,
  CourseEditorDocument,
  CreateDraftDocument,
  DiscardDraftDocument,
  PublishCourseDocument,
  RemoveLessonDocument,
  RemoveQuestionDocument,
  ReorderLessonsDocument,
} from './authoring';
import { CourseDetails } from './CourseDetails';
import { LessonEditor, type LessonDraft } from './LessonEditor';
import { NEW_QUESTION, QuestionEditor, type QuestionDraft } from './QuestionEditor';

type Draft = NonNullable<NonNullable<CourseEditorQuery['course']>['draftVersion']>;

/*
 * Editing, moving or removing a lesson or question replaces the button pressed: focus goes back
 * to the button that opened the editor, or to the one pressed where the list shows it now, so
 * keyboard and screen-reader users keep their place instead of starting again at the page's top.
 */

/** Closes an editor and gives focus to the control with this id, which closing shows again. */
function closeAndFocus(close: () => void, id: string) {
  flushSync(close);
  document.getElementById(id)?.focus();
}

/**
 * Gives focus to the first of these controls that is there and enabled once the list shows its
 * new order (`order`: its items' ids), as after a move or a removal; not on a reload meanwhile.
 */
function useFocusWhenReordered(order: string): (...ids: string[]) => void {
  const pending = useRef<string[]>([]);
  useEffect(() => {
    const target = pending.current
      .map((id) => document.getElementById(id) as HTMLButtonElement | null)
      .find((element) => element && !element.disabled);
    pending.current = [];
    target?.focus();
  }, [order]);
  return (...ids) => {
    pending.current = ids;
  };
}

function Lessons({ courseId, draft, onChanged }: { courseId: string; draft: Draft; onChanged: () => void }) {
  const [editing, setEditing] = useState<LessonDraft | null>(null);
  const [removal, remove] = useMutation(RemoveLessonDocument);
  const [reordering, reorder] = useMutation(ReorderLessonsDocument);
  const lessons = [...draft.lessons].sort((a, b) => a.position - b.position);
  const focusWhenReordered = useFocusWhenReordered(lessons.map((l) => l.id).join());

  async function move(index: number, by: number) {
    const ids = lessons.map((l) => l.id);
    const id = ids[index];
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    // At the top or bottom now, the button pressed is disabled: the other way then.
    const [same, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
    focusWhenReordered(`move-lesson-${id}-${same}`, `move-lesson-${id}-${other}`);
    await reorder({ courseId, lessonIds: ids });
    onChanged();
  }

  const done = () => {
    closeAndFocus(() => setEditing(null), editing?.id ? `edit-lesson-${editing.id}` : 'add-lesson');
    onChanged();
  };

  return (
    <Card
      title={`Lessons (${lessons.length})`}
      actions={
        !editing && (
          <Button id="add-lesson" small onClick={() => setEditing({ title: '', body: '' })}>
            Add a lesson
          </Button>
        )
      }
    >
      {(removal.error ?? reordering.error) && <ErrorAlert error={(removal.error ?? reordering.error)!} />}
      {editing && !editing.id && <LessonEditor courseId={courseId} lesson={editing} onDone={done} />}
      {lessons.length === 0 && !editing && <p className="muted">No lessons yet.</p>}
      <ol className="lesson-list">
        {lessons.map((lesson, index) =>
          editing?.id === lesson.id ? (
            <li key={lesson.id} style={{ display: 'block' }}>
              <LessonEditor courseId={courseId} lesson={editing} onDone={done} />
            </li>
          ) : (
            <li key={lesson.id}>
              <span className="lesson-check" aria-hidden="true">
                {index + 1}
              </span>
              <span style={{ flex: 1 }}>{lesson.title}</span>
              <span className="row">
                <Button
                  id={`move-lesson-${lesson.id}-up`}
                  variant="secondary"
                  small
                  aria-label={`Move ${lesson.title} up`}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </Button>
                <Button
                  id={`move-lesson-${lesson.id}-down`}
                  variant="secondary"
                  small
                  aria-label={`Move ${lesson.title} down`}
                  disabled={index === lessons.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </Button>
                <Button
                  id={`edit-lesson-${lesson.id}`}
                  variant="secondary"
                  small
                  aria-label={`Edit ${lesson.title}`}
                  onClick={() => setEditing(lesson)}
                >
                  Edit
                </Button>
                <Button
                  variant="secondary"
                  small
                  aria-label={`Remove ${lesson.title}`}
                  onClick={async () => {
                    focusWhenReordered('add-lesson');
                    await remove({ lessonId: lesson.id });
                    onChanged();
                  }}
                >
                  Remove
                </Button>
              </span>
            </li>
          ),
        )}
      </ol>
    </Card>
  );
}

function Questions({ courseId, draft, onChanged }: { courseId: string; draft: Draft; onChanged: () => void }) {
  const [editing, setEditing] = useState<QuestionDraft | null>(null);
  const [removal, remove] = useMutation(RemoveQuestionDocument);
  const questions = [...draft.questions].sort((a, b) => a.position - b.position);
  const focusWhenReordered = useFocusWhenReordered(questions.map((q) => q.id).join());
  const done = () => {
    closeAndFocus(() => setEditing(null), editing?.id ? `edit-question-${editing.id}` : 'add-question');
    onChanged();
  };
  return (
    <Card
      title={`Question bank (${questions.length})`}
      actions={
        !editing && (
          <Button id="add-question" small onClick={() => setEditing(NEW_QUESTION)}>
            Add a question
          </Button>
        )
      }
    >
      {removal.error && <ErrorAlert error={removal.error} />}
      {editing && !editing.id && <QuestionEditor courseId={courseId} question={editing} onDone={done} />}
      {questions.length === 0 && !editing && <p className="muted">No questions yet.</p>}
      {questions.map((question, index) =>
        editing?.id === question.id ? (
          <QuestionEditor key={question.id} courseId={courseId} question={editing} onDone={done} />
        ) : (
          <article key={question.id} className="review-item">
            <h3>
              {index + 1}. {question.prompt} <Badge>{humanize(question.type)}</Badge>
            </h3>
            <ul>
              {question.options.map((option) => (
                <li key={option.id}>
                  {option.text} {option.correct && <Badge tone="success">Correct</Badge>}
                </li>
              ))}
            </ul>
            <p className="muted small">{question.explanation}</p>
            <div className="row">
              <Button
                id={`edit-question-${question.id}`}
                variant="secondary"
                small
                aria-label={`Edit question ${index + 1}`}
                onClick={() =>
                  setEditing({
                    id: question.id,
                    type: question.type,
                    prompt: question.prompt,
                    explanation: question.explanation,
                    options: question.options.map((o) => ({ text: o.text, correct: o.correct })),
                  })
                }
              >
                Edit
              </Button>
              <Button
                variant="secondary"
                small
                aria-label={`Remove question ${index + 1}`}
                onClick={async () => {
                  focusWhenReordered('add-question');
                  await remove({ questionId: question.id });
                  onChanged();
                }}
              >
                Remove
              </Button>
            </div>
          </article>
        ),
      )}
    </Card>
  );
}

function QuizSettings({ courseId, quiz }: { courseId: string; quiz: Draft['quiz'] }) {
  const [passing, setPassing] = useState(String(quiz.passingScorePercent));
  const [attempts, setAttempts] = useState(String(quiz.maxAttempts));
  const [perAttempt, setPerAttempt] = useState(String(quiz.questionsPerAttempt));
  const [minutes, setMinutes] = useState(quiz.timeLimitMinutes ? String(quiz.timeLimitMinutes) : '');
  const [shuffle, setShuffle] = useState(quiz.shuffle);
  const [saved, setSaved] = useState(quiz);
  const [saving, save] = useMutation(ConfigureQuizDocument);
  const errors = useFieldErrors(saving.error, [
    'passingScorePercent',
    'maxAttempts',
    'questionsPerAttempt',
    'timeLimitMinutes',
  ]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const edited = {
      passingScorePercent: Number(passing),
      maxAttempts: Number(attempts),
      questionsPerAttempt: Number(perAttempt),
      timeLimitMinutes: minutes ? Number(minutes) : null,
      shuffle,
    };
    const result = await save({ courseId, input: changedFields(saved, edited) });
    if (result.data) setSaved(result.data.configureQuiz);
  }

  return (
    <Card title="Quiz settings">
      <form ref={errors.formRef} onSubmit={submit}>
        <div className="grid grid-2">
          <TextField
            label="Pass mark (%)"
            type="number"
            min={1}
            max={100}
            value={passing}
            error={errors.of('passingScorePercent')}
            onChange={(e) => setPassing(e.target.value)}
          />
          <TextField
            label="Attempts allowed"
            type="number"
            min={1}
            value={attempts}
            error={errors.of('maxAttempts')}
            onChange={(e) => setAttempts(e.target.value)}
          />
          <TextField
            label="Questions per attempt"
            type="number"
            min={1}
            hint="Drawn from the bank"
            value={perAttempt}
            error={errors.of('questionsPerAttempt')}
            onChange={(e) => setPerAttempt(e.target.value)}
          />
          <TextField
            label="Time limit (minutes)"
            type="number"
            min={1}
            hint="Empty: no limit"
            value={minutes}
            error={errors.of('timeLimitMinutes')}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <Checkbox
          label="Shuffle questions and options"
          checked={shuffle}
          onChange={(e) => setShuffle(e.target.checked)}
        />
        {errors.rest && <ErrorAlert error={errors.rest} />}
        {saving.data && !saving.fetching && <Alert tone="success">Quiz settings saved.</Alert>}
        <Button type="submit" busy={saving.fetching}>
          Save quiz settings
        </Button>
      </form>
    </Card>
  );
}

export function CourseEditorPage() {
  const { courseId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CourseEditorDocument, variables: { id: courseId } });
  const [opening, openDraft] = useMutation(CreateDraftDocument);
  const [publication, publish] = useMutation(PublishCourseDocument);
  const [discarding, discard] = useMutation(DiscardDraftDocument);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const back = { to: '/admin/courses', label: 'Courses' };

  if (error)
    return (
      <>
        <PageHeader title="Course" back={back} />
        <ErrorAlert error={error} onRetry={reload} />
      </>
    );
  if (fetching && !data) return <Spinner />;
  const course = data?.course;
  if (!course)
    return (
      <>
        <PageHeader title="Course not found" back={back} />
        <Alert tone="warning">There is no such course.</Alert>
      </>
    );
  const draft = course.draftVersion;
  return (
    <>
      <PageHeader
        title={course.title}
        description={`${course.code} · ${humanize(course.category)} · about ${course.estimatedMinutes} min`}
        back={back}
        actions={
          draft && (
            <span className="row">
              <Button
                variant="secondary"
                busy={discarding.fetching}
                onClick={async () => {
                  if (!window.confirm(`Discard the draft, version ${draft.number}? Its changes are lost.`)) return;
                  const result = await discard({ courseId: course.id });
                  if (!result.error) reload();
                }}
              >
                Discard draft
              </Button>
              <Button
                busy={publication.fetching}
                onClick={async () => {
                  const result = await publish({ courseId: course.id });
                  if (!result.error) reload();
                }}
              >
                Publish version {draft.number}
              </Button>
            </span>
          )
        }
      />
      <p>{course.summary}</p>
      <p className="small muted">
        {course.currentVersion
          ? `Learners take version ${course.currentVersion.number}, published ${formatDate(course.currentVersion.publishedAt)}.`
          : 'Not published yet.'}{' '}
        {draft && `You are editing the draft, version ${draft.number}.`}
      </p>
      {publication.error && <ErrorAlert error={publication.error} />}
      {discarding.error && <ErrorAlert error={discarding.error} />}
      {publication.data && !draft && (
        <Alert tone="success">
          Version {publication.data.publishCourse.number} is published: learners take it from now on.
        </Alert>
      )}
      {!draft ? (
        <Card title="No draft open">
          <p>
            Open a draft to change lessons, questions or quiz settings. It starts as a copy of the published version.
          </p>
          {opening.error && <ErrorAlert error={opening.error} />}
          <Button
            busy={opening.fetching}
            onClick={async () => {
              const result = await openDraft({ courseId: course.id });
              if (!result.error) reload();
            }}
          >
            Open a draft
          </Button>
        </Card>
      ) : (
        <>
          <Lessons courseId={course.id} draft={draft} onChanged={reload} />
          <Questions courseId={course.id} draft={draft} onChanged={reload} />
          <QuizSettings key={draft.id} courseId={course.id} quiz={draft.quiz} />
        </>
      )}
      <CourseDetails key={course.id} course={course} />
    </>
  );
}

import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation } from 'urql';
import { changedFields } from '../../lib/changes';
import { Button } from '../../ui/Button';
import { ErrorAlert } from '../../ui/Feedback';
import { TextAreaField, TextField, useFieldErrors } from '../../ui/Field';
import { Markdown } from '../../ui/Markdown';
import { AddLessonDocument, UpdateLessonDocument } from './authoring';

export interface LessonDraft {
  id?: string;
  title: string;
  body: string;
  mediaUrl?: string | null;
}

/** Title, optional media link and a markdown body with a preview of what learners will see. */
export function LessonEditor({
  courseId,
  lesson,
  onDone,
}: {
  courseId: string;
  lesson: LessonDraft;
  onDone: () => void;
}) {
  const [title, setTitle] = useState(lesson.title);
  const [body, setBody] = useState(lesson.body);
  const [mediaUrl, setMediaUrl] = useState(lesson.mediaUrl ?? '');
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [adding, add] = useMutation(AddLessonDocument);
  const [updating, update] = useMutation(UpdateLessonDocument);
  const errors = useFieldErrors(
    adding.error ?? updating.error,
    // The body's field is there to show its error on the Write tab only
    tab === 'write' ? ['title', 'mediaUrl', 'body'] : ['title', 'mediaUrl'],
  );

  /** The arrow keys, Home and End move between the tabs, as in any tab list; Tab goes on to the panel. */
  function moveBetweenTabs(event: KeyboardEvent) {
    const other = tab === 'write' ? 'preview' : 'write';
    const keys: Partial<Record<string, 'write' | 'preview'>> = {
      ArrowLeft: other,
      ArrowRight: other,
      Home: 'write',
      End: 'preview',
    };
    const chosen = keys[event.key];
    if (!chosen) return;
    event.preventDefault();
    setTab(chosen);
    document.getElementById(`tab-${chosen}`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { title: title.trim(), body, mediaUrl: mediaUrl.trim() || null };
    const result = lesson.id
      ? await update({
          lessonId: lesson.id,
          input: changedFields({ title: lesson.title, body: lesson.body, mediaUrl: lesson.mediaUrl ?? null }, input),
        })
      : await add({ courseId, input });
    if (!result.error) onDone();
  }

  return (
    <form
      ref={errors.formRef}
      onSubmit={submit}
      className="card"
      aria-label={lesson.id ? `Edit lesson ${lesson.title}` : 'New lesson'}
    >
      <TextField
        label="Lesson title"
        required
        autoFocus
        value={title}
        error={errors.of('title')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        label="Video or document link"
        type="url"
        hint="Optional, http(s)"
        value={mediaUrl}
        error={errors.of('mediaUrl')}
        onChange={(e) => setMediaUrl(e.target.value)}
      />
      <div className="tabs" role="tablist" aria-label="Lesson body" onKeyDown={moveBetweenTabs}>
        <button
          type="button"
          role="tab"
          id="tab-write"
          aria-selected={tab === 'write'}
          tabIndex={tab === 'write' ? 0 : -1}
          aria-controls="panel-body"
          onClick={() => setTab('write')}
        >
          Write
        </button>
        <button
          type="button"
          role="tab"
          id="tab-preview"
          aria-selected={tab === 'preview'}
          tabIndex={tab === 'preview' ? 0 : -1}
          aria-controls="panel-body"
          onClick={() => setTab('preview')}
        >
          Preview
        </button>
      </div>
      <div id="panel-body" role="tabpanel" aria-labelledby={tab === 'write' ? 'tab-write' : 'tab-preview'}>
        {tab === 'write' ? (
          <TextAreaField
            label="Body (markdown)"
            hint="Headings with #, lists with -, **bold**, [links](https://…). HTML is not shown to learners."
            className="code"
            rows={14}
            required
            maxLength={50000}
            value={body}
            error={errors.of('body')}
            onChange={(e) => setBody(e.target.value)}
          />
        ) : (
          <div className="preview">
            {body.trim() ? <Markdown>{body}</Markdown> : <p className="muted">Nothing to preview yet.</p>}
          </div>
        )}
      </div>
      {errors.rest && <ErrorAlert error={errors.rest} />}
      <div className="form-actions" style={{ marginTop: '1rem' }}>
        <Button type="submit" busy={adding.fetching || updating.fetching} disabled={!title.trim() || !body.trim()}>
          Save lesson
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

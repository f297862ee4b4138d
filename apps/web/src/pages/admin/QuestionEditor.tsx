import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { changedFields } from '../../lib/changes';
import type { QuestionType } from '../../gql/graphql';
import { Button } from '../../ui/Button';
import { ErrorAlert } from '../../ui/Feedback';
import { SelectField, TextAreaField, TextField, useFieldErrors } from '../../ui/Field';
import { AddQuestionDocument, UpdateQuestionDocument } from './authoring';

export interface QuestionDraft {
  id?: string;
  type: QuestionType;
  prompt: string;
  explanation: string;
  options: { text: string; correct: boolean }[];
}

export const NEW_QUESTION: QuestionDraft = {
  type: 'SINGLE_CHOICE',
  prompt: '',
  explanation: '',
  options: [
    { text: '', correct: true },
    { text: '', correct: false },
  ],
};

export function QuestionEditor({
  courseId,
  question,
  onDone,
}: {
  courseId: string;
  question: QuestionDraft;
  onDone: () => void;
}) {
  const [type, setType] = useState<QuestionType>(question.type);
  const [prompt, setPrompt] = useState(question.prompt);
  const [explanation, setExplanation] = useState(question.explanation);
  const [options, setOptions] = useState(question.options);
  const [adding, add] = useMutation(AddQuestionDocument);
  const [updating, update] = useMutation(UpdateQuestionDocument);
  const errors = useFieldErrors(adding.error ?? updating.error, ['type', 'prompt', 'explanation']);
  const multiple = type === 'MULTIPLE_CHOICE';

  function changeType(next: QuestionType) {
    setType(next);
    if (next === 'TRUE_FALSE')
      setOptions([
        { text: 'True', correct: options[0]?.correct ?? true },
        { text: 'False', correct: !(options[0]?.correct ?? true) },
      ]);
  }

  function setOption(index: number, change: Partial<{ text: string; correct: boolean }>) {
    setOptions(
      options.map((option, i) => {
        if (i === index) return { ...option, ...change };
        // One right answer for single choice and true/false
        return change.correct && !multiple ? { ...option, correct: false } : option;
      }),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { type, prompt: prompt.trim(), explanation: explanation.trim(), options };
    const { id, ...loaded } = question;
    const result = id
      ? await update({ questionId: id, input: changedFields(loaded, input) })
      : await add({ courseId, input });
    if (!result.error) onDone();
  }

  return (
    <form
      ref={errors.formRef}
      onSubmit={submit}
      className="card"
      aria-label={question.id ? 'Edit question' : 'New question'}
    >
      <SelectField
        label="Type"
        autoFocus
        value={type}
        error={errors.of('type')}
        onChange={(e) => changeType(e.target.value as QuestionType)}
        options={[
          { value: 'SINGLE_CHOICE', label: 'Single choice' },
          { value: 'MULTIPLE_CHOICE', label: 'Multiple choice (all correct options needed)' },
          { value: 'TRUE_FALSE', label: 'True or false' },
        ]}
      />
      <TextAreaField
        label="Question"
        rows={2}
        required
        value={prompt}
        error={errors.of('prompt')}
        onChange={(e) => setPrompt(e.target.value)}
      />
      <fieldset>
        <legend>Options ({multiple ? 'tick every correct one' : 'choose the correct one'})</legend>
        {options.map((option, index) => (
          <div className="row" key={index} style={{ alignItems: 'flex-end' }}>
            <div style={{ flex: '1 1 14rem' }}>
              <TextField
                label={`Option ${index + 1}`}
                value={option.text}
                readOnly={type === 'TRUE_FALSE'}
                onChange={(e) => setOption(index, { text: e.target.value })}
              />
            </div>
            <label className="choice" style={{ marginBottom: '1rem' }}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name="correct-option"
                checked={option.correct}
                onChange={(e) => setOption(index, { correct: e.target.checked })}
              />
              <span>Correct</span>
            </label>
            {type !== 'TRUE_FALSE' && options.length > 2 && (
              <Button
                variant="secondary"
                small
                style={{ marginBottom: '1rem' }}
                aria-label={`Remove option ${index + 1}`}
                onClick={() => setOptions(options.filter((_, i) => i !== index))}
              >
                Remove
              </Button>
            )}
          </div>
        ))}
        {type !== 'TRUE_FALSE' && (
          <Button variant="secondary" small onClick={() => setOptions([...options, { text: '', correct: false }])}>
            Add an option
          </Button>
        )}
      </fieldset>
      <TextAreaField
        label="Explanation"
        hint="Shown to learners after they submit"
        rows={3}
        required
        value={explanation}
        error={errors.of('explanation')}
        onChange={(e) => setExplanation(e.target.value)}
      />
      {errors.rest && <ErrorAlert error={errors.rest} />}
      <div className="form-actions">
        <Button type="submit" busy={adding.fetching || updating.fetching} disabled={!prompt.trim()}>
          Save question
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

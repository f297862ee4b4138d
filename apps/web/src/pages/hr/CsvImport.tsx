import { Fragment, useState, type ChangeEvent } from 'react';
import { Alert } from '../../ui/Feedback';
import { TextAreaField } from '../../ui/Field';
import { DataTable } from '../../ui/DataTable';

/** A CSV header as one word that a phone's screen may break after a comma (copied, it stays one line). */
export function BreakableHeader({ header }: { header: string }) {
  return (
    <code className="mono">
      {header.split(',').map((column, index) => (
        <Fragment key={column}>
          {index > 0 && (
            <>
              ,<wbr />
            </>
          )}
          {column}
        </Fragment>
      ))}
    </code>
  );
}

/** The file picker and the text area showing what will be sent, which may be pasted instead. */
export function CsvFields({
  csv,
  onChange,
  placeholder,
}: {
  csv: string;
  onChange: (csv: string) => void;
  placeholder: string;
}) {
  const [fileName, setFileName] = useState<string | null>(null);

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    onChange(await file.text());
  }

  return (
    <>
      <div className="field">
        <label htmlFor="csv-file">CSV file</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={readFile} />
        {fileName && <span className="field-hint">Read {fileName}. You can check it below.</span>}
      </div>
      <TextAreaField
        label="Or paste the lines"
        className="code"
        rows={10}
        value={csv}
        spellCheck={false}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}

/** Why a file was refused, line by line: nothing of it was written. */
export function ImportProblems({
  result,
}: {
  result: { errorCount: number; errors: { line: number; message: string }[] };
}) {
  return (
    <section aria-labelledby="import-errors">
      <Alert
        tone="error"
        title={`Nothing was imported: ${result.errorCount} problem${result.errorCount > 1 ? 's' : ''}`}
      >
        Correct these lines and import the file again.
        {result.errorCount > result.errors.length && ` The first ${result.errors.length} are listed.`}
      </Alert>
      <h2 id="import-errors">Problems by line</h2>
      <DataTable
        caption="Import problems"
        rows={result.errors}
        rowKey={(e) => `${e.line}-${e.message}`}
        columns={[
          { header: 'Line', cell: (e) => e.line, numeric: true },
          { header: 'Problem', cell: (e) => e.message },
        ]}
      />
    </section>
  );
}

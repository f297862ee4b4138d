import { useState } from 'react';
import { downloadWithToken } from '../lib/download';
import { Button } from './Button';
import { ErrorAlert } from './Feedback';

/** Downloads a file the API guards with the bearer token (CSV reports, certificate PDFs). */
export function DownloadButton({
  url,
  filename,
  label,
  primary,
  accessibleName,
}: {
  url: string;
  filename: string;
  label: string;
  primary?: boolean;
  /** When the visible label alone would be ambiguous, e.g. one button per certificate. */
  accessibleName?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  async function download() {
    setBusy(true);
    setError(null);
    try {
      await downloadWithToken(url, filename);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      <Button variant={primary ? 'primary' : 'secondary'} onClick={download} busy={busy} aria-label={accessibleName}>
        {label}
      </Button>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}

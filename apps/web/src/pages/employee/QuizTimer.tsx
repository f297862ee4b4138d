import { useEffect, useState } from 'react';

function remainingSeconds(expiresAt: string): number {
  return Math.max(0, Math.round((new Date(expiresAt).getTime() - Date.now()) / 1000));
}

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Counts down to the attempt's expiry; calls onExpired once when time is up. */
export function QuizTimer({ expiresAt, onExpired }: { expiresAt: string; onExpired: () => void }) {
  const [seconds, setSeconds] = useState(() => remainingSeconds(expiresAt));
  useEffect(() => {
    const timer = setInterval(() => setSeconds(remainingSeconds(expiresAt)), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  useEffect(() => {
    if (seconds === 0) onExpired();
  }, [seconds, onExpired]);
  const minutesLeft = Math.ceil(seconds / 60);
  const warning =
    seconds === 0
      ? 'Time is up.'
      : minutesLeft === 5 || minutesLeft === 1
        ? `${minutesLeft} minute${minutesLeft > 1 ? 's' : ''} left.`
        : '';
  return (
    <span>
      <span className={`timer${seconds < 60 ? ' low' : ''}`} role="timer" aria-label={`Time left ${clock(seconds)}`}>
        Time left {clock(seconds)}
      </span>
      <span className="visually-hidden" aria-live="assertive">
        {warning}
      </span>
    </span>
  );
}

import { useEffect, useState } from 'react';

function secondsUntil(deadline: number): number {
  return Math.max(0, Math.round((deadline - Date.now()) / 1000));
}

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Counts down the seconds the server said were left, from when they arrived; calls onExpired
 * once when time is up. Counting to the attempt's expiresAt by this device's clock went wrong
 * with a clock that was off: a minute fast submitted early, a minute slow after the server
 * had closed the attempt. The clock itself is a timer, which screen readers read when asked;
 * only the five- and one-minute warnings are announced, politely, so they do not cut into the
 * question being read.
 */
export function QuizTimer({ secondsRemaining, onExpired }: { secondsRemaining: number; onExpired: () => void }) {
  const [deadline] = useState(() => Date.now() + secondsRemaining * 1000);
  const [seconds, setSeconds] = useState(secondsRemaining);
  useEffect(() => {
    const timer = setInterval(() => setSeconds(secondsUntil(deadline)), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
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
      <span className="visually-hidden" aria-live="polite">
        {warning}
      </span>
    </span>
  );
}

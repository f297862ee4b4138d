import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { errorCode } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { Alert, ErrorAlert } from '../../ui/Feedback';
import { TextField } from '../../ui/Field';
import { AuthLayout } from './AuthLayout';

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
    }
  }
`);

export function SignInPage() {
  const { me, ended, signIn } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, login] = useMutation(LoginDocument);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me) return <Navigate to={from} replace state={{ justSignedIn: true }} />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await login({ email: email.trim(), password });
    if (result.data) signIn(result.data.login.accessToken);
  }

  return (
    <AuthLayout title="Sign in">
      <p className="muted">Loss prevention training and certification.</p>
      {ended && !error && (
        <Alert tone="warning" title="Your session has ended">
          Sign in again to go back to where you were.
        </Alert>
      )}
      {error &&
        (errorCode(error) === 'UNAUTHENTICATED' ? (
          <ErrorAlert error="That email and password do not match an account. Check them and try again." />
        ) : (
          <ErrorAlert error={error} />
        ))}
      <form onSubmit={submit} noValidate>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" busy={fetching} disabled={!email || !password}>
          Sign in
        </Button>
      </form>
      <p className="small muted" style={{ marginTop: '1rem' }}>
        Got an invite email? Open its link to set your password. Checking a certificate?{' '}
        <Link to="/verify">Verify it here</Link>.
      </p>
    </AuthLayout>
  );
}

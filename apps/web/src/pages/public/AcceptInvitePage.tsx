import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { errorCode } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { Alert, ErrorAlert } from '../../ui/Feedback';
import { TextField, useFieldErrors } from '../../ui/Field';
import { AuthLayout } from './AuthLayout';

const AcceptInviteDocument = graphql(`
  mutation AcceptInvite($token: String!, $password: String!) {
    acceptInvite(token: $token, password: $password) {
      accessToken
    }
  }
`);

export function AcceptInvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [{ fetching, error }, accept] = useMutation(AcceptInviteDocument);
  const mismatch = repeat.length > 0 && password !== repeat;
  const errors = useFieldErrors(error, ['password']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) return;
    const result = await accept({ token, password });
    if (result.data) {
      signIn(result.data.acceptInvite.accessToken);
      navigate('/', { replace: true });
    }
  }

  if (!token)
    return (
      <AuthLayout title="Set your password">
        <Alert tone="warning">
          This page needs the link from your invite email. Ask your manager to send a new invite.
        </Alert>
        <Link to="/sign-in">Go to sign in</Link>
      </AuthLayout>
    );

  return (
    <AuthLayout title="Set your password">
      <p className="muted">Welcome to LP Academy. Choose a password to finish setting up your account.</p>
      {errors.rest &&
        (errorCode(errors.rest) === 'UNAUTHENTICATED' ||
        errorCode(errors.rest) === 'NOT_FOUND' ||
        /token/i.test(errors.rest.message) ? (
          <ErrorAlert error="This invite link has expired or was already used. Ask your manager for a new one." />
        ) : (
          <ErrorAlert error={errors.rest} />
        ))}
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="8 to 128 characters"
          minLength={8}
          maxLength={128}
          required
          value={password}
          error={errors.of('password')}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          label="Repeat the password"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          error={mismatch ? 'The two passwords are different.' : null}
          onChange={(e) => setRepeat(e.target.value)}
        />
        <Button type="submit" busy={fetching} disabled={password.length < 8 || password !== repeat}>
          Set password and sign in
        </Button>
      </form>
    </AuthLayout>
  );
}

import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { HR_ROLES, MANAGER_ROLES, useSession, type Role } from './lib/session';
import { AppShell } from './ui/AppShell';
import { Button } from './ui/Button';
import { Alert, ErrorAlert, Spinner } from './ui/Feedback';
import { PageHeader } from './ui/Layout';
import { SignInPage } from './pages/public/SignInPage';
import { AcceptInvitePage } from './pages/public/AcceptInvitePage';
import { VerifyPage } from './pages/public/VerifyPage';
import { MyTrainingPage } from './pages/employee/MyTrainingPage';
import { AssignmentPage } from './pages/employee/AssignmentPage';
import { LessonPage } from './pages/employee/LessonPage';
import { QuizPage } from './pages/employee/QuizPage';
import { MyCertificatesPage } from './pages/employee/MyCertificatesPage';

// Staff pages load on first use: an employee on a phone downloads only the learner's app.
const StoreDashboardPage = lazy(() =>
  import('./pages/manager/StoreDashboardPage').then((m) => ({ default: m.StoreDashboardPage })),
);
const AssignPage = lazy(() => import('./pages/manager/AssignPage').then((m) => ({ default: m.AssignPage })));
const PeoplePage = lazy(() => import('./pages/manager/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const EmployeePage = lazy(() => import('./pages/manager/EmployeePage').then((m) => ({ default: m.EmployeePage })));
const CompliancePage = lazy(() => import('./pages/hr/CompliancePage').then((m) => ({ default: m.CompliancePage })));
const CertificationsPage = lazy(() =>
  import('./pages/hr/CertificationsPage').then((m) => ({ default: m.CertificationsPage })),
);
const ImportPage = lazy(() => import('./pages/hr/ImportPage').then((m) => ({ default: m.ImportPage })));
const CertificationImportPage = lazy(() =>
  import('./pages/hr/CertificationImportPage').then((m) => ({ default: m.CertificationImportPage })),
);
const NotificationsPage = lazy(() =>
  import('./pages/hr/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const ProgrammesPage = lazy(() => import('./pages/hr/ProgrammesPage').then((m) => ({ default: m.ProgrammesPage })));
const StoresPage = lazy(() => import('./pages/hr/StoresPage').then((m) => ({ default: m.StoresPage })));
const CoursesPage = lazy(() => import('./pages/admin/CoursesPage').then((m) => ({ default: m.CoursesPage })));
const CourseEditorPage = lazy(() =>
  import('./pages/admin/CourseEditorPage').then((m) => ({ default: m.CourseEditorPage })),
);

const HOME: Record<Role, string> = {
  EMPLOYEE: '/training',
  STORE_MANAGER: '/store',
  REGIONAL_MANAGER: '/compliance',
  HR: '/compliance',
  ADMIN: '/compliance',
};

function ScrollToTop() {
  const location = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);
  return null;
}

/** Set by the sign-in page on its way to the page the previous session was on. */
interface JustSignedIn {
  justSignedIn: true;
}

function Signed({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { me, loading, error, signedOut } = useSession();
  const location = useLocation();
  if (loading)
    return (
      <main id="main">
        <Spinner label="Signing you in…" />
      </main>
    );
  if (error && !me)
    return (
      <main id="main">
        <ErrorAlert error={error} onRetry={() => window.location.reload()} />
      </main>
    );
  if (!me)
    return <Navigate to="/sign-in" replace state={signedOut ? null : { from: location.pathname + location.search }} />;
  const forMyRole = !roles || roles.includes(me.role);
  // On a shared store device the page someone else was on may not be for the person now signing in.
  if (!forMyRole && (location.state as JustSignedIn | null)?.justSignedIn)
    return <Navigate to={HOME[me.role]} replace />;
  return (
    <AppShell>
      {forMyRole ? (
        <Suspense fallback={<Spinner />}>{children}</Suspense>
      ) : (
        <>
          <PageHeader title="Not for your role" />
          <Alert tone="warning">This page is for other roles. Use the menu to find your own pages.</Alert>
        </>
      )}
    </AppShell>
  );
}

function Home() {
  const { me } = useSession();
  return <Navigate to={me ? HOME[me.role] : '/sign-in'} replace />;
}

function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>There is no page at this address.</p>
      <Button onClick={() => window.history.back()}>Go back</Button>
    </>
  );
}

export function App() {
  return (
    <>
      <ScrollToTop />
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/accept-invite" element={<AcceptInvitePage />} />
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/verify/:code" element={<VerifyPage />} />
        <Route
          path="/"
          element={
            <Signed>
              <Home />
            </Signed>
          }
        />
        <Route
          path="/training"
          element={
            <Signed>
              <MyTrainingPage />
            </Signed>
          }
        />
        <Route
          path="/training/:assignmentId"
          element={
            <Signed>
              <AssignmentPage />
            </Signed>
          }
        />
        <Route
          path="/training/:assignmentId/lessons/:lessonId"
          element={
            <Signed>
              <LessonPage />
            </Signed>
          }
        />
        <Route
          path="/training/:assignmentId/quiz"
          element={
            <Signed>
              <QuizPage />
            </Signed>
          }
        />
        <Route
          path="/my-certificates"
          element={
            <Signed>
              <MyCertificatesPage />
            </Signed>
          }
        />
        <Route
          path="/store"
          element={
            <Signed roles={MANAGER_ROLES}>
              <StoreDashboardPage />
            </Signed>
          }
        />
        <Route
          path="/store/assign"
          element={
            <Signed roles={MANAGER_ROLES}>
              <AssignPage />
            </Signed>
          }
        />
        <Route
          path="/people"
          element={
            <Signed roles={MANAGER_ROLES}>
              <PeoplePage />
            </Signed>
          }
        />
        <Route
          path="/people/:employeeId"
          element={
            <Signed roles={MANAGER_ROLES}>
              <EmployeePage />
            </Signed>
          }
        />
        <Route
          path="/compliance"
          element={
            <Signed roles={MANAGER_ROLES}>
              <CompliancePage />
            </Signed>
          }
        />
        <Route
          path="/certifications"
          element={
            <Signed roles={MANAGER_ROLES}>
              <CertificationsPage />
            </Signed>
          }
        />
        <Route
          path="/import"
          element={
            <Signed roles={HR_ROLES}>
              <ImportPage />
            </Signed>
          }
        />
        <Route
          path="/import/certifications"
          element={
            <Signed roles={HR_ROLES}>
              <CertificationImportPage />
            </Signed>
          }
        />
        <Route
          path="/notifications"
          element={
            <Signed roles={HR_ROLES}>
              <NotificationsPage />
            </Signed>
          }
        />
        <Route
          path="/programmes"
          element={
            <Signed roles={HR_ROLES}>
              <ProgrammesPage />
            </Signed>
          }
        />
        <Route
          path="/stores"
          element={
            <Signed roles={HR_ROLES}>
              <StoresPage />
            </Signed>
          }
        />
        <Route
          path="/admin/courses"
          element={
            <Signed roles={['ADMIN']}>
              <CoursesPage />
            </Signed>
          }
        />
        <Route
          path="/admin/courses/:courseId"
          element={
            <Signed roles={['ADMIN']}>
              <CourseEditorPage />
            </Signed>
          }
        />
        <Route
          path="*"
          element={
            <Signed>
              <NotFound />
            </Signed>
          }
        />
      </Routes>
    </>
  );
}

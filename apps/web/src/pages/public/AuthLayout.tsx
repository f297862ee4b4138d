import type { ReactNode } from 'react';
import { Logo } from '../../ui/AppShell';
import { useDocumentTitle } from '../../ui/Layout';

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="auth-page">
      <main id="main" className="auth-card">
        <div className="auth-brand">
          <Logo /> LP Academy
        </div>
        <section className="card">
          <h1>{title}</h1>
          {children}
        </section>
      </main>
    </div>
  );
}

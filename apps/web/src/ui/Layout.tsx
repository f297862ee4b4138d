import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** Names the browser tab after the page. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · LP Academy`;
  }, [title]);
}

export function PageHeader({
  title,
  description,
  actions,
  back,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
}) {
  useDocumentTitle(typeof title === 'string' ? title : 'LP Academy');
  return (
    <>
      {back && (
        <nav className="breadcrumb no-print" aria-label="Breadcrumb">
          <Link to={back.to}>← {back.label}</Link>
        </nav>
      )}
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          {description && <p>{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
    </>
  );
}

export function Card({ title, actions, children }: { title?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="card">
      {(title || actions) && (
        <div className="card-header">
          {title && <h2>{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

export function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  );
}

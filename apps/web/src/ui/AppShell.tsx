import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { HR_ROLES, MANAGER_ROLES, useMe, useSession, type Role } from '../lib/session';
import { Button } from './Button';

interface NavItem {
  to: string;
  label: string;
  roles?: Role[];
}

const NAV: NavItem[] = [
  { to: '/training', label: 'My training' },
  { to: '/my-certificates', label: 'My certificates' },
  { to: '/store', label: 'Store', roles: MANAGER_ROLES },
  { to: '/people', label: 'People', roles: MANAGER_ROLES },
  { to: '/compliance', label: 'Compliance', roles: ['REGIONAL_MANAGER', 'HR', 'ADMIN'] },
  { to: '/certifications', label: 'Certifications', roles: MANAGER_ROLES },
  { to: '/import', label: 'Import', roles: HR_ROLES },
  { to: '/notifications', label: 'Notifications', roles: HR_ROLES },
  { to: '/programmes', label: 'Programmes', roles: HR_ROLES },
  { to: '/stores', label: 'Stores', roles: HR_ROLES },
  { to: '/admin/courses', label: 'Courses', roles: ['ADMIN'] },
];

export function Logo() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#fff" />
      <path d="M9 8h4v13h8v3H9z" fill="#1f4e5f" />
      <circle cx="23" cy="10" r="3" fill="#b7791f" />
    </svg>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const me = useMe();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);
  useEffect(() => {
    setOpen(false);
    // After moving to another page, start keyboard and screen-reader users at its content
    if (location.pathname !== firstPath.current) mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);
  const items = NAV.filter((item) => !item.roles || item.roles.includes(me.role));
  // Escape closes the phone's menu and puts focus back on its button, as a menu does.
  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    document.getElementById('nav-toggle')?.focus();
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <div className="shell-header-inner">
          <Button
            id="nav-toggle"
            variant="ghost"
            small
            className="nav-toggle"
            aria-expanded={open}
            aria-controls="main-nav"
            onClick={() => setOpen(!open)}
            onKeyDown={closeOnEscape}
          >
            <span aria-hidden="true">☰</span> Menu
          </Button>
          <Link to="/" className="brand">
            <Logo /> <span className="brand-name">LP Academy</span>
          </Link>
          <div className="shell-user">
            <span className="user-name">
              {me.firstName} {me.lastName} · {me.store.code}
            </span>
            <Button variant="ghost" small title="Signs you out on every device" onClick={signOut}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <nav id="main-nav" className={`shell-nav${open ? ' open' : ''}`} aria-label="Main" onKeyDown={closeOnEscape}>
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to}>{item.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

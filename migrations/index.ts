import { CreateOrganisationAndIdentity1795772176774 } from './1795772176774-CreateOrganisationAndIdentity';
import { SeedJobRoles1795772176800 } from './1795772176800-SeedJobRoles';
import { CreateNotifications1795773647330 } from './1795773647330-CreateNotifications';

/** Kept in order by `npm run migration:generate`; never edit a migration that is on main. */
export const allMigrations = [
  CreateOrganisationAndIdentity1795772176774,
  SeedJobRoles1795772176800,
  CreateNotifications1795773647330,
];

import { CreateOrganisationAndIdentity1795772176774 } from './1795772176774-CreateOrganisationAndIdentity';
import { SeedJobRoles1795772176800 } from './1795772176800-SeedJobRoles';
import { CreateCertification1795773572317 } from './1795773572317-CreateCertification';

/** Kept in order by `npm run migration:generate`; never edit a migration that is on main. */
export const allMigrations = [
  CreateOrganisationAndIdentity1795772176774,
  SeedJobRoles1795772176800,
  CreateCertification1795773572317,
];

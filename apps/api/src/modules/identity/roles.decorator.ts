import { SetMetadata } from '@nestjs/common';
import type { Role } from '@lp/organisation';

export const ALLOWED_ROLES = 'lp:roles';

/** Only these access roles may call the operation; scope checks inside it narrow further. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'lp:public';

/** Marks an operation that needs no sign-in (login, invite acceptance, certificate verification, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

import { InviteEntity } from './invite.entity';
import { LoginFailureEntity } from './login-failure.entity';

export * from './invite.entity';
export * from './login-failure.entity';

export const identityEntities = [InviteEntity, LoginFailureEntity];

import { registerEnumType } from '@nestjs/graphql';
import { Role } from '@lp/organisation';

registerEnumType(Role, { name: 'Role', description: 'Access role: what someone may see and do' });

export { Role };

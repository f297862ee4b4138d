import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { AuditService } from '@lp/audit';
import { BadInputError, ConflictError } from '@lp/core';
import { assertAcceptablePassword, PasswordHasher } from '@lp/identity';
import {
  EmployeeEntity,
  EmployeeService,
  isEmailAddress,
  isKnownTimezone,
  JobRoleEntity,
  normaliseEmail,
  RegionEntity,
  Role,
  StoreEntity,
} from '@lp/organisation';
import { withCliContext } from '../cli-context';

const HEAD_OFFICE = { code: 'HQ', name: 'Head Office' };

/** The first account of a real installation; creates a Head Office store when there is no store yet. */
export function registerCreateAdmin(program: Command): void {
  program
    .command('create-admin')
    .summary('create an ADMIN account')
    .description('create an ADMIN account (and a Head Office store when the chain has none)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--password <password>', 'at least 8 characters')
    .option('--first-name <name>', 'first name', 'System')
    .option('--last-name <name>', 'last name', 'Administrator')
    .option('--store <code>', 'store the account belongs to (default: the first store, or a new Head Office)')
    .option('--timezone <zone>', 'IANA time zone of a new Head Office store, e.g. Europe/London', 'UTC')
    .action(
      async (options: {
        email: string;
        password: string;
        firstName: string;
        lastName: string;
        store?: string;
        timezone: string;
      }) => {
        assertAcceptablePassword(options.password, '--password');
        if (!isEmailAddress(options.email.trim())) {
          throw new BadInputError(`--email: "${options.email}" is not an email address`, 'email');
        }
        if (!isKnownTimezone(options.timezone)) {
          throw new BadInputError(
            `--timezone: ${options.timezone} is not an IANA time zone such as Europe/London`,
            'timezone',
          );
        }
        const email = normaliseEmail(options.email);
        await withCliContext(async (context) => {
          const dataSource = context.get(DataSource);
          if (await dataSource.getRepository(EmployeeEntity).existsBy({ email })) {
            throw new ConflictError(
              `--email: an employee already has ${email}; choose another address, or make that employee an admin`,
              { field: 'email' },
            );
          }
          const storeId = await findOrCreateStore(dataSource, options.store, options.timezone);
          const jobRole = await dataSource.getRepository(JobRoleEntity).findOneByOrFail({ code: 'LP_OFFICER' });
          const passwordHash = await context.get(PasswordHasher).hash(options.password);
          // One transaction: a failure leaves no ADMIN account without an email or a password.
          const admin = await context.get(EmployeeService).hire(
            {
              employeeNumber: `ADMIN-${Date.now().toString(36).toUpperCase()}`,
              email,
              firstName: options.firstName,
              lastName: options.lastName,
              jobRoleCode: jobRole.code,
              storeId,
              role: Role.ADMIN,
            },
            { id: null, role: Role.ADMIN },
            {
              sendInvite: false,
              alongside: async (manager, employee) => {
                await manager.update(EmployeeEntity, { id: employee.id }, { passwordHash });
                await context.get(AuditService).record(manager, {
                  actorId: null,
                  action: 'ADMIN_CREATED_FROM_CLI',
                  subjectType: 'Employee',
                  subjectId: employee.id,
                  after: { email },
                });
              },
            },
          );
          console.log(`Admin ${email} created (employee ${admin.employeeNumber}). Sign in with the login mutation.`);
        });
      },
    );
}

async function findOrCreateStore(dataSource: DataSource, code: string | undefined, timezone: string): Promise<number> {
  const stores = dataSource.getRepository(StoreEntity);
  if (code) {
    const store = await stores.findOneBy({ code });
    if (!store) throw new BadInputError(`--store: no store has the code ${code}`, 'store');
    return store.id;
  }
  const first = await stores.findOne({ where: {}, order: { id: 'ASC' } });
  if (first) return first.id;
  const regions = dataSource.getRepository(RegionEntity);
  const region =
    (await regions.findOneBy({ code: HEAD_OFFICE.code })) ?? (await regions.save(regions.create(HEAD_OFFICE)));
  const store = await stores.save(stores.create({ ...HEAD_OFFICE, regionId: region.id, timezone }));
  return store.id;
}

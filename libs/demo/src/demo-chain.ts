import { Role } from '@lp/organisation';

/** The small chain a new user explores after `npm start`; documented in the README. */
export const DEMO_PASSWORD = 'LpAcademy-demo-2026';

export const DEMO_REGIONS = [
  { code: 'EAST', name: 'East Coast' },
  { code: 'WEST', name: 'West Coast' },
];

export const DEMO_STORES = [
  { code: 'S001', name: 'Boston Downtown', region: 'EAST', timezone: 'America/New_York' },
  { code: 'S002', name: 'Providence Mall', region: 'EAST', timezone: 'America/New_York' },
  { code: 'S003', name: 'Hartford Plaza', region: 'EAST', timezone: 'America/New_York' },
  { code: 'S004', name: 'Seattle Waterfront', region: 'WEST', timezone: 'America/Los_Angeles' },
  { code: 'S005', name: 'Portland Pearl', region: 'WEST', timezone: 'America/Los_Angeles' },
  { code: 'S006', name: 'Denver Union', region: 'WEST', timezone: 'America/Denver' },
];

export interface DemoAccount {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  jobRole: string;
  store: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@example.com',
    firstName: 'Ada',
    lastName: 'Admin',
    role: Role.ADMIN,
    jobRole: 'LP_OFFICER',
    store: 'S001',
  },
  {
    email: 'hr@example.com',
    firstName: 'Harriet',
    lastName: 'Reyes',
    role: Role.HR,
    jobRole: 'SUPERVISOR',
    store: 'S001',
  },
  {
    email: 'regional@example.com',
    firstName: 'Rafael',
    lastName: 'Ortiz',
    role: Role.REGIONAL_MANAGER,
    jobRole: 'STORE_MANAGER',
    store: 'S002',
  },
  {
    email: 'manager@example.com',
    firstName: 'Maya',
    lastName: 'Chen',
    role: Role.STORE_MANAGER,
    jobRole: 'STORE_MANAGER',
    store: 'S001',
  },
  {
    email: 'employee@example.com',
    firstName: 'Evan',
    lastName: 'Park',
    role: Role.EMPLOYEE,
    jobRole: 'CASHIER',
    store: 'S001',
  },
];

export const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'Lucas',
  'Isabella',
  'Mason',
  'Mia',
  'Ethan',
  'Amelia',
  'James',
  'Harper',
  'Logan',
  'Evelyn',
  'Aiden',
  'Abigail',
  'Jackson',
  'Ella',
  'Sebastian',
  'Scarlett',
  'Mateo',
  'Grace',
  'Henry',
  'Chloe',
  'Leo',
  'Nora',
  'Wyatt',
];

export const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
];

/** The job-role mix of a store's staff besides its manager: mostly floor staff, one LP officer. */
export const STORE_STAFF_MIX = [
  'SALES_ASSOCIATE',
  'SALES_ASSOCIATE',
  'SALES_ASSOCIATE',
  'SALES_ASSOCIATE',
  'CASHIER',
  'CASHIER',
  'CASHIER',
  'SUPERVISOR',
  'LP_OFFICER',
];

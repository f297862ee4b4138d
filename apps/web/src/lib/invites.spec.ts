import { mayInvite } from './invites';

describe('who may invite whom', () => {
  it('lets managers invite those below them only, HR anyone but an admin, and admins anyone', () => {
    expect(mayInvite('STORE_MANAGER', 'EMPLOYEE')).toBe(true);
    expect(mayInvite('STORE_MANAGER', 'STORE_MANAGER')).toBe(false);
    expect(mayInvite('REGIONAL_MANAGER', 'STORE_MANAGER')).toBe(true);
    expect(mayInvite('REGIONAL_MANAGER', 'HR')).toBe(false);
    expect(mayInvite('HR', 'HR')).toBe(true);
    expect(mayInvite('HR', 'ADMIN')).toBe(false);
    expect(mayInvite('ADMIN', 'ADMIN')).toBe(true);
    expect(mayInvite('EMPLOYEE', 'EMPLOYEE')).toBe(false);
  });
});

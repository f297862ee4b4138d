import { AppConfig, DEFAULT_JWT_SECRET } from './app.config';
import { assertSafeForProduction } from './production-safety';
import { ConfigValidationError } from './read-config';

const config = (values: Partial<AppConfig>) => Object.assign(new AppConfig(), values);
const OWN_SECRET = 'a-secret-of-our-own-with-32-characters-or-more';

describe('starting in production', () => {
  it('refuses the development JWT secret', () => {
    expect(() =>
      assertSafeForProduction(config({ NODE_ENV: 'production', JWT_SECRET: DEFAULT_JWT_SECRET, DEMO_DATA: false })),
    ).toThrow(ConfigValidationError);
  });

  it('refuses the demo data flag', () => {
    expect(() =>
      assertSafeForProduction(config({ NODE_ENV: 'production', JWT_SECRET: OWN_SECRET, DEMO_DATA: true })),
    ).toThrow(/DEMO_DATA/);
  });

  it('starts with a secret of its own and no demo data, and allows both outside production', () => {
    expect(() =>
      assertSafeForProduction(config({ NODE_ENV: 'production', JWT_SECRET: OWN_SECRET, DEMO_DATA: false })),
    ).not.toThrow();
    expect(() =>
      assertSafeForProduction(config({ NODE_ENV: 'development', JWT_SECRET: DEFAULT_JWT_SECRET, DEMO_DATA: true })),
    ).not.toThrow();
  });
});

export * from './demo-chain';
export * from './demo-learning';
export * from './demo-seeder.service';
export * from './demo.module';
export * from './demo-certifications';

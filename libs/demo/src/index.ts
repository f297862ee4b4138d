export * from './demo-chain';
export * from './demo-seeder.service';
export * from './demo.module';

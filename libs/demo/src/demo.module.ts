import { Module } from '@nestjs/common';
import { IdentityModule } from '@lp/identity';
import { DemoLearning } from './demo-learning';
import { DemoSeeder } from './demo-seeder.service';

@Module({ imports: [IdentityModule], providers: [DemoSeeder, DemoLearning], exports: [DemoSeeder] })
export class DemoModule {}

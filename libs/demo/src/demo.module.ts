import { Module } from '@nestjs/common';
import { IdentityModule } from '@lp/identity';
import { DemoSeeder } from './demo-seeder.service';

@Module({ imports: [IdentityModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}

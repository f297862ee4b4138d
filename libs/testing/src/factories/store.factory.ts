import type { DataSource } from 'typeorm';
import { StoreEntity } from '@lp/organisation';
import { buildRegion } from './region.factory';
import { nextSequence } from './sequence';

export async function buildStore(dataSource: DataSource, overrides: Partial<StoreEntity> = {}): Promise<StoreEntity> {
  const n = nextSequence();
  const regionId = overrides.regionId ?? (await buildRegion(dataSource)).id;
  const repository = dataSource.getRepository(StoreEntity);
  return repository.save(
    repository.create({ code: `S${n}`, name: `Store ${n}`, timezone: 'Europe/London', ...overrides, regionId }),
  );
}

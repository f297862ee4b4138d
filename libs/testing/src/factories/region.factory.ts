import type { DataSource } from 'typeorm';
import { RegionEntity } from '@lp/organisation';
import { nextSequence } from './sequence';

export function buildRegion(dataSource: DataSource, overrides: Partial<RegionEntity> = {}): Promise<RegionEntity> {
  const n = nextSequence();
  const repository = dataSource.getRepository(RegionEntity);
  return repository.save(repository.create({ code: `R${n}`, name: `Region ${n}`, ...overrides }));
}

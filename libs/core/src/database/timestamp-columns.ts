import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/*
 * Millisecond timestamps whose declared default matches what MySQL and MariaDB store
 * (CURRENT_TIMESTAMP(3)); TypeORM's own default, CURRENT_TIMESTAMP(6), makes every
 * generated migration re-declare these columns.
 */

export function CreatedAtColumn(): PropertyDecorator {
  return CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' });
}

export function UpdatedAtColumn(): PropertyDecorator {
  return UpdateDateColumn({
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  });
}

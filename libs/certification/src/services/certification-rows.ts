import { EntityRows } from '@lp/core';
import { CertificationEntity, CertificationProgramEntity } from '../entities';

/** Certifications read by hand-written SQL (the learner's dashboard, every completion), columns prefixed `c_`. */
export const certificationRows = new EntityRows(CertificationEntity, 'c_');

/** Programmes, alone or in the same rows as their certifications, columns prefixed `p_`. */
export const programRows = new EntityRows(CertificationProgramEntity, 'p_');

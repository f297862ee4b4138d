import { registerEnumType } from '@nestjs/graphql';
import { CertificationSource, CertificationStatus, RenewalBasis } from '@lp/certification';

registerEnumType(CertificationStatus, {
  name: 'CertificationStatus',
  description: 'Derived from the dates: EXPIRING inside the recertification window',
});
registerEnumType(CertificationSource, { name: 'CertificationSource' });
registerEnumType(RenewalBasis, { name: 'RenewalBasis', description: 'How a renewed certification is dated' });

export { CertificationSource, CertificationStatus, RenewalBasis };

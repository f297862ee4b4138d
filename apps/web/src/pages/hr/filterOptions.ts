import { graphql } from '../../gql';

export const FilterOptionsDocument = graphql(`
  query FilterOptions {
    regions {
      id
      code
      name
    }
    certificationPrograms {
      id
      code
      name
    }
  }
`);

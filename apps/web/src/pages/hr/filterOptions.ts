import { graphql } from '../../gql';

export const FilterOptionsDocument = graphql(`
  query FilterOptions {
    regions {
      id
      code
      name
    }
    stores(first: 100) {
      edges {
        node {
          id
          code
          name
          region {
            id
          }
        }
      }
    }
    certificationPrograms {
      id
      code
      name
    }
  }
`);

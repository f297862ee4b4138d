export * from './queries/region-compliance.query';
export * from './queries/store-compliance.query';
export * from './reporting.module';
export * from './services/compliance-reports.service';
export * from './services/csv-exports.service';
export * from './store-selection';

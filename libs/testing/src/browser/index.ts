export * from './accessibility';
export * from './chromium';
export * from './screenshots';
export * from './web-test';
export * from './browser-errors';

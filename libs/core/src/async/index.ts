export * from './every-one-settled';

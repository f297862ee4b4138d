export * from './delivery-failure';
export * from './mail-message';
export * from './mail.module';
export * from './mail.service';

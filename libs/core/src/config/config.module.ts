import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { type ConfigClass, readConfig, validateConfigs } from './read-config';

/**
 * Makes validated config classes injectable. Every class is checked together first, so a
 * bad environment stops the process with one line per wrong variable.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(configClasses: ConfigClass<object>[]): DynamicModule {
    validateConfigs(configClasses);
    const providers: Provider[] = configClasses.map((configClass) => ({
      provide: configClass,
      useValue: readConfig(configClass),
    }));
    return { module: ConfigModule, providers, exports: providers };
  }
}

import { IsNotEmpty, IsString } from 'class-validator';
import { EnvVar } from './env-var.decorator';

export class WebConfig {
  @EnvVar({
    description:
      'Folder of the built web app (index.html and assets/) that the API serves at /, relative to the working directory',
  })
  @IsString()
  @IsNotEmpty()
  WEB_DIST_DIR = 'dist/web';
}

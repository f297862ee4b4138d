import { IsNotEmpty, IsString } from 'class-validator';
import { EnvVar } from '@lp/core';

export class LearningConfig {
  @EnvVar({
    description:
      'Folder of the built-in curriculum (courses/*.yaml and programs.yaml), relative to the working directory',
  })
  @IsString()
  @IsNotEmpty()
  CURRICULUM_DIR = 'curriculum';
}

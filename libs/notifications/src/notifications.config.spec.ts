import { ConfigValidationError, readConfig } from '@lp/core';
import { NotificationsConfig } from './notifications.config';

describe('the notifications configuration', () => {
  it('sends from 09:00 to 17:00 local time unless told otherwise', () => {
    const config = readConfig(NotificationsConfig, {});
    expect([config.NOTIFY_WINDOW_START_HOUR, config.NOTIFY_WINDOW_END_HOUR]).toEqual([9, 17]);
    expect(
      readConfig(NotificationsConfig, { NOTIFY_WINDOW_START_HOUR: '0', NOTIFY_WINDOW_END_HOUR: '24' }),
    ).toMatchObject({ NOTIFY_WINDOW_START_HOUR: 0, NOTIFY_WINDOW_END_HOUR: 24 });
  });

  it('refuses a window that closes before it opens, or hours that are not hours', () => {
    const problems = (env: Record<string, string>) => {
      try {
        readConfig(NotificationsConfig, env);
        return [];
      } catch (error) {
        return (error as ConfigValidationError).problems;
      }
    };
    expect(problems({ NOTIFY_WINDOW_START_HOUR: '18', NOTIFY_WINDOW_END_HOUR: '9' })).toEqual([
      expect.stringMatching(/^NOTIFY_WINDOW_END_HOUR: must be later than NOTIFY_WINDOW_START_HOUR/),
    ]);
    expect(problems({ NOTIFY_WINDOW_START_HOUR: '9', NOTIFY_WINDOW_END_HOUR: '9' })).toHaveLength(1);
    expect(problems({ NOTIFY_WINDOW_START_HOUR: '25' })).toEqual([expect.stringMatching(/^NOTIFY_WINDOW_START_HOUR:/)]);
    expect(problems({ NOTIFY_SWEEP_EVERY_SECONDS: 'often' })).toEqual([
      expect.stringMatching(/^NOTIFY_SWEEP_EVERY_SECONDS:/),
    ]);
  });
});

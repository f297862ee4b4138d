import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@lp/core';
import { NotificationTemplates } from '@lp/notifications';
import { assignmentOverdueTemplate } from './assignment-overdue.template';
import { certificationExpiredTemplate } from './certification-expired.template';
import { escalationTemplate } from './escalation.template';
import { weeklyDigestTemplate } from './weekly-digest.template';

/** Registers the emails of the kinds the reminder planners add to those notifications knows. */
@Injectable()
export class ReminderTemplates implements OnModuleInit {
  constructor(
    private readonly templates: NotificationTemplates,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.templates.register(assignmentOverdueTemplate);
    this.templates.register(escalationTemplate);
    this.templates.register(certificationExpiredTemplate);
    this.templates.register(weeklyDigestTemplate(this.clock));
  }
}

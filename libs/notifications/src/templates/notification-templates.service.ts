import { Injectable } from '@nestjs/common';
import Handlebars, { type HelperOptions, type TemplateDelegate } from 'handlebars';
import { localDateText, localDateTimeText, localTime, resolveTimezone, zoneLabel } from '@lp/organisation';
import { assignmentDueTemplate } from './assignment-due.template';
import { certificationExpiringTemplate } from './certification-expiring.template';
import type { EmailSources, NotificationTemplate } from './notification-template';

/** Who receives the email and where, in the words the templates use. */
export interface EmailContext {
  recipient: { firstName: string; lastName: string };
  store: { name: string };
  /** The store's IANA zone (already resolved: UTC stands in for an unknown one). */
  timezone: string;
  appUrl: string;
  /** The moment of sending, for "in N days". */
  now: Date;
  plannedAt: Date;
  /** templateData merged with what the template's loader returned. */
  values: Record<string, unknown>;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface CompiledEmail {
  subject: TemplateDelegate;
  text: TemplateDelegate;
  html: TemplateDelegate;
}

interface CompiledTemplate extends CompiledEmail {
  template: NotificationTemplate;
  together?: CompiledEmail;
}

interface RenderData {
  timezone: string;
  appUrl: string;
  now: Date;
}

const LAYOUT = `<!doctype html>
<html lang="en">
<body style="font-family: Arial, Helvetica, sans-serif; color: #222; line-height: 1.5;">
{{{body}}}
<hr style="border: none; border-top: 1px solid #ddd;">
<p style="font-size: 12px; color: #666;">LP Academy · {{store.name}} · <a href="{{appUrl}}">{{appUrl}}</a></p>
</body>
</html>`;

const TEXT_FOOTER = '\n\n-- \nLP Academy · {{store.name}} · {{appUrl}}\n';

function asDate(value: unknown, helper: string): Date {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`${helper}: "${String(value)}" is not a date`);
  return date;
}

/** The calendar day of an instant in a zone, as a count of days since the epoch. */
function localDay(instant: Date, timezone: string): number {
  const { year, month, day } = localTime(instant.getTime(), timezone);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * The email templates by notification kind, compiled once. Domains add their kinds with
 * `register` when their module starts (as the built-in reminder templates are here).
 */
@Injectable()
export class NotificationTemplates {
  /** Our own instance, so helpers registered here cannot clash with another module's. */
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, CompiledTemplate>();

  constructor() {
    this.registerHelpers();
    this.register(assignmentDueTemplate);
    this.register(certificationExpiringTemplate);
  }

  register(template: NotificationTemplate): void {
    if (this.compiled.has(template.kind)) throw new Error(`A template for ${template.kind} is already registered`);
    this.compiled.set(template.kind, {
      template,
      ...this.compile(template),
      together: template.together && this.compile(template.together),
    });
  }

  private compile(sources: EmailSources): CompiledEmail {
    const plain = { noEscape: true, strict: true };
    return {
      subject: this.handlebars.compile(sources.subject, plain),
      text: this.handlebars.compile(sources.text + TEXT_FOOTER, plain),
      html: this.handlebars.compile(LAYOUT.replace('{{{body}}}', sources.html), { strict: true }),
    };
  }

  get(kind: string): NotificationTemplate | undefined {
    return this.compiled.get(kind)?.template;
  }

  /** Renders the email of a registered kind; throws when the kind is unknown or a variable is missing. */
  render(kind: string, context: EmailContext): RenderedEmail {
    const compiled = this.compiled.get(kind);
    if (!compiled) throw new Error(`No email template for ${kind}`);
    return this.renderWith(compiled, context);
  }

  /**
   * Renders the one email of several notifications of a kind whose template sends them
   * `together`, from each one's values (templateData and what its loader returned).
   */
  renderTogether(kind: string, context: Omit<EmailContext, 'values'>, items: Record<string, unknown>[]): RenderedEmail {
    const together = this.compiled.get(kind)?.together;
    if (!together) throw new Error(`No email template for several ${kind} at once`);
    const reasons = [...new Set(items.map((item) => item.reason).filter((reason) => typeof reason === 'string'))];
    return this.renderWith(together, { ...context, values: { items, count: items.length, reasons } });
  }

  private renderWith(compiled: CompiledEmail, context: EmailContext): RenderedEmail {
    const variables = {
      ...context.values,
      recipient: context.recipient,
      store: context.store,
      timezone: context.timezone,
      appUrl: context.appUrl.replace(/\/$/, ''),
      plannedAt: context.plannedAt,
    };
    const data: RenderData = { timezone: context.timezone, appUrl: variables.appUrl, now: context.now };
    return {
      subject: compiled.subject(variables, { data }).replace(/\s+/g, ' ').trim(),
      text: compiled.text(variables, { data }),
      html: compiled.html(variables, { data }),
    };
  }

  private registerHelpers(): void {
    const data = (options: HelperOptions) => options.data as RenderData;
    /** The zone a date is shown in: the recipient's store's, or the one named by `zone=`. */
    const zoneOf = (options: HelperOptions): string =>
      options.hash.zone === undefined ? data(options).timezone : resolveTimezone(String(options.hash.zone)).timezone;
    this.handlebars.registerHelper('date', (value: unknown, options: HelperOptions) =>
      localDateText(asDate(value, 'date'), zoneOf(options)),
    );
    this.handlebars.registerHelper('dateTime', (value: unknown, options: HelperOptions) =>
      localDateTimeText(asDate(value, 'dateTime'), zoneOf(options)),
    );
    this.handlebars.registerHelper('zoneName', (zone: unknown) => zoneLabel(resolveTimezone(String(zone)).timezone));
    this.handlebars.registerHelper('daysUntil', (value: unknown, options: HelperOptions) => {
      const { timezone, now } = data(options);
      return Math.max(0, localDay(asDate(value, 'daysUntil'), timezone) - localDay(now, timezone));
    });
    this.handlebars.registerHelper('appLink', (...args: unknown[]) => {
      const options = args.pop() as HelperOptions;
      const path = args.map((segment) => encodeURIComponent(String(segment))).join('/');
      return `${data(options).appUrl}/${path}`;
    });
  }
}

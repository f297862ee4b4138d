/** Every BullMQ queue of LP Academy. Job names are PascalCase verb-noun, declared beside their processor. */
export enum QueueName {
  /** Operator and infrastructure jobs (e.g. SendTestEmail). */
  System = 'system',
  /** One job per email to deliver. */
  Mail = 'mail',
}

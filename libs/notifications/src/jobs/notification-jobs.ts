import type { BackoffOptions } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '@lp/core';

/** Jobs of the notification queues. */
export enum NotificationJob {
  /** On the `mail` queue: send one notification. */
  DeliverNotification = 'DeliverNotification',
  /** On the `notifications-sweep` queue, from a job scheduler: queue what is due. */
  SweepNotifications = 'SweepNotifications',
}

export interface DeliverNotificationPayload {
  notificationId: number;
}

/** The id of the repeating sweep in BullMQ, the same in every worker so upserting it is idempotent. */
export const SWEEP_SCHEDULER_ID = 'sweep-notifications';

/** One job id per notification, so queueing it again while its job exists is a no-op. */
export function deliveryJobId(notificationId: number): string {
  return `notification-${notificationId}`;
}

/** Attempts and backoff of a delivery job. */
export interface DeliveryRetryPolicy {
  attempts: number;
  backoff: BackoffOptions;
}

export const DELIVERY_RETRY_POLICY = Symbol('DeliveryRetryPolicy');

/**
 * The house defaults: exponential from 10 s over 6 attempts, about five minutes in all; after
 * them the sweep queues an unsent notification anew, with these attempts again.
 */
export const DEFAULT_DELIVERY_RETRY_POLICY: DeliveryRetryPolicy = {
  attempts: DEFAULT_JOB_OPTIONS.attempts ?? 1,
  backoff: DEFAULT_JOB_OPTIONS.backoff as BackoffOptions,
};

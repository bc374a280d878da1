import { notifications } from '@mantine/notifications';
import { ApiError } from './api';

/** A short confirmation that something was saved. */
export function notifySuccess(message: string) {
  notifications.show({ message, color: 'teal', autoClose: 4000 });
}

/** Why an action without a form failed. */
export function notifyError(error: unknown, fallback = 'That did not work.') {
  const title = error instanceof ApiError ? error.problem.title : fallback;
  const message = error instanceof Error ? error.message : fallback;
  notifications.show({ title, message, color: 'red', autoClose: 8000 });
}

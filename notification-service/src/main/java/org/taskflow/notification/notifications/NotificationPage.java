package org.taskflow.notification.notifications;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page, newest first.
 *
 * @param items the notifications
 * @param nextCursor pass as {@code cursor} for the next page; null on the last one
 */
record NotificationPage(List<NotificationView> items, @Nullable String nextCursor) {

}

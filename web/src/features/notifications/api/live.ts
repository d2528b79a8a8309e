import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useToast } from '../../../components/Toasts'
import type { ApiClient } from '../../../lib/api-client'
import { useApi } from '../../../lib/app-context'
import type { AppNotification, TaskChange } from '../../../lib/api/types'
import { taskChangeHandler } from '../../tasks/api/live'
import { taskKeys } from '../../tasks/api/tasks'
import { notificationKeys } from './notifications'

const MAX_BACKOFF_MS = 30_000

export interface LiveHandlers {
  onNotification: (notification: AppNotification) => void
  onTaskChanged: (change: TaskChange) => void
  /** The stream is open (subscribed on the server); `reconnected` after a dropped one. */
  onOpen: (reconnected: boolean) => void
}

/**
 * Keeps a live stream open: EventSource cannot send the bearer token, so each connection is opened with a fresh
 * one-use ticket from POST /api/notifications/stream-tickets. The stream carries `notification` events and
 * `task-changed` hints (a task the person can see changed). A dropped stream is reopened with a new ticket after a
 * growing pause; what was missed meanwhile is fetched again by the caller (onOpen).
 */
export function openLiveStream(api: ApiClient, handlers: LiveHandlers, createSource = (url: string) => new EventSource(url)): () => void {
  let source: EventSource | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  let closed = false

  const connect = async () => {
    if (closed) return
    try {
      const { data } = await api.request<{ ticket: string }>('/api/notifications/stream-tickets', { method: 'POST' })
      if (closed) return
      source = createSource(`/api/notifications/stream?ticket=${encodeURIComponent(data.ticket)}`)
      source.addEventListener('open', () => {
        handlers.onOpen(failures > 0)
        failures = 0
      })
      source.addEventListener('notification', (event) => {
        handlers.onNotification(JSON.parse((event as MessageEvent<string>).data) as AppNotification)
      })
      source.addEventListener('task-changed', (event) => {
        handlers.onTaskChanged(JSON.parse((event as MessageEvent<string>).data) as TaskChange)
      })
      source.addEventListener('error', () => {
        // the browser's own retry would reuse the spent ticket: close and come back with a new one
        source?.close()
        retry()
      })
    } catch {
      retry()
    }
  }
  const retry = () => {
    if (closed) return
    failures++
    timer = setTimeout(connect, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 5)))
  }

  void connect()
  return () => {
    closed = true
    clearTimeout(timer)
    source?.close()
  }
}

/**
 * The live stream for the signed-in frame: new notifications refresh the bell and the list and show a toast; a task
 * changed by someone else is fetched again wherever it is shown. Once the stream is open the notifications are
 * fetched again, since one stored between the page's first fetch and the subscription is pushed to nobody; after a
 * dropped stream the tasks too, since the stream replays missed notifications but not missed task changes.
 */
export function useLiveUpdates(): void {
  const api = useApi()
  const queryClient = useQueryClient()
  const toast = useToast()
  useEffect(() => {
    const onTaskChanged = taskChangeHandler(queryClient)
    return openLiveStream(api, {
      onNotification: (notification) => {
        void queryClient.invalidateQueries({ queryKey: notificationKeys.all })
        toast(notification.title)
      },
      onTaskChanged,
      onOpen: (reconnected) => {
        void queryClient.invalidateQueries({ queryKey: notificationKeys.all })
        if (reconnected) void queryClient.invalidateQueries({ queryKey: taskKeys.all })
      },
    })
  }, [api, queryClient, toast])
}

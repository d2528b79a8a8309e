// The wire types under the names the app uses, from the generated OpenAPI types (npm run api:types). springdoc
// marks no response field as required, so the fields every answer carries are made required here, by name.
import type { components as Auth } from './auth'
import type { components as NotificationApi } from './notification'
import type { components as TaskApi } from './task'
import type { components as UserApi } from './user'

type Present<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> }

export type Task = Present<
  TaskApi['schemas']['TaskResponse'],
  'id' | 'title' | 'status' | 'priority' | 'overdue' | 'tags' | 'ownerId' | 'assigneeIds' | 'createdAt' | 'updatedAt' | 'version'
>
export type TaskRequest = TaskApi['schemas']['TaskRequest']
export type TaskStatus = Task['status']
export type Priority = Task['priority']
export type TaskStats = Present<TaskApi['schemas']['Stats'], 'byStatus' | 'total' | 'overdue' | 'inTrash'>
export type ImportItem = Present<TaskApi['schemas']['Item'], 'index' | 'status'>
export type ImportResult = Omit<Present<TaskApi['schemas']['Result'], 'created' | 'failed'>, 'items'> & { items: ImportItem[] }

export type Profile = Present<UserApi['schemas']['ProfileResponse'], 'id' | 'displayName' | 'timeZone' | 'notifications'>
export type ProfilePatch = UserApi['schemas']['ProfilePatch']
export type Channels = UserApi['schemas']['Channels']
export type UserSummary = Present<UserApi['schemas']['UserSummary'], 'id' | 'displayName'>

export type Account = Present<Auth['schemas']['AccountView'], 'id' | 'email' | 'displayName' | 'roles' | 'status' | 'createdAt'>
export type SessionView = Present<Auth['schemas']['SessionView'], 'id' | 'createdAt' | 'userAgent' | 'address' | 'current'>

export type AppNotification = Present<
  NotificationApi['schemas']['NotificationView'],
  'id' | 'kind' | 'title' | 'body' | 'read' | 'createdAt'
>

/** The data of a `task-changed` event on the live stream: a task the person can see (or could, until now) changed. */
export type TaskChange = Present<NotificationApi['schemas']['TaskChanged'], 'taskId' | 'version'>

export interface Page<T> {
  items: T[]
  nextCursor?: string | null
}
/** A page of tasks; the API types the items loosely because `fields=` may trim them, which the app never asks for. */
export type TaskPage = Page<Task>
export type NotificationPage = Page<AppNotification>

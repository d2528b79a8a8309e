import { ApiError, toApiError } from './problem'
import type { Session } from './session'

export interface RequestOptions {
  method?: string
  /** serialised as JSON unless it is already a string or a Blob */
  body?: unknown
  contentType?: string
  headers?: Record<string, string>
  /** query parameters; arrays repeat the parameter, undefined and '' are left out */
  query?: Record<string, string | number | boolean | readonly string[] | undefined | null>
  signal?: AbortSignal
}

export interface ApiResponse<T> {
  data: T
  headers: Headers
  status: number
}

/**
 * The one way the app calls the API: adds the bearer token, turns a non-2xx answer into an ApiError carrying the
 * problem document, and on a 401 refreshes the session and retries once.
 */
export class ApiClient {
  private readonly session: Session
  private readonly fetchFn: typeof fetch

  constructor(session: Session, fetchFn: typeof fetch = (input, init) => fetch(input, init)) {
    this.session = session
    this.fetchFn = fetchFn
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    let token = await this.session.validToken()
    if (!token) throw new ApiError(401, { title: 'Unauthorized', detail: 'Please sign in.' }, new Headers())
    let response = await this.send(path, options, token)
    if (response.status === 401) {
      token = await this.session.validToken(token)
      if (!token) throw await toApiError(response)
      response = await this.send(path, options, token)
    }
    if (!response.ok) throw await toApiError(response)
    const type = response.headers.get('Content-Type') ?? ''
    const data = (response.status === 204 || !type.includes('json') ? undefined : await response.json()) as T
    return { data, headers: response.headers, status: response.status }
  }

  async get<T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal): Promise<T> {
    return (await this.request<T>(path, { query, signal })).data
  }

  private async send(path: string, options: RequestOptions, token: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers }
    headers.Authorization = `Bearer ${token}`
    let body: BodyInit | undefined
    if (options.body !== undefined) {
      if (typeof options.body === 'string' || options.body instanceof Blob) {
        body = options.body
      } else {
        body = JSON.stringify(options.body)
      }
      headers['Content-Type'] = options.contentType ?? 'application/json'
    }
    try {
      return await this.fetchFn(withQuery(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body,
        signal: options.signal,
        credentials: 'same-origin',
      })
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error
      throw new ApiError(0, { title: 'Network error' }, new Headers())
    }
  }
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) value.forEach((item) => params.append(key, item))
    else params.append(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

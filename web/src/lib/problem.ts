/** An RFC 9457 problem document as the services send it, with the field errors of a 400 `validation`. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: FieldError[]
}

export interface FieldError {
  field: string
  message: string
}

/** A non-2xx answer from the API: the status, the problem document (if any) and the headers. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem
  readonly headers: Headers

  constructor(status: number, problem: Problem, headers: Headers) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.headers = headers
  }

  /** The stable part of the problem type (`urn:taskflow:problem:validation` → `validation`). */
  get kind(): string | undefined {
    const type = this.problem.type
    return type ? type.split(/[:/]/).pop() : undefined
  }

  fieldErrors(): FieldError[] {
    return Array.isArray(this.problem.errors) ? this.problem.errors : []
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = {}
  const type = response.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as Problem
    } catch {
      // a body that does not parse still leaves a usable status
    }
  }
  return new ApiError(response.status, problem, response.headers)
}

/** What to tell a person about any error: the problem's detail when the server gave one. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'The server cannot be reached. Check your connection and try again.'
    return error.problem.detail ?? error.problem.title ?? `Something went wrong (${error.status}).`
  }
  if (error instanceof Error) return error.message
  return 'Something went wrong.'
}

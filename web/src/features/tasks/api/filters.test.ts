import { describe, expect, it } from 'vitest'
import { filtersFrom, listQuery, paramsFrom } from './filters'

describe('task filters', () => {
  it('round-trip through the URL, leaving defaults out', () => {
    const filters = filtersFrom(new URLSearchParams('status=DONE&tag=Home&sort=due&q=report'))

    expect(paramsFrom(filters).toString()).toBe('q=report&status=DONE&tag=Home&sort=due')
    expect(paramsFrom(filtersFrom(new URLSearchParams())).toString()).toBe('')
  })

  it('fall back to the default sort for an unknown one', () => {
    expect(filtersFrom(new URLSearchParams('sort=bogus&order=sideways'))).toMatchObject({ sort: 'created', order: '' })
  })

  it('become the API query, with the cursor of the next page', () => {
    const query = listQuery(filtersFrom(new URLSearchParams('tag=Home&dueAfter=2026-12-01')), 'abc')

    expect(query).toMatchObject({ tag: 'home', dueAfter: '2026-12-01', sort: 'created', limit: 20, cursor: 'abc' })
    expect(query.status).toBeUndefined()
  })
})

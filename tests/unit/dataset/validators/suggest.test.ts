import { describe, expect, it } from 'vitest'
import { editDistance, longestCommonSubstring, suggestIds } from '../../../../src/dataset/validators/suggest'

const CANDIDATES = [
  { id: 'members', names: ['会员人数', 'Union members'] },
  { id: 'members_recruited', names: ['新发展会员', 'New members recruited'] },
  { id: 'unions_founded', names: ['新建基层工会', 'New unions'] },
  { id: 'training_sessions', names: ['培训场次', 'Training sessions'] },
  { id: 'welfare_spending', names: ['帮扶资金', 'Welfare spending'] },
]

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('members', 'members')).toBe(0)
    expect(editDistance('member', 'members')).toBe(1)
    expect(editDistance('memebrs', 'members')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })
})

describe('longestCommonSubstring', () => {
  it('measures the longest shared run', () => {
    expect(longestCommonSubstring('training_count', 'training_sessions')).toBe(9)
    expect(longestCommonSubstring('abc', 'xyz')).toBe(0)
  })
})

describe('suggestIds', () => {
  it('ranks typos first and returns at most three ids', () => {
    expect(suggestIds('memebrs', CANDIDATES)).toEqual(['members'])
    expect(suggestIds('member', CANDIDATES)).toEqual(['members', 'members_recruited'])
    expect(suggestIds('sessions_training_welfare', CANDIDATES).length).toBeLessThanOrEqual(3)
    expect(suggestIds('members_', CANDIDATES, 1)).toEqual(['members'])
  })

  it('finds ids sharing a word or a long substring', () => {
    expect(suggestIds('welfare_funds', CANDIDATES)).toEqual(['welfare_spending'])
    expect(suggestIds('training_count', CANDIDATES)).toEqual(['training_sessions'])
  })

  it('puts the id whose name was typed first', () => {
    expect(suggestIds('培训场次', CANDIDATES)).toEqual(['training_sessions'])
    expect(suggestIds('Welfare Spending', CANDIDATES)[0]).toBe('welfare_spending')
  })

  it('returns nothing when no id is close', () => {
    expect(suggestIds('zzz', CANDIDATES)).toEqual([])
    expect(suggestIds('', CANDIDATES)).toEqual([])
  })
})

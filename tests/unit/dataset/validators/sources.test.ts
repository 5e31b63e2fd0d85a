import { describe, expect, it } from 'vitest'
import { parseCsvText } from '../../../../src/dataset/parse-csv'
import { validateSources } from '../../../../src/dataset/validators/sources'
import { FIXTURE_CATALOGUE } from '../fixtures'

const HEADER = 'id,district,title_zh,published,period,file,note'
const check = (text: string) => validateSources(parseCsvText(text), FIXTURE_CATALOGUE.districts)

describe('validateSources', () => {
  it('returns sources with the district normalised to its id', () => {
    const result = check(`${HEADER}\nxihu-2022,西湖区,五年回顾,2022-11-03,2018-2022,xihu.txt,"a, b"\n`)
    expect(result.rows).toEqual([
      {
        id: 'xihu-2022',
        district: 'xihu',
        titleZh: '五年回顾',
        published: '2022-11-03',
        period: '2018-2022',
        file: 'xihu.txt',
        note: 'a, b',
        titleEn: '',
        publisher: '',
        publisherEn: '',
        labelZh: '',
        labelEn: '',
        periodStatus: 'stated',
        noteEn: '',
      },
    ])
  })

  it('reads the English title, publisher, labels and whether the period was inferred', () => {
    const header = `${HEADER},title_en,publisher,publisher_en,label_zh,label_en,period_status,note_en`
    const result = check(
      `${header}\nx,xihu,标题,,,,,Title,西湖区总工会,Xihu union,西湖区总工会五年报告,Xihu five-year report,inferred,Note\n`,
    )
    expect(result.rows[0]).toMatchObject({
      titleEn: 'Title',
      publisher: '西湖区总工会',
      publisherEn: 'Xihu union',
      labelZh: '西湖区总工会五年报告',
      labelEn: 'Xihu five-year report',
      periodStatus: 'inferred',
      noteEn: 'Note',
    })
    const bad = check(`${header}\nx,xihu,标题,,,,,,,,,,guessed,\n`)
    expect(bad.issues.map((i) => [i.code, i.line, i.column])).toEqual([['period_status-invalid', 2, 'period_status']])
  })

  it('allows empty published, period, file and note', () => {
    expect(check(`${HEADER}\nx,xihu,标题,,,,\n`).rows).toHaveLength(1)
  })

  it('rejects an unknown district, a bad date, a bad period and an empty title', () => {
    const result = check(`${HEADER}\nx,binjiang,,2022-13,2022-2020,,\n`)
    expect(result.issues.map((i) => [i.code, i.column])).toEqual([
      ['field-empty', 'title_zh'],
      ['district-unknown', 'district'],
      ['published-invalid', 'published'],
      ['period-reversed', 'period'],
    ])
  })
})

import { describe, expect, it } from 'vitest'
import {
  buildExportFileName,
  chartSubject,
  numberedFileName,
  sanitizeFileNamePart,
  shortDistrictName,
  uniqueFileNames,
} from '../../../src/export/file-name'

describe('buildExportFileName', () => {
  it('joins subject, year and the districts’ short names', () => {
    expect(
      buildExportFileName({
        subject: '新建基层工会数',
        yearText: '2024',
        districts: ['萧山', '西湖', '钱塘', '富阳'],
        extension: 'png',
      }),
    ).toBe('新建基层工会数_2024_萧山-西湖-钱塘-富阳.png')
  })

  it('writes the latest-figures choice as a word in the current language', () => {
    expect(
      buildExportFileName({
        subject: 'New unions',
        yearText: 'latest',
        districts: ['Xiaoshan', 'Fuyang'],
        extension: 'svg',
      }),
    ).toBe('New unions_latest_Xiaoshan-Fuyang.svg')
  })

  it('gives the 2× and 3× pictures of one chart different names', () => {
    const base = { subject: '新建基层工会', yearText: '2024', districts: ['萧山', '富阳'], extension: 'png' }
    const two = buildExportFileName({ ...base, scale: 2 })
    const three = buildExportFileName({ ...base, scale: 3 })
    expect(two).toBe('新建基层工会_2024_萧山-富阳@2x.png')
    expect(three).toBe('新建基层工会_2024_萧山-富阳@3x.png')
    expect(buildExportFileName(base)).toBe('新建基层工会_2024_萧山-富阳.png')
  })

  it('says after the year that multi-year totals are in', () => {
    expect(
      buildExportFileName({
        subject: '新建基层工会',
        yearText: '2022',
        qualifiers: ['含累计'],
        districts: ['西湖'],
        extension: 'csv',
      }),
    ).toBe('新建基层工会_2022_含累计_西湖.csv')
  })

  it('keeps the scale when a long name is capped', () => {
    const name = buildExportFileName({
      subject: '很'.repeat(300),
      yearText: '2024',
      districts: [],
      scale: 3,
      extension: 'png',
    })
    expect(name.endsWith('@3x.png')).toBe(true)
    expect(new TextEncoder().encode(name).length).toBeLessThan(255)
  })

  it('strips characters Windows forbids and leaves out empty parts', () => {
    expect(
      buildExportFileName({ subject: 'a<b>:"c/d\\e|f?g*h\u0001', yearText: '', districts: [], extension: '.CSV' }),
    ).toBe('abcdefgh.csv')
  })

  it('never returns an empty or reserved name', () => {
    expect(buildExportFileName({ subject: '???', yearText: '', districts: [], extension: 'png' })).toBe('export.png')
    expect(buildExportFileName({ subject: 'CON', yearText: '', districts: [], extension: 'png' })).toBe('_CON.png')
  })
})

describe('sanitizeFileNamePart', () => {
  it('tidies whitespace and the middle dot, and drops trailing dots', () => {
    expect(sanitizeFileNamePart('  新建基层工会 ·  历年趋势.. ')).toBe('新建基层工会·历年趋势')
  })

  it('caps the length by characters, not UTF-16 units', () => {
    expect([...sanitizeFileNamePart('工'.repeat(200), 10)]).toHaveLength(10)
  })
})

describe('shortDistrictName', () => {
  it('drops the administrative suffix in Chinese and keeps English names', () => {
    expect(['萧山区', '西湖区', '钱塘区', '富阳区'].map((n) => shortDistrictName(n, 'zh-CN'))).toEqual([
      '萧山',
      '西湖',
      '钱塘',
      '富阳',
    ])
    expect(shortDistrictName('Xiaoshan', 'en')).toBe('Xiaoshan')
    expect(shortDistrictName('Xihu District', 'en')).toBe('Xihu')
  })

  it('keeps a two-character name whole', () => {
    expect(shortDistrictName('市区', 'zh-CN')).toBe('市区')
  })
})

describe('chartSubject', () => {
  it('removes the year the file name states anyway', () => {
    expect(chartSubject('新建基层工会 · 2024', '2024')).toBe('新建基层工会')
    expect(chartSubject('新建基层工会 · 各区最新', '各区最新')).toBe('新建基层工会')
    expect(chartSubject('New unions · Latest', 'Latest')).toBe('New unions')
  })

  it('keeps other parts of the title', () => {
    expect(chartSubject('新建基层工会 · 历年趋势', '2024')).toBe('新建基层工会·历年趋势')
    expect(chartSubject('共有指标相对水平', '2024')).toBe('共有指标相对水平')
  })
})

describe('uniqueFileNames / numberedFileName', () => {
  it('numbers repeated names inside one archive', () => {
    expect(uniqueFileNames(['a.png', 'b.png', 'A.png', 'a.png'])).toEqual(['a.png', 'b.png', 'A (2).png', 'a (3).png'])
  })

  it('prefixes page order with enough digits to sort', () => {
    expect(numberedFileName(0, 9, 'x.png')).toBe('01_x.png')
    expect(numberedFileName(11, 120, 'x.png')).toBe('012_x.png')
  })
})

describe('buildExportFileName with many districts or hostile names', () => {
  const many = Array.from({ length: 90 }, (_, i) => `区县${i + 1}`)

  it('names the number of districts instead of listing them when there are many', () => {
    expect(
      buildExportFileName({
        subject: '新建基层工会数',
        yearText: '2024',
        districts: many.slice(0, 13),
        districtSummary: '13个区',
        extension: 'png',
      }),
    ).toBe('新建基层工会数_2024_13个区.png')
    expect(
      buildExportFileName({
        subject: 'New unions',
        yearText: 'latest',
        districts: many,
        districtSummary: '90 districts',
        extension: 'csv',
      }),
    ).toBe('New unions_latest_90 districts.csv')
  })

  it('stays within 255 bytes of UTF-8 whatever it is given', () => {
    const name = buildExportFileName({
      subject: '工'.repeat(300),
      yearText: '年'.repeat(300),
      districts: many,
      extension: 'pptx',
    })
    expect(new TextEncoder().encode(numberedFileName(99, 100, name)).length).toBeLessThanOrEqual(255)
    expect(name.endsWith('.pptx')).toBe(true)
  })

  it('strips control and bidi characters so a name cannot pretend to another extension', () => {
    expect(
      buildExportFileName({
        subject: 'report\u202egnp.exe\u2066\u200f\u0085\u001b[31m',
        yearText: '2024',
        districts: [],
        extension: 'csv',
      }),
    ).toBe('reportgnp.exe[31m_2024.csv')
  })
})

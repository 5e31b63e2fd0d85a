import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Catalogue } from '../../../src/types/domain'
import { makeSource } from '../domain/source-fixture'

/** Absolute path of a file under tests/fixtures/csv/. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/csv/${name}`, import.meta.url))
}

/** The bytes of a fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)))
}

/** The UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** The catalogue in tests/fixtures/csv/catalogue/, written out so tests never depend on parsing it. */
export const FIXTURE_CATALOGUE: Catalogue = {
  districts: [
    { id: 'xiaoshan', nameZh: '萧山区', nameEn: 'Xiaoshan', color: '#0072b2' },
    { id: 'xihu', nameZh: '西湖区', nameEn: 'Xihu', color: '#e69f00' },
    { id: 'qiantang', nameZh: '钱塘区', nameEn: 'Qiantang', color: '#009e73' },
    { id: 'fuyang', nameZh: '富阳区', nameEn: 'Fuyang', color: '#cc79a7' },
  ],
  indicators: [
    {
      id: 'members',
      category: 'organising',
      nameZh: '会员人数',
      nameEn: 'Union members',
      unit: '人',
      description: 'Members at the end of the period.',
      descriptionEn: '',
    },
    {
      id: 'members_recruited',
      category: 'organising',
      nameZh: '新发展会员',
      nameEn: 'New members recruited',
      unit: '人',
      description: 'People newly recruited as members.',
      descriptionEn: '',
    },
    {
      id: 'unions_founded',
      category: 'organising',
      nameZh: '新建基层工会',
      nameEn: 'New base-level unions',
      unit: '家',
      description: 'New union organisations set up.',
      descriptionEn: '',
    },
    {
      id: 'training_sessions',
      category: 'training',
      nameZh: '培训场次',
      nameEn: 'Training sessions',
      unit: '场',
      description: 'Training sessions held, of any length.',
      descriptionEn: '',
    },
    {
      id: 'welfare_spending',
      category: 'welfare',
      nameZh: '帮扶资金',
      nameEn: 'Welfare spending',
      unit: '元',
      description: 'Money paid out in hardship aid.',
      descriptionEn: '',
    },
    {
      id: 'coverage_rate',
      category: 'rights',
      nameZh: '建会率',
      nameEn: 'Union coverage rate',
      unit: '%',
      description: 'Share of eligible firms with a union.',
      descriptionEn: '',
    },
    {
      id: 'outreach_events',
      category: 'outreach',
      nameZh: '宣传活动',
      nameEn: 'Outreach events',
      unit: '次',
      description: 'Publicity events.',
      descriptionEn: '',
    },
  ],
  sources: [
    makeSource({
      id: 'xiaoshan-2024',
      district: 'xiaoshan',
      titleZh: '萧山区总工会2024年工作报告',
      published: '2025',
      period: '2024',
      file: 'xiaoshan-2024.txt',
      note: '',
    }),
    makeSource({
      id: 'xihu-2022',
      district: 'xihu',
      titleZh: '西湖区总工会五年回顾',
      published: '2022-11',
      period: '2018-2022',
      file: 'xihu-2022.txt',
      note: 'Published date inferred, "approximately" November.',
    }),
  ],
  bases: [],
  boundaries: [],
}

/** Header of a metrics CSV. */
export const METRICS_HEADER = 'district,indicator,period,value,qualifier,source,quote,note'

/** A metrics CSV text from data lines (LF). */
export function metricsCsv(...lines: string[]): string {
  return [METRICS_HEADER, ...lines].join('\n') + '\n'
}

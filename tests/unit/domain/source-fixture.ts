import type { Source } from '../../../src/types/domain'

/** A source row for tests: the fields given, the optional English and label fields empty, the period stated. */
export function makeSource(p: Pick<Source, 'id' | 'district' | 'titleZh'> & Partial<Source>): Source {
  return {
    published: '',
    period: '',
    file: '',
    note: '',
    titleEn: '',
    publisher: '',
    publisherEn: '',
    labelZh: '',
    labelEn: '',
    periodStatus: 'stated',
    noteEn: '',
    ...p,
  }
}

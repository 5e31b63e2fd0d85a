// The one table of what the CSV checks say, in Chinese and English: the import panel, the error page and
// `npm run validate` word every issue from here. Validators return a code and its parameters, never sentences.
import type { Locale } from '../types/locale'
import type {
  ChoiceIssueParams,
  IssueCode,
  IssueParamsByCode,
  ValidationIssue,
  ValueIssueParams,
} from '../types/validation'

/** Where an issue was found, as its wording may name it. */
interface IssueAt {
  column: string
}

/** The zh and en wording of issues with parameters P. */
interface IssueWording<P> {
  en(params: P, at: IssueAt): string
  zh(params: P, at: IssueAt): string
}

/** Quotes a value for a message, shortening very long ones. */
export function quoteValue(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value
  return `"${shown}"`
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
// Long lists (a catalogue of 90 districts) show their first twelve.
const clipped = (items: readonly string[]): string =>
  items.length <= 12 ? items.join(', ') : `${items.slice(0, 12).join(', ')}, …`

function exampleFor(unit: string | null): string {
  if (unit === '元') return '978900'
  if (unit === '%') return '12.5'
  return unit === null ? '1234.5' : '1234'
}

const expectedEn = ({ unit, suggestion }: ValueIssueParams): string =>
  `expected a plain decimal ${unit ? `in ${unit}` : "in the indicator's base unit"} such as ${suggestion ?? exampleFor(unit)}`
const expectedZh = ({ unit, suggestion }: ValueIssueParams): string =>
  `应为${unit ? `以“${unit}”为单位` : '以指标基本单位计'}的普通小数，例如 ${suggestion ?? exampleFor(unit)}`

/** A value problem worded as "value <shown> <what>; <expected>". */
function valueWording(what: string, whatZh: string): IssueWording<IssueParamsByCode['value-not-number']> {
  return {
    en: (p) => `value ${quoteValue(p.value)} ${what}; ${expectedEn(p)}`,
    zh: (p) => `value ${quoteValue(p.value)} ${whatZh}；${expectedZh(p)}`,
  }
}

const choiceWording: IssueWording<IssueParamsByCode['measure-invalid']> = {
  en: (p: ChoiceIssueParams, { column }) =>
    `${column} ${quoteValue(p.value)} is not one of ${p.allowed.join(', ')}; leave it empty for ${p.fallback}`,
  zh: (p: ChoiceIssueParams, { column }) =>
    `${column} ${quoteValue(p.value)} 不是 ${p.allowed.join('、')} 之一；留空表示 ${p.fallback}`,
}

const districtWording: IssueWording<IssueParamsByCode['district-unknown']> = {
  en: (p) =>
    p.scope === 'catalogue'
      ? `district ${quoteValue(p.value)} is not in districts.csv; expected one of ${p.known.join(', ')}`
      : p.value === ''
        ? `district is empty; expected a district id (${clipped(p.known)}) or its Chinese name such as ${p.example}`
        : `district ${quoteValue(p.value)} is not in the catalogue; expected a district id (${clipped(p.known)}) or its Chinese name such as ${p.example}`,
  zh: (p) =>
    p.scope === 'catalogue'
      ? `district ${quoteValue(p.value)} 不在 districts.csv 中；应为 ${p.known.join(', ')} 之一`
      : p.value === ''
        ? `district 为空；应为区 id（${clipped(p.known)}）或中文名，例如 ${p.example}`
        : `district ${quoteValue(p.value)} 不在区目录中；应为区 id（${clipped(p.known)}）或中文名，例如 ${p.example}`,
}

const none = (en: string, zh: string): IssueWording<IssueParamsByCode['empty-file']> => ({ en: () => en, zh: () => zh })

const WORDING: { [C in IssueCode]: IssueWording<IssueParamsByCode[C]> } = {
  'encoding-binary': {
    en: ({ format }) =>
      format === 'png'
        ? 'the file is a PNG image, not CSV text; expected a CSV file in UTF-8 or GB18030'
        : format === 'archive'
          ? 'the file is an Excel workbook or other archive, not CSV text; in Excel use Save As → "CSV UTF-8 (Comma delimited)"'
          : 'the file is not text (it contains binary data such as NUL bytes); expected a CSV file in UTF-8 or GB18030',
    zh: ({ format }) =>
      format === 'png'
        ? '该文件是 PNG 图片，不是 CSV 文本；应为 UTF-8 或 GB18030 编码的 CSV 文件'
        : format === 'archive'
          ? '该文件是 Excel 工作簿或其他压缩文件，不是 CSV 文本；请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”'
          : '该文件不是文本（含有 NUL 字节等二进制数据）；应为 UTF-8 或 GB18030 编码的 CSV 文件',
  },
  'encoding-utf16': none(
    'the file is encoded as UTF-16, which is not supported; save it as "CSV UTF-8 (Comma delimited)" or plain CSV',
    '文件为 UTF-16 编码，不受支持；请另存为“CSV UTF-8（逗号分隔）”或普通 CSV',
  ),
  'encoding-mixed': {
    en: ({ from }) => {
      const [before, after] = from === 'utf-8' ? ['UTF-8', 'GB18030 (GBK)'] : ['GB18030 (GBK)', 'UTF-8']
      return `the file mixes two encodings: the lines before this one are ${before}, this line is ${after}, so its Chinese text would be garbled; save the whole file again in one encoding, such as "CSV UTF-8"`
    },
    zh: ({ from }) => {
      const [before, after] = from === 'utf-8' ? ['UTF-8', 'GB18030 (GBK)'] : ['GB18030 (GBK)', 'UTF-8']
      return `文件混用了两种编码：此前各行为 ${before}，从此行起为 ${after}，中文会变成乱码；请将整个文件重新保存为同一种编码，如“CSV UTF-8”`
    },
  },
  'encoding-html': none(
    'the file is a web page (HTML), not CSV text; a server may have sent a page instead of the file',
    '该文件是网页（HTML），不是 CSV 文本；可能是服务器返回了网页而不是所需的文件',
  ),
  'encoding-invalid': {
    en: ({ bom }) =>
      bom
        ? 'the file starts with a UTF-8 byte order mark but is not valid UTF-8; save it again as "CSV UTF-8"'
        : 'the file is neither UTF-8 nor GB18030 text; save it as "CSV UTF-8 (Comma delimited)"',
    zh: ({ bom }) =>
      bom
        ? '文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8；请重新另存为“CSV UTF-8”'
        : '文件既不是 UTF-8 也不是 GB18030 文本；请另存为“CSV UTF-8（逗号分隔）”',
  },
  'quote-unterminated': {
    en: (_, { column }) =>
      `a quoted field${column ? ` in column "${column}"` : ''} is never closed, so the rest of the file was read into it; add the closing "`,
    zh: (_, { column }) =>
      `引号字段${column ? `（列“${column}”）` : ''}没有结束引号，文件其余部分都被读入该字段；请补上结束的 "`,
  },
  'quote-malformed': {
    en: (_, { column }) =>
      `a quoted field${column ? ` in column "${column}"` : ''} has text after its closing quote; a " inside a quoted field must be doubled ("")`,
    zh: (_, { column }) =>
      `引号字段${column ? `（列“${column}”）` : ''}在结束引号后还有文字；引号字段内的 " 必须写成两个（""）`,
  },
  'header-duplicate': {
    en: (_, { column }) => `column "${column}" appears more than once in the header; each column may appear only once`,
    zh: (_, { column }) => `表头中列“${column}”出现多次；每列只能出现一次`,
  },
  'field-count': {
    en: ({ fields, columns }) =>
      `the line has ${plural(fields, 'field')} but the header has ${plural(columns, 'column')}${
        fields > columns
          ? '; a field containing a comma (such as 1,234) must be quoted or written without the comma'
          : ''
      }`,
    zh: ({ fields, columns }) =>
      `该行有 ${fields} 个字段，但表头有 ${columns} 列${fields > columns ? '；含逗号的字段（如 1,234）需用双引号括起或去掉逗号' : ''}`,
  },
  'empty-file': none(
    'the file is empty; expected a header row followed by data rows',
    '文件为空；应包含表头行和数据行',
  ),
  'no-data-rows': none('the file has a header but no data rows', '文件只有表头，没有数据行'),
  'kind-unknown': {
    en: ({ separator }) =>
      `the header does not match any known file: expected a metrics file (district,indicator,period,value,…) or districts.csv, indicators.csv, sources.csv, bases.csv or boundaries.csv${
        separator ? "; the header looks separated by ';', save the file with commas" : ''
      }`,
    zh: ({ separator }) =>
      `表头与任何已知文件都不匹配：应为指标数据文件（district,indicator,period,value,…）或 districts.csv、indicators.csv、sources.csv、bases.csv、boundaries.csv${
        separator ? '；表头似乎以分号分隔，请保存为逗号分隔的 CSV' : ''
      }`,
  },
  'column-missing': {
    en: ({ required, separator }, { column }) =>
      `required column "${column}" is missing; the header must contain ${required.join(', ')}.${
        separator
          ? ` The header looks separated by ${separator === ';' ? "';'" : 'tabs'}; save the file with commas.`
          : ''
      }`,
    zh: ({ required, separator }, { column }) =>
      `缺少必需列“${column}”；表头必须包含 ${required.join('、')}。${
        separator ? `表头似乎以${separator === ';' ? '分号' : '制表符'}分隔；请保存为逗号分隔的 CSV。` : ''
      }`,
  },
  'column-unknown': {
    en: ({ index, known }, { column }) =>
      `${column === '' ? `column ${index} has no name` : `column "${column}" is not a known column`} and is ignored; known columns are ${known.join(', ')}`,
    zh: ({ index, known }, { column }) =>
      `${column === '' ? `第 ${index} 列没有列名` : `列“${column}”不是已知列`}，已忽略；已知列为 ${known.join(', ')}`,
  },
  'id-empty': {
    en: (_, { column }) => `${column} is empty; every row needs an id`,
    zh: (_, { column }) => `${column} 为空；每行都需要一个 id`,
  },
  'id-invalid': {
    en: ({ value }, { column }) =>
      `${column} ${quoteValue(value)} may only contain lowercase letters a-z, digits, '_' and '-'`,
    zh: ({ value }, { column }) => `${column} ${quoteValue(value)} 只能包含小写字母 a-z、数字、“_”和“-”`,
  },
  'id-duplicate': {
    en: ({ value, first }, { column }) =>
      `${column} ${quoteValue(value)} is a duplicate; it already appears on line ${first}`,
    zh: ({ value, first }, { column }) => `${column} ${quoteValue(value)} 重复；已出现在第 ${first} 行`,
  },
  'field-empty': {
    en: (_, { column }) => `${column} is empty; it is required`,
    zh: (_, { column }) => `${column} 为空；该字段必填`,
  },
  'name-duplicate': {
    en: ({ value, first }) =>
      `name_zh ${quoteValue(value)} already appears on line ${first}; district names must be unique`,
    zh: ({ value, first }) => `name_zh ${quoteValue(value)} 已在第 ${first} 行出现；区名称必须唯一`,
  },
  'color-invalid': {
    en: ({ value }) => `color ${quoteValue(value)} is not a hex colour; expected #RRGGBB such as #1f77b4`,
    zh: ({ value }) => `color ${quoteValue(value)} 不是十六进制颜色；应为 #RRGGBB，例如 #1f77b4`,
  },
  'category-invalid': {
    en: ({ value, allowed }) => `category ${quoteValue(value)} is not one of ${allowed.join(', ')}`,
    zh: ({ value, allowed }) => `category ${quoteValue(value)} 不是 ${allowed.join('、')} 之一`,
  },
  'unit-invalid': {
    en: ({ value, allowed, baseUnit }) =>
      `unit ${quoteValue(value)} is not one of ${allowed.join(' ')}${baseUnit ? `; store values in the base unit (${baseUnit})` : ''}`,
    zh: ({ value, allowed, baseUnit }) =>
      `unit ${quoteValue(value)} 不是 ${allowed.join(' ')} 之一${baseUnit ? `；数值应以基本单位（${baseUnit}）存储` : ''}`,
  },
  'change-of-unknown': {
    en: ({ value }) =>
      `change_of ${quoteValue(value)} is not another indicator's id; it names the indicator whose change on the previous year this rate states, or stays empty`,
    zh: ({ value }) => `change_of ${quoteValue(value)} 不是另一个指标的 id；应填写本增幅所对应的指标，或留空`,
  },
  'change-of-unit': {
    en: ({ unit }) =>
      `a stated rate of change (change_of) is a percentage: its unit must be %, not ${quoteValue(unit)}`,
    zh: ({ unit }) => `填写了 change_of 的增幅指标单位应为 %，而不是 ${quoteValue(unit)}`,
  },
  'published-invalid': {
    en: ({ value }) =>
      `published ${quoteValue(value)} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD such as 2022-03-15`,
    zh: ({ value }) => `published ${quoteValue(value)} 不是日期；应为 YYYY、YYYY-MM 或 YYYY-MM-DD，例如 2022-03-15`,
  },
  'period_status-invalid': choiceWording,
  'year-invalid': {
    en: ({ value, min, max }) =>
      `year ${quoteValue(value)} is not a year; expected YYYY between ${min} and ${max}, the first year the new boundary applies`,
    zh: ({ value, min, max }) =>
      `year ${quoteValue(value)} 不是年份；应为 ${min}–${max} 之间的 YYYY，即新边界开始适用的年份`,
  },
  'boundary-duplicate': {
    en: ({ district, year, first }) =>
      `district ${district}, year ${year} already appears on line ${first}; describe each year's change in one row`,
    zh: ({ district, year, first }) => `区 ${district}、年份 ${year} 已在第 ${first} 行出现；每年的变化请写在同一行`,
  },
  'district-empty': districtWording,
  'district-unknown': districtWording,
  'indicator-empty': none(
    'indicator is empty; expected an indicator id from indicators.csv',
    'indicator 为空；应为 indicators.csv 中的指标 id',
  ),
  'indicator-unknown': {
    en: ({ value, near }) =>
      `indicator ${quoteValue(value)} is not in the catalogue${near.length > 0 ? `; did you mean ${near.join(', ')}?` : '; expected an indicator id from indicators.csv'}`,
    zh: ({ value, near }) =>
      `indicator ${quoteValue(value)} 不在指标目录中${near.length > 0 ? `；是否指 ${near.join('、')}？` : '；应为 indicators.csv 中的指标 id'}`,
  },
  'period-empty': {
    en: (_, { column }) => `${column} is empty; expected YYYY or YYYY-YYYY such as 2021 or 2019-2021`,
    zh: (_, { column }) => `${column} 为空；应为 YYYY 或 YYYY-YYYY，例如 2021 或 2019-2021`,
  },
  'period-invalid': {
    en: ({ value, suggestion }, { column }) =>
      `${column} "${value}" is not a year or year range; expected YYYY or YYYY-YYYY such as ${suggestion ?? '2021 or 2019-2021'}`,
    zh: ({ value, suggestion }, { column }) =>
      `${column} "${value}" 不是年份或年份区间；应为 YYYY 或 YYYY-YYYY，例如 ${suggestion ?? '2021 或 2019-2021'}`,
  },
  'period-out-of-range': {
    en: ({ value, min, max }, { column }) => `${column} "${value}" is outside the years ${min}–${max}`,
    zh: ({ value, min, max }, { column }) => `${column} "${value}" 超出 ${min}–${max} 年的范围`,
  },
  'period-reversed': {
    en: ({ value, start, end }, { column }) =>
      `${column} "${value}" starts after it ends; write the earlier year first, such as ${end}-${start}`,
    zh: ({ value, start, end }, { column }) =>
      `${column} "${value}" 的起始年份晚于结束年份；请先写较早的年份，例如 ${end}-${start}`,
  },
  'value-empty': {
    en: (p) => `value is empty; ${expectedEn(p)}`,
    zh: (p) => `value 为空；${expectedZh(p)}`,
  },
  'value-not-finite': valueWording('is not a finite number', '不是有限数值'),
  'value-negative': {
    en: (p) =>
      `value ${quoteValue(p.value)} is negative or has a leading '-'; expected a non-negative plain decimal ${p.unit ? `in ${p.unit}` : "in the indicator's base unit"} such as 0 or ${p.suggestion ?? exampleFor(p.unit)}`,
    zh: (p) =>
      `value ${quoteValue(p.value)} 为负数或以“-”开头；应为${p.unit ? `以“${p.unit}”为单位` : '以指标基本单位计'}的非负普通小数，例如 0 或 ${p.suggestion ?? exampleFor(p.unit)}`,
  },
  'value-plus-sign': valueWording("has a leading '+'", '以“+”开头'),
  'value-exponent': valueWording('uses exponent notation', '使用了科学计数法'),
  'value-percent': valueWording('has a percent sign', '带有百分号'),
  'value-thousands-separator': valueWording('has thousands separators', '含千位分隔符'),
  'value-unit': valueWording('is not a plain number (it carries a unit or 万/亿)', '不是普通数字（带有单位或万/亿）'),
  'value-not-number': valueWording('is not a plain number', '不是普通数字'),
  'qualifier-invalid': {
    en: ({ value, hint }) =>
      `qualifier ${quoteValue(value)} is not one of exact, approx, at_least, at_most; leave it empty for exact${hint ? ` (did you mean ${hint}?)` : ''}`,
    zh: ({ value, hint }) =>
      `qualifier ${quoteValue(value)} 不是 exact、approx、at_least、at_most 之一；留空表示 exact${hint ? `（是否指 ${hint}？）` : ''}`,
  },
  'measure-invalid': choiceWording,
  'status-invalid': choiceWording,
  'method-invalid': choiceWording,
  'place-invalid': {
    en: ({ value }) => `place ${quoteValue(value)} is not a paragraph number (1, 2, 3…); leave it empty when unknown`,
    zh: ({ value }) => `place ${quoteValue(value)} 不是段落序号（1、2、3……）；不知道时留空`,
  },
  'basis-unknown': {
    en: ({ value, known }) =>
      `basis ${quoteValue(value)} is not in bases.csv; leave it empty for the indicator's own definition, or ${known.length === 0 ? 'bases.csv defines none' : `expected one of ${clipped(known)}`}`,
    zh: ({ value, known }) =>
      `basis ${quoteValue(value)} 不在 bases.csv 中；留空表示按指标定义统计，或${known.length === 0 ? 'bases.csv 未定义任何口径' : `应为 ${clipped(known)} 之一`}`,
  },
  'duplicate-key': {
    en: ({ district, indicator, period, first }) =>
      `district ${district}, indicator ${indicator}, period ${period} already appears on line ${first}; each combination may appear only once`,
    zh: ({ district, indicator, period, first }) =>
      `区 ${district}、指标 ${indicator}、期间 ${period} 已在第 ${first} 行出现；每个组合只能出现一次`,
  },
  'attributes-defaulted': {
    en: ({ assumed }) =>
      `the file has no ${assumed.map((a) => a.column).join(', ')} column; every row is taken as ${assumed
        .map((a) => `${a.column}=${a.value === '' ? '(empty)' : a.value}`)
        .join(', ')} (add the columns to say what each figure counts)`,
    zh: ({ assumed }) =>
      `文件没有 ${assumed.map((a) => a.column).join('、')} 列；所有行按 ${assumed
        .map((a) => `${a.column}=${a.value === '' ? '（空）' : a.value}`)
        .join('、')} 处理（可补充这些列说明每个数字的统计口径）`,
  },
}

function wordingOf<C extends IssueCode>(code: C): IssueWording<IssueParamsByCode[C]> {
  return WORDING[code]
}

/** An issue's message in a language: what is wrong and what was expected. */
export function issueMessage(issue: ValidationIssue, locale: Locale): string {
  const wording = wordingOf<IssueCode>(issue.code)
  return locale === 'en' ? wording.en(issue.params, issue) : wording.zh(issue.params, issue)
}

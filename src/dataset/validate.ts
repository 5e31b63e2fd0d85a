/** The validators in one import: each narrows a ParsedCsv into typed rows plus issues. */
export { validateDistricts, DISTRICT_COLUMNS } from './validators/districts'
export { validateIndicators, INDICATOR_COLUMNS } from './validators/indicators'
export { validateSources, SOURCE_COLUMNS } from './validators/sources'
export { validateMetrics, METRIC_COLUMNS, buildDistrictLookup, resolveDistrict } from './validators/metrics'
export { createIssueCollector } from './validators/common'
export type { ColumnSpec, IssueCollector, ValidateOptions, ValidationResult } from './validators/common'

import { computed, type ComputedRef } from 'vue'
import { storeToRefs } from 'pinia'
import { useI18n } from 'petite-vue-i18n'
import type { Locale } from '../types/locale'
import { localName } from '../domain/intl'
import { toLocale } from '../locales'
import { useDatasetsStore } from '../stores/datasets'

/** Return of useLocalNames. */
export interface UseLocalNamesReturn {
  /** The page's language as a Locale. */
  loc: ComputedRef<Locale>
  /** A district's name in the page's language (its id when the catalogue does not know it). */
  districtName: (id: string) => string
  /** An indicator's name in the page's language (its id when unknown). */
  indicatorName: (id: string) => string
  /** Names joined as the language lists them: '萧山区、富阳区' or 'Xiaoshan, Fuyang'. */
  joinNames: (names: readonly string[]) => string
}

/** Names of districts and indicators in the page's language, for components that show them. */
export function useLocalNames(): UseLocalNamesReturn {
  const { locale } = useI18n()
  const { districtById, indicatorById } = storeToRefs(useDatasetsStore())
  const loc = computed(() => toLocale(locale.value))
  return {
    loc,
    districtName: (id) => {
      const d = districtById.value.get(id)
      return d ? localName(d, loc.value) : id
    },
    indicatorName: (id) => {
      const i = indicatorById.value.get(id)
      return i ? localName(i, loc.value) : id
    },
    joinNames: (names) => names.join(loc.value === 'en' ? ', ' : '、'),
  }
}

// Meeting mode's messages beyond the launcher and the printed header, in both languages: registered when the
// slides or the presentation menu load.
import zhCNSlides from './zh-CN.presentation-slides.json'
import enSlides from './en.presentation-slides.json'
import { addMessages } from '.'

addMessages('zh-CN', zhCNSlides)
addMessages('en', enSlides)

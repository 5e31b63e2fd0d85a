// The import panel's messages in both languages, registered when the panel's code loads.
import zhCNImport from './zh-CN.import.json'
import enImport from './en.import.json'
import { addMessages } from '.'

addMessages('zh-CN', zhCNImport)
addMessages('en', enImport)

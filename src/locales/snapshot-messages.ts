// The meeting snapshot panel's messages in both languages, registered when the panel's code loads.
import zhCNSnapshot from './zh-CN.snapshot.json'
import enSnapshot from './en.snapshot.json'
import { addMessages } from '.'

addMessages('zh-CN', zhCNSnapshot)
addMessages('en', enSnapshot)

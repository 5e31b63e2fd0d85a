// The English messages of the page (the import panel's come with it): loaded when English is first chosen.
import en from './en.json'
import enExport from './en.export.json'
import enPresentation from './en.presentation.json'
import enBrief from './en.brief.json'
import enRemarks from './en.remarks.json'

export default { ...en, ...enExport, ...enPresentation, ...enBrief, ...enRemarks }

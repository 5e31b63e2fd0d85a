/** A reason an export cannot run (nothing to export, clipboard refused): shown to the user as is, not as a failure. */
export class ExportNotice extends Error {
  override name = 'ExportNotice'
}

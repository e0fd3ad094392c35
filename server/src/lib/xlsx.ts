/** What ExcelJS leaves out of a workbook that LibreOffice needs. */

/**
 * Makes LibreOffice keep a sheet's autofilter: Excel also writes the filtered range as the hidden sheet-local name
 * `_xlnm._FilterDatabase`, and Calc drops an `<autoFilter>` without it. ExcelJS derives defined names from cells (one
 * entry per cell of the range, too many for a long list), so the one name is given as the workbook's list of names.
 * `range` as set on the sheet ('A1:M120'); the sheet is the first one of the workbook.
 */
export function keepAutoFilter(definedNames: object, sheetName: string, range: string): void {
  const absolute = range
    .split(':')
    .map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
  const name = { name: '_xlnm._FilterDatabase', localSheetId: 0, ranges: [`'${sheetName}'!${absolute}`] };
  Object.defineProperty(definedNames, 'model', { get: () => [name], configurable: true });
}

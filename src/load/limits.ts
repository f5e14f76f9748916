/** Input limits: each one, when passed, is a clear error rather than a slow run or exhausted memory. */
export const LIMITS = {
  /** Largest YAML file read, in bytes. */
  fileBytes: 5 * 1024 * 1024,
  /**
   * Most values (scalars, lists, maps, aliases) in one file, counted by a quick scan before the file is parsed:
   * the parsed tree costs about 1 KB a value, so 5 MB of "[1,1,1,…" would take minutes and gigabytes. A
   * 5 MB batch of real letters holds about half this many.
   */
  nodes: 400_000,
  /** Most alias (*ref) expansions in one file: stops "billion laughs" alias bombs. */
  aliases: 100,
  /** Deepest nesting of maps and lists. */
  depth: 32,
  /** Most letters in one batch file. */
  letters: 20000,
  /** Most tasks, recipients (to), or Nơi nhận items (cc) in one letter. */
  listItems: 200,
  /** Most rows in one appendix table (inline or from a sheet): a 2,000-row table is already 60 pages. */
  tableRows: 5000,
  /** Longest text value, in characters. */
  textChars: 100_000,
  /** Largest workbook (.xlsx) or CSV file read, in bytes: a 1,000-row sheet of letters is about 100 KB. */
  sheetBytes: 20 * 1024 * 1024,
  /**
   * Most bytes a workbook may inflate to, counted as they are produced (not as the zip declares them): a "zip
   * bomb" of a few KB that inflates to gigabytes stops here. Real workbooks inflate about 10× (1,000 rows ≈ 1 MB).
   */
  inflatedBytes: 100 * 1024 * 1024,
  /** Most parts (files) in a workbook's zip. */
  zipEntries: 2000,
  /** Most rows (after the header) read from one sheet for letters_from. */
  sheetRows: 20000,
} as const;

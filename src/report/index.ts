import type { Problem } from '../problem.js';

/** The output formats of `cchc validate --format`. */
export const FORMATS = ['stylish', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportInput {
  problems: readonly Problem[];
  /** Every file checked (the json reporter lists them). */
  files: readonly string[];
  /** Colour (stylish only): on a terminal, never with NO_COLOR. */
  color: boolean;
}

/** The problems in the chosen format, without a final newline ("" when the format prints nothing for none). */
export async function formatProblems(format: Format, input: ReportInput): Promise<string> {
  switch (format) {
    case 'json': return (await import('./json.js')).json(input.problems, input.files);
    case 'github': return (await import('./github.js')).github(input.problems);
    case 'stylish': return (await import('./stylish.js')).stylish(input.problems, { color: input.color });
  }
}

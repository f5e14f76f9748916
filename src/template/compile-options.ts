/** Our Handlebars helpers, and the options every template is compiled with (at build time or at run time). */
export const HELPERS = ['bold', 'docRef', 'bodyDate'] as const;

/**
 * No HTML escaping (a letter is not HTML: "&" stays "&"); only our helpers may be called
 * (knownHelpersOnly), so a template cannot reach anything else.
 */
export const COMPILE_OPTIONS = {
  noEscape: true,
  strict: false,
  knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])),
  knownHelpersOnly: true,
};

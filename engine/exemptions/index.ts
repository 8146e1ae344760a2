// Public entry point of the exemptions module: import from here, not from the files behind it.
export type { Category, Diagnostic, Exemption, FileState, FileStatus, Justification, NodePosition, Position, PositionMap, Severity } from "./types.js";
export { CATEGORIES, CATEGORY_OF_JUSTIFICATION, JUSTIFICATIONS, STATUSES } from "./types.js";
export { MAX_FILE_BYTES, decodeExemptionBytes } from "./decode.js";
export type { DecodeResult } from "./decode.js";
export { expiryFromFlag, formatDate, parseDuration, parseExpiry } from "./expiry.js";
export type { DurationResult, ExpiryResult } from "./expiry.js";
export { locate, pointerToPath } from "./positions.js";
export { EXEMPTION_SCHEMA, KNOWN_FIELDS, schemaDiagnostics } from "./schema-check.js";
export { parseExemptionBytes, parseExemptionText } from "./parse-file.js";
export type { ParsedFile } from "./parse-file.js";
export {
  DEFAULT_CHECKS,
  diagnosticAt,
  expiredIsInformational,
  fileNameMatchesName,
  fileStateAt,
  justificationMatchesCategory,
  noDuplicateCoverage,
  runChecks,
  uniqueNames,
  validFiles,
} from "./checks.js";
export type { CheckContext, ExemptionCheck, ValidFile } from "./checks.js";
export { discoverExemptionFiles, displayPath } from "./discover.js";
export type { DiscoverOptions, DiscoveredFile, Discovery } from "./discover.js";
export { isValid, loadExemptionFile, loadExemptionFiles, loadExemptions, validateParsed } from "./load.js";
export type { LoadOptions, LoadResult } from "./load.js";
export { renderExemption } from "./render.js";
export type { ExemptionDraft } from "./render.js";

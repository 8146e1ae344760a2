// The Rego front end: text → AST (see ast.ts). Errors are CompileError values with code
// rego_parse_error, located at file:line:col.

export { parseModule, parseQuery } from "./module.js";
export { parseQuery as parseBody } from "./module.js";
export { tokenize, type LexResult } from "./lexer.js";
export type { Token, TokenKind, Comment } from "./tokens.js";
export type * from "./ast.js";
export { termToString, exprToString, bodyToString, ruleToString } from "./print.js";
export { sourceExcerpt } from "./excerpt.js";

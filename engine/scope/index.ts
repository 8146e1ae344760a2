// Public entry point of the scope module: import from here, not from the files behind it.
export {
  GLOBAL_SCOPE,
  ancestry,
  formatScopeError,
  isGuid,
  isWithin,
  levelRank,
  mustParseScope,
  parentOf,
  parseManagementGroupRef,
  parseScope,
  sameScope,
  sameScopeText,
} from "./scope.js";
export type {
  AncestryOptions,
  GlobalScope,
  ManagementGroupScope,
  ResourceGroupScope,
  ResourceScope,
  ResourceSegment,
  Scope,
  ScopeError,
  ScopeLevel,
  ScopeResult,
  SubscriptionScope,
} from "./scope.js";

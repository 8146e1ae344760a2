import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);
import {
  __commonJS,
  __export,
  __toESM,
  strictBuiltinErrorsSection
} from "./chunk-7IE4MIOT.js";

// node_modules/@open-policy-agent/opa-wasm/src/builtins/json.js
var require_json = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/json.js"(exports, module) {
    function isValidJSON(str) {
      if (typeof str !== "string") {
        return;
      }
      try {
        JSON.parse(str);
        return true;
      } catch (err) {
        if (err instanceof SyntaxError) {
          return false;
        }
        throw err;
      }
    }
    module.exports = {
      "json.is_valid": isValidJSON
    };
  }
});

// node_modules/sprintf-js/src/sprintf.js
var require_sprintf = __commonJS({
  "node_modules/sprintf-js/src/sprintf.js"(exports) {
    !(function() {
      "use strict";
      var re = {
        not_string: /[^s]/,
        not_bool: /[^t]/,
        not_type: /[^T]/,
        not_primitive: /[^v]/,
        number: /[diefg]/,
        numeric_arg: /[bcdiefguxX]/,
        json: /[j]/,
        not_json: /[^j]/,
        text: /^[^\x25]+/,
        modulo: /^\x25{2}/,
        placeholder: /^\x25(?:([1-9]\d*)\$|\(([^)]+)\))?(\+)?(0|'[^$])?(-)?(\d+)?(?:\.(\d+))?([b-gijostTuvxX])/,
        key: /^([a-z_][a-z_\d]*)/i,
        key_access: /^\.([a-z_][a-z_\d]*)/i,
        index_access: /^\[(\d+)\]/,
        sign: /^[+-]/
      };
      function sprintf(key) {
        return sprintf_format(sprintf_parse(key), arguments);
      }
      function vsprintf(fmt, argv) {
        return sprintf.apply(null, [fmt].concat(argv || []));
      }
      function sprintf_format(parse_tree, argv) {
        var cursor = 1, tree_length = parse_tree.length, arg, output = "", i, k, ph, pad2, pad_character, pad_length, is_positive, sign;
        for (i = 0; i < tree_length; i++) {
          if (typeof parse_tree[i] === "string") {
            output += parse_tree[i];
          } else if (typeof parse_tree[i] === "object") {
            ph = parse_tree[i];
            if (ph.keys) {
              arg = argv[cursor];
              for (k = 0; k < ph.keys.length; k++) {
                if (arg == void 0) {
                  throw new Error(sprintf('[sprintf] Cannot access property "%s" of undefined value "%s"', ph.keys[k], ph.keys[k - 1]));
                }
                arg = arg[ph.keys[k]];
              }
            } else if (ph.param_no) {
              arg = argv[ph.param_no];
            } else {
              arg = argv[cursor++];
            }
            if (re.not_type.test(ph.type) && re.not_primitive.test(ph.type) && arg instanceof Function) {
              arg = arg();
            }
            if (re.numeric_arg.test(ph.type) && (typeof arg !== "number" && isNaN(arg))) {
              throw new TypeError(sprintf("[sprintf] expecting number but found %T", arg));
            }
            if (re.number.test(ph.type)) {
              is_positive = arg >= 0;
            }
            switch (ph.type) {
              case "b":
                arg = parseInt(arg, 10).toString(2);
                break;
              case "c":
                arg = String.fromCharCode(parseInt(arg, 10));
                break;
              case "d":
              case "i":
                arg = parseInt(arg, 10);
                break;
              case "j":
                arg = JSON.stringify(arg, null, ph.width ? parseInt(ph.width) : 0);
                break;
              case "e":
                arg = ph.precision ? parseFloat(arg).toExponential(ph.precision) : parseFloat(arg).toExponential();
                break;
              case "f":
                arg = ph.precision ? parseFloat(arg).toFixed(ph.precision) : parseFloat(arg);
                break;
              case "g":
                arg = ph.precision ? String(Number(arg.toPrecision(ph.precision))) : parseFloat(arg);
                break;
              case "o":
                arg = (parseInt(arg, 10) >>> 0).toString(8);
                break;
              case "s":
                arg = String(arg);
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "t":
                arg = String(!!arg);
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "T":
                arg = Object.prototype.toString.call(arg).slice(8, -1).toLowerCase();
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "u":
                arg = parseInt(arg, 10) >>> 0;
                break;
              case "v":
                arg = arg.valueOf();
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "x":
                arg = (parseInt(arg, 10) >>> 0).toString(16);
                break;
              case "X":
                arg = (parseInt(arg, 10) >>> 0).toString(16).toUpperCase();
                break;
            }
            if (re.json.test(ph.type)) {
              output += arg;
            } else {
              if (re.number.test(ph.type) && (!is_positive || ph.sign)) {
                sign = is_positive ? "+" : "-";
                arg = arg.toString().replace(re.sign, "");
              } else {
                sign = "";
              }
              pad_character = ph.pad_char ? ph.pad_char === "0" ? "0" : ph.pad_char.charAt(1) : " ";
              pad_length = ph.width - (sign + arg).length;
              pad2 = ph.width ? pad_length > 0 ? pad_character.repeat(pad_length) : "" : "";
              output += ph.align ? sign + arg + pad2 : pad_character === "0" ? sign + pad2 + arg : pad2 + sign + arg;
            }
          }
        }
        return output;
      }
      var sprintf_cache = /* @__PURE__ */ Object.create(null);
      function sprintf_parse(fmt) {
        if (sprintf_cache[fmt]) {
          return sprintf_cache[fmt];
        }
        var _fmt = fmt, match, parse_tree = [], arg_names = 0;
        while (_fmt) {
          if ((match = re.text.exec(_fmt)) !== null) {
            parse_tree.push(match[0]);
          } else if ((match = re.modulo.exec(_fmt)) !== null) {
            parse_tree.push("%");
          } else if ((match = re.placeholder.exec(_fmt)) !== null) {
            if (match[2]) {
              arg_names |= 1;
              var field_list = [], replacement_field = match[2], field_match = [];
              if ((field_match = re.key.exec(replacement_field)) !== null) {
                field_list.push(field_match[1]);
                while ((replacement_field = replacement_field.substring(field_match[0].length)) !== "") {
                  if ((field_match = re.key_access.exec(replacement_field)) !== null) {
                    field_list.push(field_match[1]);
                  } else if ((field_match = re.index_access.exec(replacement_field)) !== null) {
                    field_list.push(field_match[1]);
                  } else {
                    throw new SyntaxError("[sprintf] failed to parse named argument key");
                  }
                }
              } else {
                throw new SyntaxError("[sprintf] failed to parse named argument key");
              }
              match[2] = field_list;
            } else {
              arg_names |= 2;
            }
            if (arg_names === 3) {
              throw new Error("[sprintf] mixing positional and named placeholders is not (yet) supported");
            }
            parse_tree.push(
              {
                placeholder: match[0],
                param_no: match[1],
                keys: match[2],
                sign: match[3],
                pad_char: match[4],
                align: match[5],
                width: match[6],
                precision: match[7],
                type: match[8]
              }
            );
          } else {
            throw new SyntaxError("[sprintf] unexpected placeholder");
          }
          _fmt = _fmt.substring(match[0].length);
        }
        return sprintf_cache[fmt] = parse_tree;
      }
      if (typeof exports !== "undefined") {
        exports["sprintf"] = sprintf;
        exports["vsprintf"] = vsprintf;
      }
      if (typeof window !== "undefined") {
        window["sprintf"] = sprintf;
        window["vsprintf"] = vsprintf;
        if (typeof define === "function" && define["amd"]) {
          define(function() {
            return {
              "sprintf": sprintf,
              "vsprintf": vsprintf
            };
          });
        }
      }
    })();
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/strings.js
var require_strings = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/strings.js"(exports, module) {
    var vsprintf = require_sprintf().vsprintf;
    var sprintf = (s2, values) => vsprintf(s2, values);
    module.exports = { sprintf };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/regex.js
var require_regex = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/regex.js"(exports, module) {
    var regexSplit = (pattern, s2) => s2.split(RegExp(pattern));
    module.exports = { "regex.split": regexSplit };
  }
});

// node_modules/yaml/dist/PlainValue-516d5bc2.js
var require_PlainValue_516d5bc2 = __commonJS({
  "node_modules/yaml/dist/PlainValue-516d5bc2.js"(exports) {
    "use strict";
    var Char = {
      ANCHOR: "&",
      COMMENT: "#",
      TAG: "!",
      DIRECTIVES_END: "-",
      DOCUMENT_END: "."
    };
    var Type = {
      ALIAS: "ALIAS",
      BLANK_LINE: "BLANK_LINE",
      BLOCK_FOLDED: "BLOCK_FOLDED",
      BLOCK_LITERAL: "BLOCK_LITERAL",
      COMMENT: "COMMENT",
      DIRECTIVE: "DIRECTIVE",
      DOCUMENT: "DOCUMENT",
      FLOW_MAP: "FLOW_MAP",
      FLOW_SEQ: "FLOW_SEQ",
      MAP: "MAP",
      MAP_KEY: "MAP_KEY",
      MAP_VALUE: "MAP_VALUE",
      PLAIN: "PLAIN",
      QUOTE_DOUBLE: "QUOTE_DOUBLE",
      QUOTE_SINGLE: "QUOTE_SINGLE",
      SEQ: "SEQ",
      SEQ_ITEM: "SEQ_ITEM"
    };
    var defaultTagPrefix = "tag:yaml.org,2002:";
    var defaultTags = {
      MAP: "tag:yaml.org,2002:map",
      SEQ: "tag:yaml.org,2002:seq",
      STR: "tag:yaml.org,2002:str"
    };
    function findLineStarts(src) {
      const ls = [0];
      let offset = src.indexOf("\n");
      while (offset !== -1) {
        offset += 1;
        ls.push(offset);
        offset = src.indexOf("\n", offset);
      }
      return ls;
    }
    function getSrcInfo(cst) {
      let lineStarts, src;
      if (typeof cst === "string") {
        lineStarts = findLineStarts(cst);
        src = cst;
      } else {
        if (Array.isArray(cst)) cst = cst[0];
        if (cst && cst.context) {
          if (!cst.lineStarts) cst.lineStarts = findLineStarts(cst.context.src);
          lineStarts = cst.lineStarts;
          src = cst.context.src;
        }
      }
      return {
        lineStarts,
        src
      };
    }
    function getLinePos(offset, cst) {
      if (typeof offset !== "number" || offset < 0) return null;
      const {
        lineStarts,
        src
      } = getSrcInfo(cst);
      if (!lineStarts || !src || offset > src.length) return null;
      for (let i = 0; i < lineStarts.length; ++i) {
        const start = lineStarts[i];
        if (offset < start) {
          return {
            line: i,
            col: offset - lineStarts[i - 1] + 1
          };
        }
        if (offset === start) return {
          line: i + 1,
          col: 1
        };
      }
      const line = lineStarts.length;
      return {
        line,
        col: offset - lineStarts[line - 1] + 1
      };
    }
    function getLine2(line, cst) {
      const {
        lineStarts,
        src
      } = getSrcInfo(cst);
      if (!lineStarts || !(line >= 1) || line > lineStarts.length) return null;
      const start = lineStarts[line - 1];
      let end = lineStarts[line];
      while (end && end > start && src[end - 1] === "\n") --end;
      return src.slice(start, end);
    }
    function getPrettyContext({
      start,
      end
    }, cst, maxWidth = 80) {
      let src = getLine2(start.line, cst);
      if (!src) return null;
      let {
        col
      } = start;
      if (src.length > maxWidth) {
        if (col <= maxWidth - 10) {
          src = src.substr(0, maxWidth - 1) + "\u2026";
        } else {
          const halfWidth = Math.round(maxWidth / 2);
          if (src.length > col + halfWidth) src = src.substr(0, col + halfWidth - 1) + "\u2026";
          col -= src.length - maxWidth;
          src = "\u2026" + src.substr(1 - maxWidth);
        }
      }
      let errLen = 1;
      let errEnd = "";
      if (end) {
        if (end.line === start.line && col + (end.col - start.col) <= maxWidth + 1) {
          errLen = end.col - start.col;
        } else {
          errLen = Math.min(src.length + 1, maxWidth) - col;
          errEnd = "\u2026";
        }
      }
      const offset = col > 1 ? " ".repeat(col - 1) : "";
      const err = "^".repeat(errLen);
      return `${src}
${offset}${err}${errEnd}`;
    }
    var Range = class _Range {
      static copy(orig) {
        return new _Range(orig.start, orig.end);
      }
      constructor(start, end) {
        this.start = start;
        this.end = end || start;
      }
      isEmpty() {
        return typeof this.start !== "number" || !this.end || this.end <= this.start;
      }
      /**
       * Set `origStart` and `origEnd` to point to the original source range for
       * this node, which may differ due to dropped CR characters.
       *
       * @param {number[]} cr - Positions of dropped CR characters
       * @param {number} offset - Starting index of `cr` from the last call
       * @returns {number} - The next offset, matching the one found for `origStart`
       */
      setOrigRange(cr, offset) {
        const {
          start,
          end
        } = this;
        if (cr.length === 0 || end <= cr[0]) {
          this.origStart = start;
          this.origEnd = end;
          return offset;
        }
        let i = offset;
        while (i < cr.length) {
          if (cr[i] > start) break;
          else ++i;
        }
        this.origStart = start + i;
        const nextOffset = i;
        while (i < cr.length) {
          if (cr[i] >= end) break;
          else ++i;
        }
        this.origEnd = end + i;
        return nextOffset;
      }
    };
    var Node = class _Node {
      static addStringTerminator(src, offset, str) {
        if (str[str.length - 1] === "\n") return str;
        const next = _Node.endOfWhiteSpace(src, offset);
        return next >= src.length || src[next] === "\n" ? str + "\n" : str;
      }
      // ^(---|...)
      static atDocumentBoundary(src, offset, sep) {
        const ch0 = src[offset];
        if (!ch0) return true;
        const prev = src[offset - 1];
        if (prev && prev !== "\n") return false;
        if (sep) {
          if (ch0 !== sep) return false;
        } else {
          if (ch0 !== Char.DIRECTIVES_END && ch0 !== Char.DOCUMENT_END) return false;
        }
        const ch1 = src[offset + 1];
        const ch2 = src[offset + 2];
        if (ch1 !== ch0 || ch2 !== ch0) return false;
        const ch3 = src[offset + 3];
        return !ch3 || ch3 === "\n" || ch3 === "	" || ch3 === " ";
      }
      static endOfIdentifier(src, offset) {
        let ch = src[offset];
        const isVerbatim = ch === "<";
        const notOk = isVerbatim ? ["\n", "	", " ", ">"] : ["\n", "	", " ", "[", "]", "{", "}", ","];
        while (ch && notOk.indexOf(ch) === -1) ch = src[offset += 1];
        if (isVerbatim && ch === ">") offset += 1;
        return offset;
      }
      static endOfIndent(src, offset) {
        let ch = src[offset];
        while (ch === " ") ch = src[offset += 1];
        return offset;
      }
      static endOfLine(src, offset) {
        let ch = src[offset];
        while (ch && ch !== "\n") ch = src[offset += 1];
        return offset;
      }
      static endOfWhiteSpace(src, offset) {
        let ch = src[offset];
        while (ch === "	" || ch === " ") ch = src[offset += 1];
        return offset;
      }
      static startOfLine(src, offset) {
        let ch = src[offset - 1];
        if (ch === "\n") return offset;
        while (ch && ch !== "\n") ch = src[offset -= 1];
        return offset + 1;
      }
      /**
       * End of indentation, or null if the line's indent level is not more
       * than `indent`
       *
       * @param {string} src
       * @param {number} indent
       * @param {number} lineStart
       * @returns {?number}
       */
      static endOfBlockIndent(src, indent, lineStart) {
        const inEnd = _Node.endOfIndent(src, lineStart);
        if (inEnd > lineStart + indent) {
          return inEnd;
        } else {
          const wsEnd = _Node.endOfWhiteSpace(src, inEnd);
          const ch = src[wsEnd];
          if (!ch || ch === "\n") return wsEnd;
        }
        return null;
      }
      static atBlank(src, offset, endAsBlank) {
        const ch = src[offset];
        return ch === "\n" || ch === "	" || ch === " " || endAsBlank && !ch;
      }
      static nextNodeIsIndented(ch, indentDiff, indicatorAsIndent) {
        if (!ch || indentDiff < 0) return false;
        if (indentDiff > 0) return true;
        return indicatorAsIndent && ch === "-";
      }
      // should be at line or string end, or at next non-whitespace char
      static normalizeOffset(src, offset) {
        const ch = src[offset];
        return !ch ? offset : ch !== "\n" && src[offset - 1] === "\n" ? offset - 1 : _Node.endOfWhiteSpace(src, offset);
      }
      // fold single newline into space, multiple newlines to N - 1 newlines
      // presumes src[offset] === '\n'
      static foldNewline(src, offset, indent) {
        let inCount = 0;
        let error = false;
        let fold = "";
        let ch = src[offset + 1];
        while (ch === " " || ch === "	" || ch === "\n") {
          switch (ch) {
            case "\n":
              inCount = 0;
              offset += 1;
              fold += "\n";
              break;
            case "	":
              if (inCount <= indent) error = true;
              offset = _Node.endOfWhiteSpace(src, offset + 2) - 1;
              break;
            case " ":
              inCount += 1;
              offset += 1;
              break;
          }
          ch = src[offset + 1];
        }
        if (!fold) fold = " ";
        if (ch && inCount <= indent) error = true;
        return {
          fold,
          offset,
          error
        };
      }
      constructor(type, props, context) {
        Object.defineProperty(this, "context", {
          value: context || null,
          writable: true
        });
        this.error = null;
        this.range = null;
        this.valueRange = null;
        this.props = props || [];
        this.type = type;
        this.value = null;
      }
      getPropValue(idx, key, skipKey) {
        if (!this.context) return null;
        const {
          src
        } = this.context;
        const prop = this.props[idx];
        return prop && src[prop.start] === key ? src.slice(prop.start + (skipKey ? 1 : 0), prop.end) : null;
      }
      get anchor() {
        for (let i = 0; i < this.props.length; ++i) {
          const anchor = this.getPropValue(i, Char.ANCHOR, true);
          if (anchor != null) return anchor;
        }
        return null;
      }
      get comment() {
        const comments = [];
        for (let i = 0; i < this.props.length; ++i) {
          const comment = this.getPropValue(i, Char.COMMENT, true);
          if (comment != null) comments.push(comment);
        }
        return comments.length > 0 ? comments.join("\n") : null;
      }
      commentHasRequiredWhitespace(start) {
        const {
          src
        } = this.context;
        if (this.header && start === this.header.end) return false;
        if (!this.valueRange) return false;
        const {
          end
        } = this.valueRange;
        return start !== end || _Node.atBlank(src, end - 1);
      }
      get hasComment() {
        if (this.context) {
          const {
            src
          } = this.context;
          for (let i = 0; i < this.props.length; ++i) {
            if (src[this.props[i].start] === Char.COMMENT) return true;
          }
        }
        return false;
      }
      get hasProps() {
        if (this.context) {
          const {
            src
          } = this.context;
          for (let i = 0; i < this.props.length; ++i) {
            if (src[this.props[i].start] !== Char.COMMENT) return true;
          }
        }
        return false;
      }
      get includesTrailingLines() {
        return false;
      }
      get jsonLike() {
        const jsonLikeTypes = [Type.FLOW_MAP, Type.FLOW_SEQ, Type.QUOTE_DOUBLE, Type.QUOTE_SINGLE];
        return jsonLikeTypes.indexOf(this.type) !== -1;
      }
      get rangeAsLinePos() {
        if (!this.range || !this.context) return void 0;
        const start = getLinePos(this.range.start, this.context.root);
        if (!start) return void 0;
        const end = getLinePos(this.range.end, this.context.root);
        return {
          start,
          end
        };
      }
      get rawValue() {
        if (!this.valueRange || !this.context) return null;
        const {
          start,
          end
        } = this.valueRange;
        return this.context.src.slice(start, end);
      }
      get tag() {
        for (let i = 0; i < this.props.length; ++i) {
          const tag = this.getPropValue(i, Char.TAG, false);
          if (tag != null) {
            if (tag[1] === "<") {
              return {
                verbatim: tag.slice(2, -1)
              };
            } else {
              const [_, handle, suffix] = tag.match(/^(.*!)([^!]*)$/);
              return {
                handle,
                suffix
              };
            }
          }
        }
        return null;
      }
      get valueRangeContainsNewline() {
        if (!this.valueRange || !this.context) return false;
        const {
          start,
          end
        } = this.valueRange;
        const {
          src
        } = this.context;
        for (let i = start; i < end; ++i) {
          if (src[i] === "\n") return true;
        }
        return false;
      }
      parseComment(start) {
        const {
          src
        } = this.context;
        if (src[start] === Char.COMMENT) {
          const end = _Node.endOfLine(src, start + 1);
          const commentRange = new Range(start, end);
          this.props.push(commentRange);
          return end;
        }
        return start;
      }
      /**
       * Populates the `origStart` and `origEnd` values of all ranges for this
       * node. Extended by child classes to handle descendant nodes.
       *
       * @param {number[]} cr - Positions of dropped CR characters
       * @param {number} offset - Starting index of `cr` from the last call
       * @returns {number} - The next offset, matching the one found for `origStart`
       */
      setOrigRanges(cr, offset) {
        if (this.range) offset = this.range.setOrigRange(cr, offset);
        if (this.valueRange) this.valueRange.setOrigRange(cr, offset);
        this.props.forEach((prop) => prop.setOrigRange(cr, offset));
        return offset;
      }
      toString() {
        const {
          context: {
            src
          },
          range,
          value
        } = this;
        if (value != null) return value;
        const str = src.slice(range.start, range.end);
        return _Node.addStringTerminator(src, range.end, str);
      }
    };
    var YAMLError = class extends Error {
      constructor(name, source, message) {
        if (!message || !(source instanceof Node)) throw new Error(`Invalid arguments for new ${name}`);
        super();
        this.name = name;
        this.message = message;
        this.source = source;
      }
      makePretty() {
        if (!this.source) return;
        this.nodeType = this.source.type;
        const cst = this.source.context && this.source.context.root;
        if (typeof this.offset === "number") {
          this.range = new Range(this.offset, this.offset + 1);
          const start = cst && getLinePos(this.offset, cst);
          if (start) {
            const end = {
              line: start.line,
              col: start.col + 1
            };
            this.linePos = {
              start,
              end
            };
          }
          delete this.offset;
        } else {
          this.range = this.source.range;
          this.linePos = this.source.rangeAsLinePos;
        }
        if (this.linePos) {
          const {
            line,
            col
          } = this.linePos.start;
          this.message += ` at line ${line}, column ${col}`;
          const ctx = cst && getPrettyContext(this.linePos, cst);
          if (ctx) this.message += `:

${ctx}
`;
        }
        delete this.source;
      }
    };
    var YAMLReferenceError = class extends YAMLError {
      constructor(source, message) {
        super("YAMLReferenceError", source, message);
      }
    };
    var YAMLSemanticError = class extends YAMLError {
      constructor(source, message) {
        super("YAMLSemanticError", source, message);
      }
    };
    var YAMLSyntaxError = class extends YAMLError {
      constructor(source, message) {
        super("YAMLSyntaxError", source, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(source, message) {
        super("YAMLWarning", source, message);
      }
    };
    function _defineProperty(e, r, t) {
      return (r = _toPropertyKey(r)) in e ? Object.defineProperty(e, r, {
        value: t,
        enumerable: true,
        configurable: true,
        writable: true
      }) : e[r] = t, e;
    }
    function _toPrimitive(t, r) {
      if ("object" != typeof t || !t) return t;
      var e = t[Symbol.toPrimitive];
      if (void 0 !== e) {
        var i = e.call(t, r || "default");
        if ("object" != typeof i) return i;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return ("string" === r ? String : Number)(t);
    }
    function _toPropertyKey(t) {
      var i = _toPrimitive(t, "string");
      return "symbol" == typeof i ? i : i + "";
    }
    var PlainValue = class _PlainValue extends Node {
      static endOfLine(src, start, inFlow) {
        let ch = src[start];
        let offset = start;
        while (ch && ch !== "\n") {
          if (inFlow && (ch === "[" || ch === "]" || ch === "{" || ch === "}" || ch === ",")) break;
          const next = src[offset + 1];
          if (ch === ":" && (!next || next === "\n" || next === "	" || next === " " || inFlow && next === ",")) break;
          if ((ch === " " || ch === "	") && next === "#") break;
          offset += 1;
          ch = next;
        }
        return offset;
      }
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        let {
          start,
          end
        } = this.valueRange;
        const {
          src
        } = this.context;
        let ch = src[end - 1];
        while (start < end && (ch === "\n" || ch === "	" || ch === " ")) ch = src[--end - 1];
        let str = "";
        for (let i = start; i < end; ++i) {
          const ch2 = src[i];
          if (ch2 === "\n") {
            const {
              fold,
              offset
            } = Node.foldNewline(src, i, -1);
            str += fold;
            i = offset;
          } else if (ch2 === " " || ch2 === "	") {
            const wsStart = i;
            let next = src[i + 1];
            while (i < end && (next === " " || next === "	")) {
              i += 1;
              next = src[i + 1];
            }
            if (next !== "\n") str += i > wsStart ? src.slice(wsStart, i + 1) : ch2;
          } else {
            str += ch2;
          }
        }
        const ch0 = src[start];
        switch (ch0) {
          case "	": {
            const msg = "Plain value cannot start with a tab character";
            const errors = [new YAMLSemanticError(this, msg)];
            return {
              errors,
              str
            };
          }
          case "@":
          case "`": {
            const msg = `Plain value cannot start with reserved character ${ch0}`;
            const errors = [new YAMLSemanticError(this, msg)];
            return {
              errors,
              str
            };
          }
          default:
            return str;
        }
      }
      parseBlockValue(start) {
        const {
          indent,
          inFlow,
          src
        } = this.context;
        let offset = start;
        let valueEnd = start;
        for (let ch = src[offset]; ch === "\n"; ch = src[offset]) {
          if (Node.atDocumentBoundary(src, offset + 1)) break;
          const end = Node.endOfBlockIndent(src, indent, offset + 1);
          if (end === null || src[end] === "#") break;
          if (src[end] === "\n") {
            offset = end;
          } else {
            valueEnd = _PlainValue.endOfLine(src, end, inFlow);
            offset = valueEnd;
          }
        }
        if (this.valueRange.isEmpty()) this.valueRange.start = start;
        this.valueRange.end = valueEnd;
        return valueEnd;
      }
      /**
       * Parses a plain value from the source
       *
       * Accepted forms are:
       * ```
       * #comment
       *
       * first line
       *
       * first line #comment
       *
       * first line
       * block
       * lines
       *
       * #comment
       * block
       * lines
       * ```
       * where block lines are empty or have an indent level greater than `indent`.
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar, may be `\n`
       */
      parse(context, start) {
        this.context = context;
        const {
          inFlow,
          src
        } = context;
        let offset = start;
        const ch = src[offset];
        if (ch && ch !== "#" && ch !== "\n") {
          offset = _PlainValue.endOfLine(src, start, inFlow);
        }
        this.valueRange = new Range(start, offset);
        offset = Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        if (!this.hasComment || this.valueRange.isEmpty()) {
          offset = this.parseBlockValue(offset);
        }
        return offset;
      }
    };
    exports.Char = Char;
    exports.Node = Node;
    exports.PlainValue = PlainValue;
    exports.Range = Range;
    exports.Type = Type;
    exports.YAMLError = YAMLError;
    exports.YAMLReferenceError = YAMLReferenceError;
    exports.YAMLSemanticError = YAMLSemanticError;
    exports.YAMLSyntaxError = YAMLSyntaxError;
    exports.YAMLWarning = YAMLWarning;
    exports._defineProperty = _defineProperty;
    exports.defaultTagPrefix = defaultTagPrefix;
    exports.defaultTags = defaultTags;
  }
});

// node_modules/yaml/dist/parse-cst.js
var require_parse_cst = __commonJS({
  "node_modules/yaml/dist/parse-cst.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var BlankLine = class extends PlainValue.Node {
      constructor() {
        super(PlainValue.Type.BLANK_LINE);
      }
      /* istanbul ignore next */
      get includesTrailingLines() {
        return true;
      }
      /**
       * Parses a blank line from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first \n character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        this.range = new PlainValue.Range(start, start + 1);
        return start + 1;
      }
    };
    var CollectionItem = class extends PlainValue.Node {
      constructor(type, props) {
        super(type, props);
        this.node = null;
      }
      get includesTrailingLines() {
        return !!this.node && this.node.includesTrailingLines;
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        const {
          parseNode: parseNode2,
          src
        } = context;
        let {
          atLineStart,
          lineStart
        } = context;
        if (!atLineStart && this.type === PlainValue.Type.SEQ_ITEM) this.error = new PlainValue.YAMLSemanticError(this, "Sequence items must not have preceding content on the same line");
        const indent = atLineStart ? start - lineStart : context.indent;
        let offset = PlainValue.Node.endOfWhiteSpace(src, start + 1);
        let ch = src[offset];
        const inlineComment = ch === "#";
        const comments = [];
        let blankLine = null;
        while (ch === "\n" || ch === "#") {
          if (ch === "#") {
            const end2 = PlainValue.Node.endOfLine(src, offset + 1);
            comments.push(new PlainValue.Range(offset, end2));
            offset = end2;
          } else {
            atLineStart = true;
            lineStart = offset + 1;
            const wsEnd = PlainValue.Node.endOfWhiteSpace(src, lineStart);
            if (src[wsEnd] === "\n" && comments.length === 0) {
              blankLine = new BlankLine();
              lineStart = blankLine.parse({
                src
              }, lineStart);
            }
            offset = PlainValue.Node.endOfIndent(src, lineStart);
          }
          ch = src[offset];
        }
        if (PlainValue.Node.nextNodeIsIndented(ch, offset - (lineStart + indent), this.type !== PlainValue.Type.SEQ_ITEM)) {
          this.node = parseNode2({
            atLineStart,
            inCollection: false,
            indent,
            lineStart,
            parent: this
          }, offset);
        } else if (ch && lineStart > start + 1) {
          offset = lineStart - 1;
        }
        if (this.node) {
          if (blankLine) {
            const items = context.parent.items || context.parent.contents;
            if (items) items.push(blankLine);
          }
          if (comments.length) Array.prototype.push.apply(this.props, comments);
          offset = this.node.range.end;
        } else {
          if (inlineComment) {
            const c = comments[0];
            this.props.push(c);
            offset = c.end;
          } else {
            offset = PlainValue.Node.endOfLine(src, start + 1);
          }
        }
        const end = this.node ? this.node.valueRange.end : offset;
        this.valueRange = new PlainValue.Range(start, end);
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        return this.node ? this.node.setOrigRanges(cr, offset) : offset;
      }
      toString() {
        const {
          context: {
            src
          },
          node,
          range,
          value
        } = this;
        if (value != null) return value;
        const str = node ? src.slice(range.start, node.range.start) + String(node) : src.slice(range.start, range.end);
        return PlainValue.Node.addStringTerminator(src, range.end, str);
      }
    };
    var Comment = class extends PlainValue.Node {
      constructor() {
        super(PlainValue.Type.COMMENT);
      }
      /**
       * Parses a comment line from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const offset = this.parseComment(start);
        this.range = new PlainValue.Range(start, offset);
        return offset;
      }
    };
    function grabCollectionEndComments(node) {
      let cnode = node;
      while (cnode instanceof CollectionItem) cnode = cnode.node;
      if (!(cnode instanceof Collection)) return null;
      const len = cnode.items.length;
      let ci = -1;
      for (let i = len - 1; i >= 0; --i) {
        const n = cnode.items[i];
        if (n.type === PlainValue.Type.COMMENT) {
          const {
            indent,
            lineStart
          } = n.context;
          if (indent > 0 && n.range.start >= lineStart + indent) break;
          ci = i;
        } else if (n.type === PlainValue.Type.BLANK_LINE) ci = i;
        else break;
      }
      if (ci === -1) return null;
      const ca = cnode.items.splice(ci, len - ci);
      const prevEnd = ca[0].range.start;
      while (true) {
        cnode.range.end = prevEnd;
        if (cnode.valueRange && cnode.valueRange.end > prevEnd) cnode.valueRange.end = prevEnd;
        if (cnode === node) break;
        cnode = cnode.context.parent;
      }
      return ca;
    }
    var Collection = class _Collection extends PlainValue.Node {
      static nextContentHasIndent(src, offset, indent) {
        const lineStart = PlainValue.Node.endOfLine(src, offset) + 1;
        offset = PlainValue.Node.endOfWhiteSpace(src, lineStart);
        const ch = src[offset];
        if (!ch) return false;
        if (offset >= lineStart + indent) return true;
        if (ch !== "#" && ch !== "\n") return false;
        return _Collection.nextContentHasIndent(src, offset, indent);
      }
      constructor(firstItem) {
        super(firstItem.type === PlainValue.Type.SEQ_ITEM ? PlainValue.Type.SEQ : PlainValue.Type.MAP);
        for (let i = firstItem.props.length - 1; i >= 0; --i) {
          if (firstItem.props[i].start < firstItem.context.lineStart) {
            this.props = firstItem.props.slice(0, i + 1);
            firstItem.props = firstItem.props.slice(i + 1);
            const itemRange = firstItem.props[0] || firstItem.valueRange;
            firstItem.range.start = itemRange.start;
            break;
          }
        }
        this.items = [firstItem];
        const ec = grabCollectionEndComments(firstItem);
        if (ec) Array.prototype.push.apply(this.items, ec);
      }
      get includesTrailingLines() {
        return this.items.length > 0;
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        const {
          parseNode: parseNode2,
          src
        } = context;
        let lineStart = PlainValue.Node.startOfLine(src, start);
        const firstItem = this.items[0];
        firstItem.context.parent = this;
        this.valueRange = PlainValue.Range.copy(firstItem.valueRange);
        const indent = firstItem.range.start - firstItem.context.lineStart;
        let offset = start;
        offset = PlainValue.Node.normalizeOffset(src, offset);
        let ch = src[offset];
        let atLineStart = PlainValue.Node.endOfWhiteSpace(src, lineStart) === offset;
        let prevIncludesTrailingLines = false;
        while (ch) {
          while (ch === "\n" || ch === "#") {
            if (atLineStart && ch === "\n" && !prevIncludesTrailingLines) {
              const blankLine = new BlankLine();
              offset = blankLine.parse({
                src
              }, offset);
              this.valueRange.end = offset;
              if (offset >= src.length) {
                ch = null;
                break;
              }
              this.items.push(blankLine);
              offset -= 1;
            } else if (ch === "#") {
              if (offset < lineStart + indent && !_Collection.nextContentHasIndent(src, offset, indent)) {
                return offset;
              }
              const comment = new Comment();
              offset = comment.parse({
                indent,
                lineStart,
                src
              }, offset);
              this.items.push(comment);
              this.valueRange.end = offset;
              if (offset >= src.length) {
                ch = null;
                break;
              }
            }
            lineStart = offset + 1;
            offset = PlainValue.Node.endOfIndent(src, lineStart);
            if (PlainValue.Node.atBlank(src, offset)) {
              const wsEnd = PlainValue.Node.endOfWhiteSpace(src, offset);
              const next = src[wsEnd];
              if (!next || next === "\n" || next === "#") {
                offset = wsEnd;
              }
            }
            ch = src[offset];
            atLineStart = true;
          }
          if (!ch) {
            break;
          }
          if (offset !== lineStart + indent && (atLineStart || ch !== ":")) {
            if (offset < lineStart + indent) {
              if (lineStart > start) offset = lineStart;
              break;
            } else if (!this.error) {
              const msg = "All collection items must start at the same column";
              this.error = new PlainValue.YAMLSyntaxError(this, msg);
            }
          }
          if (firstItem.type === PlainValue.Type.SEQ_ITEM) {
            if (ch !== "-") {
              if (lineStart > start) offset = lineStart;
              break;
            }
          } else if (ch === "-" && !this.error) {
            const next = src[offset + 1];
            if (!next || next === "\n" || next === "	" || next === " ") {
              const msg = "A collection cannot be both a mapping and a sequence";
              this.error = new PlainValue.YAMLSyntaxError(this, msg);
            }
          }
          const node = parseNode2({
            atLineStart,
            inCollection: true,
            indent,
            lineStart,
            parent: this
          }, offset);
          if (!node) return offset;
          this.items.push(node);
          this.valueRange.end = node.valueRange.end;
          offset = PlainValue.Node.normalizeOffset(src, node.range.end);
          ch = src[offset];
          atLineStart = false;
          prevIncludesTrailingLines = node.includesTrailingLines;
          if (ch) {
            let ls = offset - 1;
            let prev = src[ls];
            while (prev === " " || prev === "	") prev = src[--ls];
            if (prev === "\n") {
              lineStart = ls + 1;
              atLineStart = true;
            }
          }
          const ec = grabCollectionEndComments(node);
          if (ec) Array.prototype.push.apply(this.items, ec);
        }
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        this.items.forEach((node) => {
          offset = node.setOrigRanges(cr, offset);
        });
        return offset;
      }
      toString() {
        const {
          context: {
            src
          },
          items,
          range,
          value
        } = this;
        if (value != null) return value;
        let str = src.slice(range.start, items[0].range.start) + String(items[0]);
        for (let i = 1; i < items.length; ++i) {
          const item = items[i];
          const {
            atLineStart,
            indent
          } = item.context;
          if (atLineStart) for (let i2 = 0; i2 < indent; ++i2) str += " ";
          str += String(item);
        }
        return PlainValue.Node.addStringTerminator(src, range.end, str);
      }
    };
    var Directive = class extends PlainValue.Node {
      constructor() {
        super(PlainValue.Type.DIRECTIVE);
        this.name = null;
      }
      get parameters() {
        const raw = this.rawValue;
        return raw ? raw.trim().split(/[ \t]+/) : [];
      }
      parseName(start) {
        const {
          src
        } = this.context;
        let offset = start;
        let ch = src[offset];
        while (ch && ch !== "\n" && ch !== "	" && ch !== " ") ch = src[offset += 1];
        this.name = src.slice(start, offset);
        return offset;
      }
      parseParameters(start) {
        const {
          src
        } = this.context;
        let offset = start;
        let ch = src[offset];
        while (ch && ch !== "\n" && ch !== "#") ch = src[offset += 1];
        this.valueRange = new PlainValue.Range(start, offset);
        return offset;
      }
      parse(context, start) {
        this.context = context;
        let offset = this.parseName(start + 1);
        offset = this.parseParameters(offset);
        offset = this.parseComment(offset);
        this.range = new PlainValue.Range(start, offset);
        return offset;
      }
    };
    var Document = class _Document extends PlainValue.Node {
      static startCommentOrEndBlankLine(src, start) {
        const offset = PlainValue.Node.endOfWhiteSpace(src, start);
        const ch = src[offset];
        return ch === "#" || ch === "\n" ? offset : start;
      }
      constructor() {
        super(PlainValue.Type.DOCUMENT);
        this.directives = null;
        this.contents = null;
        this.directivesEndMarker = null;
        this.documentEndMarker = null;
      }
      parseDirectives(start) {
        const {
          src
        } = this.context;
        this.directives = [];
        let atLineStart = true;
        let hasDirectives = false;
        let offset = start;
        while (!PlainValue.Node.atDocumentBoundary(src, offset, PlainValue.Char.DIRECTIVES_END)) {
          offset = _Document.startCommentOrEndBlankLine(src, offset);
          switch (src[offset]) {
            case "\n":
              if (atLineStart) {
                const blankLine = new BlankLine();
                offset = blankLine.parse({
                  src
                }, offset);
                if (offset < src.length) {
                  this.directives.push(blankLine);
                }
              } else {
                offset += 1;
                atLineStart = true;
              }
              break;
            case "#":
              {
                const comment = new Comment();
                offset = comment.parse({
                  src
                }, offset);
                this.directives.push(comment);
                atLineStart = false;
              }
              break;
            case "%":
              {
                const directive = new Directive();
                offset = directive.parse({
                  parent: this,
                  src
                }, offset);
                this.directives.push(directive);
                hasDirectives = true;
                atLineStart = false;
              }
              break;
            default:
              if (hasDirectives) {
                this.error = new PlainValue.YAMLSemanticError(this, "Missing directives-end indicator line");
              } else if (this.directives.length > 0) {
                this.contents = this.directives;
                this.directives = [];
              }
              return offset;
          }
        }
        if (src[offset]) {
          this.directivesEndMarker = new PlainValue.Range(offset, offset + 3);
          return offset + 3;
        }
        if (hasDirectives) {
          this.error = new PlainValue.YAMLSemanticError(this, "Missing directives-end indicator line");
        } else if (this.directives.length > 0) {
          this.contents = this.directives;
          this.directives = [];
        }
        return offset;
      }
      parseContents(start) {
        const {
          parseNode: parseNode2,
          src
        } = this.context;
        if (!this.contents) this.contents = [];
        let lineStart = start;
        while (src[lineStart - 1] === "-") lineStart -= 1;
        let offset = PlainValue.Node.endOfWhiteSpace(src, start);
        let atLineStart = lineStart === start;
        this.valueRange = new PlainValue.Range(offset);
        while (!PlainValue.Node.atDocumentBoundary(src, offset, PlainValue.Char.DOCUMENT_END)) {
          switch (src[offset]) {
            case "\n":
              if (atLineStart) {
                const blankLine = new BlankLine();
                offset = blankLine.parse({
                  src
                }, offset);
                if (offset < src.length) {
                  this.contents.push(blankLine);
                }
              } else {
                offset += 1;
                atLineStart = true;
              }
              lineStart = offset;
              break;
            case "#":
              {
                const comment = new Comment();
                offset = comment.parse({
                  src
                }, offset);
                this.contents.push(comment);
                atLineStart = false;
              }
              break;
            default: {
              const iEnd = PlainValue.Node.endOfIndent(src, offset);
              const context = {
                atLineStart,
                indent: -1,
                inFlow: false,
                inCollection: false,
                lineStart,
                parent: this
              };
              const node = parseNode2(context, iEnd);
              if (!node) return this.valueRange.end = iEnd;
              this.contents.push(node);
              offset = node.range.end;
              atLineStart = false;
              const ec = grabCollectionEndComments(node);
              if (ec) Array.prototype.push.apply(this.contents, ec);
            }
          }
          offset = _Document.startCommentOrEndBlankLine(src, offset);
        }
        this.valueRange.end = offset;
        if (src[offset]) {
          this.documentEndMarker = new PlainValue.Range(offset, offset + 3);
          offset += 3;
          if (src[offset]) {
            offset = PlainValue.Node.endOfWhiteSpace(src, offset);
            if (src[offset] === "#") {
              const comment = new Comment();
              offset = comment.parse({
                src
              }, offset);
              this.contents.push(comment);
            }
            switch (src[offset]) {
              case "\n":
                offset += 1;
                break;
              case void 0:
                break;
              default:
                this.error = new PlainValue.YAMLSyntaxError(this, "Document end marker line cannot have a non-comment suffix");
            }
          }
        }
        return offset;
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        context.root = this;
        this.context = context;
        const {
          src
        } = context;
        let offset = src.charCodeAt(start) === 65279 ? start + 1 : start;
        offset = this.parseDirectives(offset);
        offset = this.parseContents(offset);
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        this.directives.forEach((node) => {
          offset = node.setOrigRanges(cr, offset);
        });
        if (this.directivesEndMarker) offset = this.directivesEndMarker.setOrigRange(cr, offset);
        this.contents.forEach((node) => {
          offset = node.setOrigRanges(cr, offset);
        });
        if (this.documentEndMarker) offset = this.documentEndMarker.setOrigRange(cr, offset);
        return offset;
      }
      toString() {
        const {
          contents,
          directives,
          value
        } = this;
        if (value != null) return value;
        let str = directives.join("");
        if (contents.length > 0) {
          if (directives.length > 0 || contents[0].type === PlainValue.Type.COMMENT) str += "---\n";
          str += contents.join("");
        }
        if (str[str.length - 1] !== "\n") str += "\n";
        return str;
      }
    };
    var Alias = class extends PlainValue.Node {
      /**
       * Parses an *alias from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = PlainValue.Node.endOfIdentifier(src, start + 1);
        this.valueRange = new PlainValue.Range(start + 1, offset);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        return offset;
      }
    };
    var Chomp = {
      CLIP: "CLIP",
      KEEP: "KEEP",
      STRIP: "STRIP"
    };
    var BlockValue = class extends PlainValue.Node {
      constructor(type, props) {
        super(type, props);
        this.blockIndent = null;
        this.chomping = Chomp.CLIP;
        this.header = null;
      }
      get includesTrailingLines() {
        return this.chomping === Chomp.KEEP;
      }
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        let {
          start,
          end
        } = this.valueRange;
        const {
          indent,
          src
        } = this.context;
        if (this.valueRange.isEmpty()) return "";
        let lastNewLine = null;
        let ch = src[end - 1];
        while (ch === "\n" || ch === "	" || ch === " ") {
          end -= 1;
          if (end <= start) {
            if (this.chomping === Chomp.KEEP) break;
            else return "";
          }
          if (ch === "\n") lastNewLine = end;
          ch = src[end - 1];
        }
        let keepStart = end + 1;
        if (lastNewLine) {
          if (this.chomping === Chomp.KEEP) {
            keepStart = lastNewLine;
            end = this.valueRange.end;
          } else {
            end = lastNewLine;
          }
        }
        const bi = indent + this.blockIndent;
        const folded = this.type === PlainValue.Type.BLOCK_FOLDED;
        let atStart = true;
        let str = "";
        let sep = "";
        let prevMoreIndented = false;
        for (let i = start; i < end; ++i) {
          for (let j = 0; j < bi; ++j) {
            if (src[i] !== " ") break;
            i += 1;
          }
          const ch2 = src[i];
          if (ch2 === "\n") {
            if (sep === "\n") str += "\n";
            else sep = "\n";
          } else {
            const lineEnd = PlainValue.Node.endOfLine(src, i);
            const line = src.slice(i, lineEnd);
            i = lineEnd;
            if (folded && (ch2 === " " || ch2 === "	") && i < keepStart) {
              if (sep === " ") sep = "\n";
              else if (!prevMoreIndented && !atStart && sep === "\n") sep = "\n\n";
              str += sep + line;
              sep = lineEnd < end && src[lineEnd] || "";
              prevMoreIndented = true;
            } else {
              str += sep + line;
              sep = folded && i < keepStart ? " " : "\n";
              prevMoreIndented = false;
            }
            if (atStart && line !== "") atStart = false;
          }
        }
        return this.chomping === Chomp.STRIP ? str : str + "\n";
      }
      parseBlockHeader(start) {
        const {
          src
        } = this.context;
        let offset = start + 1;
        let bi = "";
        while (true) {
          const ch = src[offset];
          switch (ch) {
            case "-":
              this.chomping = Chomp.STRIP;
              break;
            case "+":
              this.chomping = Chomp.KEEP;
              break;
            case "0":
            case "1":
            case "2":
            case "3":
            case "4":
            case "5":
            case "6":
            case "7":
            case "8":
            case "9":
              bi += ch;
              break;
            default:
              this.blockIndent = Number(bi) || null;
              this.header = new PlainValue.Range(start, offset);
              return offset;
          }
          offset += 1;
        }
      }
      parseBlockValue(start) {
        const {
          indent,
          src
        } = this.context;
        const explicit = !!this.blockIndent;
        let offset = start;
        let valueEnd = start;
        let minBlockIndent = 1;
        for (let ch = src[offset]; ch === "\n"; ch = src[offset]) {
          offset += 1;
          if (PlainValue.Node.atDocumentBoundary(src, offset)) break;
          const end = PlainValue.Node.endOfBlockIndent(src, indent, offset);
          if (end === null) break;
          const ch2 = src[end];
          const lineIndent = end - (offset + indent);
          if (!this.blockIndent) {
            if (src[end] !== "\n") {
              if (lineIndent < minBlockIndent) {
                const msg = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
                this.error = new PlainValue.YAMLSemanticError(this, msg);
              }
              this.blockIndent = lineIndent;
            } else if (lineIndent > minBlockIndent) {
              minBlockIndent = lineIndent;
            }
          } else if (ch2 && ch2 !== "\n" && lineIndent < this.blockIndent) {
            if (src[end] === "#") break;
            if (!this.error) {
              const src2 = explicit ? "explicit indentation indicator" : "first line";
              const msg = `Block scalars must not be less indented than their ${src2}`;
              this.error = new PlainValue.YAMLSemanticError(this, msg);
            }
          }
          if (src[end] === "\n") {
            offset = end;
          } else {
            offset = valueEnd = PlainValue.Node.endOfLine(src, end);
          }
        }
        if (this.chomping !== Chomp.KEEP) {
          offset = src[valueEnd] ? valueEnd + 1 : valueEnd;
        }
        this.valueRange = new PlainValue.Range(start + 1, offset);
        return offset;
      }
      /**
       * Parses a block value from the source
       *
       * Accepted forms are:
       * ```
       * BS
       * block
       * lines
       *
       * BS #comment
       * block
       * lines
       * ```
       * where the block style BS matches the regexp `[|>][-+1-9]*` and block lines
       * are empty or have an indent level greater than `indent`.
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this block
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = this.parseBlockHeader(start);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        offset = this.parseBlockValue(offset);
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        return this.header ? this.header.setOrigRange(cr, offset) : offset;
      }
    };
    var FlowCollection = class extends PlainValue.Node {
      constructor(type, props) {
        super(type, props);
        this.items = null;
      }
      prevNodeIsJsonLike(idx = this.items.length) {
        const node = this.items[idx - 1];
        return !!node && (node.jsonLike || node.type === PlainValue.Type.COMMENT && this.prevNodeIsJsonLike(idx - 1));
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        const {
          parseNode: parseNode2,
          src
        } = context;
        let {
          indent,
          lineStart
        } = context;
        let char = src[start];
        this.items = [{
          char,
          offset: start
        }];
        let offset = PlainValue.Node.endOfWhiteSpace(src, start + 1);
        char = src[offset];
        while (char && char !== "]" && char !== "}") {
          switch (char) {
            case "\n":
              {
                lineStart = offset + 1;
                const wsEnd = PlainValue.Node.endOfWhiteSpace(src, lineStart);
                if (src[wsEnd] === "\n") {
                  const blankLine = new BlankLine();
                  lineStart = blankLine.parse({
                    src
                  }, lineStart);
                  this.items.push(blankLine);
                }
                offset = PlainValue.Node.endOfIndent(src, lineStart);
                if (offset <= lineStart + indent) {
                  char = src[offset];
                  if (offset < lineStart + indent || char !== "]" && char !== "}") {
                    const msg = "Insufficient indentation in flow collection";
                    this.error = new PlainValue.YAMLSemanticError(this, msg);
                  }
                }
              }
              break;
            case ",":
              {
                this.items.push({
                  char,
                  offset
                });
                offset += 1;
              }
              break;
            case "#":
              {
                const comment = new Comment();
                offset = comment.parse({
                  src
                }, offset);
                this.items.push(comment);
              }
              break;
            case "?":
            case ":": {
              const next = src[offset + 1];
              if (next === "\n" || next === "	" || next === " " || next === "," || // in-flow : after JSON-like key does not need to be followed by whitespace
              char === ":" && this.prevNodeIsJsonLike()) {
                this.items.push({
                  char,
                  offset
                });
                offset += 1;
                break;
              }
            }
            // fallthrough
            default: {
              const node = parseNode2({
                atLineStart: false,
                inCollection: false,
                inFlow: true,
                indent: -1,
                lineStart,
                parent: this
              }, offset);
              if (!node) {
                this.valueRange = new PlainValue.Range(start, offset);
                return offset;
              }
              this.items.push(node);
              offset = PlainValue.Node.normalizeOffset(src, node.range.end);
            }
          }
          offset = PlainValue.Node.endOfWhiteSpace(src, offset);
          char = src[offset];
        }
        this.valueRange = new PlainValue.Range(start, offset + 1);
        if (char) {
          this.items.push({
            char,
            offset
          });
          offset = PlainValue.Node.endOfWhiteSpace(src, offset + 1);
          offset = this.parseComment(offset);
        }
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        this.items.forEach((node) => {
          if (node instanceof PlainValue.Node) {
            offset = node.setOrigRanges(cr, offset);
          } else if (cr.length === 0) {
            node.origOffset = node.offset;
          } else {
            let i = offset;
            while (i < cr.length) {
              if (cr[i] > node.offset) break;
              else ++i;
            }
            node.origOffset = node.offset + i;
            offset = i;
          }
        });
        return offset;
      }
      toString() {
        const {
          context: {
            src
          },
          items,
          range,
          value
        } = this;
        if (value != null) return value;
        const nodes = items.filter((item) => item instanceof PlainValue.Node);
        let str = "";
        let prevEnd = range.start;
        nodes.forEach((node) => {
          const prefix = src.slice(prevEnd, node.range.start);
          prevEnd = node.range.end;
          str += prefix + String(node);
          if (str[str.length - 1] === "\n" && src[prevEnd - 1] !== "\n" && src[prevEnd] === "\n") {
            prevEnd += 1;
          }
        });
        str += src.slice(prevEnd, range.end);
        return PlainValue.Node.addStringTerminator(src, range.end, str);
      }
    };
    var QuoteDouble = class _QuoteDouble extends PlainValue.Node {
      static endOfQuote(src, offset) {
        let ch = src[offset];
        while (ch && ch !== '"') {
          offset += ch === "\\" ? 2 : 1;
          ch = src[offset];
        }
        return offset + 1;
      }
      /**
       * @returns {string | { str: string, errors: YAMLSyntaxError[] }}
       */
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        const errors = [];
        const {
          start,
          end
        } = this.valueRange;
        const {
          indent,
          src
        } = this.context;
        if (src[end - 1] !== '"') errors.push(new PlainValue.YAMLSyntaxError(this, 'Missing closing "quote'));
        let str = "";
        for (let i = start + 1; i < end - 1; ++i) {
          const ch = src[i];
          if (ch === "\n") {
            if (PlainValue.Node.atDocumentBoundary(src, i + 1)) errors.push(new PlainValue.YAMLSemanticError(this, "Document boundary indicators are not allowed within string values"));
            const {
              fold,
              offset,
              error
            } = PlainValue.Node.foldNewline(src, i, indent);
            str += fold;
            i = offset;
            if (error) errors.push(new PlainValue.YAMLSemanticError(this, "Multi-line double-quoted string needs to be sufficiently indented"));
          } else if (ch === "\\") {
            i += 1;
            switch (src[i]) {
              case "0":
                str += "\0";
                break;
              // null character
              case "a":
                str += "\x07";
                break;
              // bell character
              case "b":
                str += "\b";
                break;
              // backspace
              case "e":
                str += "\x1B";
                break;
              // escape character
              case "f":
                str += "\f";
                break;
              // form feed
              case "n":
                str += "\n";
                break;
              // line feed
              case "r":
                str += "\r";
                break;
              // carriage return
              case "t":
                str += "	";
                break;
              // horizontal tab
              case "v":
                str += "\v";
                break;
              // vertical tab
              case "N":
                str += "\x85";
                break;
              // Unicode next line
              case "_":
                str += "\xA0";
                break;
              // Unicode non-breaking space
              case "L":
                str += "\u2028";
                break;
              // Unicode line separator
              case "P":
                str += "\u2029";
                break;
              // Unicode paragraph separator
              case " ":
                str += " ";
                break;
              case '"':
                str += '"';
                break;
              case "/":
                str += "/";
                break;
              case "\\":
                str += "\\";
                break;
              case "	":
                str += "	";
                break;
              case "x":
                str += this.parseCharCode(i + 1, 2, errors);
                i += 2;
                break;
              case "u":
                str += this.parseCharCode(i + 1, 4, errors);
                i += 4;
                break;
              case "U":
                str += this.parseCharCode(i + 1, 8, errors);
                i += 8;
                break;
              case "\n":
                while (src[i + 1] === " " || src[i + 1] === "	") i += 1;
                break;
              default:
                errors.push(new PlainValue.YAMLSyntaxError(this, `Invalid escape sequence ${src.substr(i - 1, 2)}`));
                str += "\\" + src[i];
            }
          } else if (ch === " " || ch === "	") {
            const wsStart = i;
            let next = src[i + 1];
            while (next === " " || next === "	") {
              i += 1;
              next = src[i + 1];
            }
            if (next !== "\n") str += i > wsStart ? src.slice(wsStart, i + 1) : ch;
          } else {
            str += ch;
          }
        }
        return errors.length > 0 ? {
          errors,
          str
        } : str;
      }
      parseCharCode(offset, length, errors) {
        const {
          src
        } = this.context;
        const cc = src.substr(offset, length);
        const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
        const code = ok ? parseInt(cc, 16) : NaN;
        if (isNaN(code)) {
          errors.push(new PlainValue.YAMLSyntaxError(this, `Invalid escape sequence ${src.substr(offset - 2, length + 2)}`));
          return src.substr(offset - 2, length + 2);
        }
        return String.fromCodePoint(code);
      }
      /**
       * Parses a "double quoted" value from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = _QuoteDouble.endOfQuote(src, start + 1);
        this.valueRange = new PlainValue.Range(start, offset);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        return offset;
      }
    };
    var QuoteSingle = class _QuoteSingle extends PlainValue.Node {
      static endOfQuote(src, offset) {
        let ch = src[offset];
        while (ch) {
          if (ch === "'") {
            if (src[offset + 1] !== "'") break;
            ch = src[offset += 2];
          } else {
            ch = src[offset += 1];
          }
        }
        return offset + 1;
      }
      /**
       * @returns {string | { str: string, errors: YAMLSyntaxError[] }}
       */
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        const errors = [];
        const {
          start,
          end
        } = this.valueRange;
        const {
          indent,
          src
        } = this.context;
        if (src[end - 1] !== "'") errors.push(new PlainValue.YAMLSyntaxError(this, "Missing closing 'quote"));
        let str = "";
        for (let i = start + 1; i < end - 1; ++i) {
          const ch = src[i];
          if (ch === "\n") {
            if (PlainValue.Node.atDocumentBoundary(src, i + 1)) errors.push(new PlainValue.YAMLSemanticError(this, "Document boundary indicators are not allowed within string values"));
            const {
              fold,
              offset,
              error
            } = PlainValue.Node.foldNewline(src, i, indent);
            str += fold;
            i = offset;
            if (error) errors.push(new PlainValue.YAMLSemanticError(this, "Multi-line single-quoted string needs to be sufficiently indented"));
          } else if (ch === "'") {
            str += ch;
            i += 1;
            if (src[i] !== "'") errors.push(new PlainValue.YAMLSyntaxError(this, "Unescaped single quote? This should not happen."));
          } else if (ch === " " || ch === "	") {
            const wsStart = i;
            let next = src[i + 1];
            while (next === " " || next === "	") {
              i += 1;
              next = src[i + 1];
            }
            if (next !== "\n") str += i > wsStart ? src.slice(wsStart, i + 1) : ch;
          } else {
            str += ch;
          }
        }
        return errors.length > 0 ? {
          errors,
          str
        } : str;
      }
      /**
       * Parses a 'single quoted' value from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = _QuoteSingle.endOfQuote(src, start + 1);
        this.valueRange = new PlainValue.Range(start, offset);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        return offset;
      }
    };
    function createNewNode(type, props) {
      switch (type) {
        case PlainValue.Type.ALIAS:
          return new Alias(type, props);
        case PlainValue.Type.BLOCK_FOLDED:
        case PlainValue.Type.BLOCK_LITERAL:
          return new BlockValue(type, props);
        case PlainValue.Type.FLOW_MAP:
        case PlainValue.Type.FLOW_SEQ:
          return new FlowCollection(type, props);
        case PlainValue.Type.MAP_KEY:
        case PlainValue.Type.MAP_VALUE:
        case PlainValue.Type.SEQ_ITEM:
          return new CollectionItem(type, props);
        case PlainValue.Type.COMMENT:
        case PlainValue.Type.PLAIN:
          return new PlainValue.PlainValue(type, props);
        case PlainValue.Type.QUOTE_DOUBLE:
          return new QuoteDouble(type, props);
        case PlainValue.Type.QUOTE_SINGLE:
          return new QuoteSingle(type, props);
        /* istanbul ignore next */
        default:
          return null;
      }
    }
    var ParseContext = class _ParseContext {
      static parseType(src, offset, inFlow) {
        switch (src[offset]) {
          case "*":
            return PlainValue.Type.ALIAS;
          case ">":
            return PlainValue.Type.BLOCK_FOLDED;
          case "|":
            return PlainValue.Type.BLOCK_LITERAL;
          case "{":
            return PlainValue.Type.FLOW_MAP;
          case "[":
            return PlainValue.Type.FLOW_SEQ;
          case "?":
            return !inFlow && PlainValue.Node.atBlank(src, offset + 1, true) ? PlainValue.Type.MAP_KEY : PlainValue.Type.PLAIN;
          case ":":
            return !inFlow && PlainValue.Node.atBlank(src, offset + 1, true) ? PlainValue.Type.MAP_VALUE : PlainValue.Type.PLAIN;
          case "-":
            return !inFlow && PlainValue.Node.atBlank(src, offset + 1, true) ? PlainValue.Type.SEQ_ITEM : PlainValue.Type.PLAIN;
          case '"':
            return PlainValue.Type.QUOTE_DOUBLE;
          case "'":
            return PlainValue.Type.QUOTE_SINGLE;
          default:
            return PlainValue.Type.PLAIN;
        }
      }
      constructor(orig = {}, {
        atLineStart,
        inCollection,
        inFlow,
        indent,
        lineStart,
        parent
      } = {}) {
        PlainValue._defineProperty(this, "parseNode", (overlay, start) => {
          if (PlainValue.Node.atDocumentBoundary(this.src, start)) return null;
          const context = new _ParseContext(this, overlay);
          const {
            props,
            type,
            valueStart
          } = context.parseProps(start);
          const node = createNewNode(type, props);
          let offset = start;
          try {
            offset = node.parse(context, valueStart);
          } catch (error) {
            const msg = error instanceof Error ? error.message : String(error);
            if (!node.error) node.error = new PlainValue.YAMLSyntaxError(node, msg);
          }
          node.range = new PlainValue.Range(start, offset);
          if (offset <= start) {
            if (!node.error) node.error = new Error(`Node#parse consumed no characters`);
            node.error.parseEnd = offset;
            node.error.source = node;
            node.range.end = start + 1;
          }
          if (context.nodeStartsCollection(node)) {
            if (!node.error && !context.atLineStart && context.parent.type === PlainValue.Type.DOCUMENT) {
              node.error = new PlainValue.YAMLSyntaxError(node, "Block collection must not have preceding content here (e.g. directives-end indicator)");
            }
            const collection = new Collection(node);
            offset = collection.parse(new _ParseContext(context), offset);
            collection.range = new PlainValue.Range(start, offset);
            return collection;
          }
          return node;
        });
        this.atLineStart = atLineStart != null ? atLineStart : orig.atLineStart || false;
        this.inCollection = inCollection != null ? inCollection : orig.inCollection || false;
        this.inFlow = inFlow != null ? inFlow : orig.inFlow || false;
        this.indent = indent != null ? indent : orig.indent;
        this.lineStart = lineStart != null ? lineStart : orig.lineStart;
        this.parent = parent != null ? parent : orig.parent || {};
        this.root = orig.root;
        this.src = orig.src;
      }
      nodeStartsCollection(node) {
        const {
          inCollection,
          inFlow,
          src
        } = this;
        if (inCollection || inFlow) return false;
        if (node instanceof CollectionItem) return true;
        let offset = node.range.end;
        if (src[offset] === "\n" || src[offset - 1] === "\n") return false;
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        return src[offset] === ":";
      }
      // Anchor and tag are before type, which determines the node implementation
      // class; hence this intermediate step.
      parseProps(offset) {
        const {
          inFlow,
          parent,
          src
        } = this;
        const props = [];
        let lineHasProps = false;
        offset = this.atLineStart ? PlainValue.Node.endOfIndent(src, offset) : PlainValue.Node.endOfWhiteSpace(src, offset);
        let ch = src[offset];
        while (ch === PlainValue.Char.ANCHOR || ch === PlainValue.Char.COMMENT || ch === PlainValue.Char.TAG || ch === "\n") {
          if (ch === "\n") {
            let inEnd = offset;
            let lineStart;
            do {
              lineStart = inEnd + 1;
              inEnd = PlainValue.Node.endOfIndent(src, lineStart);
            } while (src[inEnd] === "\n");
            const indentDiff = inEnd - (lineStart + this.indent);
            const noIndicatorAsIndent = parent.type === PlainValue.Type.SEQ_ITEM && parent.context.atLineStart;
            if (src[inEnd] !== "#" && !PlainValue.Node.nextNodeIsIndented(src[inEnd], indentDiff, !noIndicatorAsIndent)) break;
            this.atLineStart = true;
            this.lineStart = lineStart;
            lineHasProps = false;
            offset = inEnd;
          } else if (ch === PlainValue.Char.COMMENT) {
            const end = PlainValue.Node.endOfLine(src, offset + 1);
            props.push(new PlainValue.Range(offset, end));
            offset = end;
          } else {
            let end = PlainValue.Node.endOfIdentifier(src, offset + 1);
            if (ch === PlainValue.Char.TAG && src[end] === "," && /^[a-zA-Z0-9-]+\.[a-zA-Z0-9-]+,\d\d\d\d(-\d\d){0,2}\/\S/.test(src.slice(offset + 1, end + 13))) {
              end = PlainValue.Node.endOfIdentifier(src, end + 5);
            }
            props.push(new PlainValue.Range(offset, end));
            lineHasProps = true;
            offset = PlainValue.Node.endOfWhiteSpace(src, end);
          }
          ch = src[offset];
        }
        if (lineHasProps && ch === ":" && PlainValue.Node.atBlank(src, offset + 1, true)) offset -= 1;
        const type = _ParseContext.parseType(src, offset, inFlow);
        return {
          props,
          type,
          valueStart: offset
        };
      }
    };
    function parse(src) {
      const cr = [];
      if (src.indexOf("\r") !== -1) {
        src = src.replace(/\r\n?/g, (match, offset2) => {
          if (match.length > 1) cr.push(offset2);
          return "\n";
        });
      }
      const documents = [];
      let offset = 0;
      do {
        const doc = new Document();
        const context = new ParseContext({
          src
        });
        offset = doc.parse(context, offset);
        documents.push(doc);
      } while (offset < src.length);
      documents.setOrigRanges = () => {
        if (cr.length === 0) return false;
        for (let i = 1; i < cr.length; ++i) cr[i] -= i;
        let crOffset = 0;
        for (let i = 0; i < documents.length; ++i) {
          crOffset = documents[i].setOrigRanges(cr, crOffset);
        }
        cr.splice(0, cr.length);
        return true;
      };
      documents.toString = () => documents.join("...\n");
      return documents;
    }
    exports.parse = parse;
  }
});

// node_modules/yaml/dist/resolveSeq-95613e94.js
var require_resolveSeq_95613e94 = __commonJS({
  "node_modules/yaml/dist/resolveSeq-95613e94.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    function addCommentBefore(str, indent, comment) {
      if (!comment) return str;
      const cc = comment.replace(/[\s\S]^/gm, `$&${indent}#`);
      return `#${cc}
${indent}${str}`;
    }
    function addComment(str, indent, comment) {
      return !comment ? str : comment.indexOf("\n") === -1 ? `${str} #${comment}` : `${str}
` + comment.replace(/^/gm, `${indent || ""}#`);
    }
    var Node = class {
    };
    function toJSON(value, arg, ctx) {
      if (Array.isArray(value)) return value.map((v, i) => toJSON(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        const anchor = ctx && ctx.anchors && ctx.anchors.get(value);
        if (anchor) ctx.onCreate = (res2) => {
          anchor.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (anchor && ctx.onCreate) ctx.onCreate(res);
        return res;
      }
      if ((!ctx || !ctx.keep) && typeof value === "bigint") return Number(value);
      return value;
    }
    var Scalar = class extends Node {
      constructor(value) {
        super();
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx && ctx.keep ? this.value : toJSON(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          const o = {};
          Object.defineProperty(o, k, {
            value: v,
            writable: true,
            enumerable: true,
            configurable: true
          });
          v = o;
        }
      }
      return schema.createNode(v, false);
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && path[Symbol.iterator]().next().done;
    var Collection = class _Collection extends Node {
      constructor(schema) {
        super();
        PlainValue._defineProperty(this, "items", []);
        this.schema = schema;
      }
      addIn(path, value) {
        if (isEmptyPath(path)) this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (node instanceof _Collection) node.addIn(rest, value);
          else if (node === void 0 && this.schema) this.set(key, collectionFromPath(this.schema, rest, value));
          else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      deleteIn([key, ...rest]) {
        if (rest.length === 0) return this.delete(key);
        const node = this.get(key, true);
        if (node instanceof _Collection) return node.deleteIn(rest);
        else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      getIn([key, ...rest], keepScalar) {
        const node = this.get(key, true);
        if (rest.length === 0) return !keepScalar && node instanceof Scalar ? node.value : node;
        else return node instanceof _Collection ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues() {
        return this.items.every((node) => {
          if (!node || node.type !== "PAIR") return false;
          const n = node.value;
          return n == null || n instanceof Scalar && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      hasIn([key, ...rest]) {
        if (rest.length === 0) return this.has(key);
        const node = this.get(key, true);
        return node instanceof _Collection ? node.hasIn(rest) : false;
      }
      setIn([key, ...rest], value) {
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (node instanceof _Collection) node.setIn(rest, value);
          else if (node === void 0 && this.schema) this.set(key, collectionFromPath(this.schema, rest, value));
          else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      // overridden in implementations
      /* istanbul ignore next */
      toJSON() {
        return null;
      }
      toString(ctx, {
        blockItem,
        flowChars,
        isMap,
        itemIndent
      }, onComment, onChompKeep) {
        const {
          indent,
          indentStep,
          stringify
        } = ctx;
        const inFlow = this.type === PlainValue.Type.FLOW_MAP || this.type === PlainValue.Type.FLOW_SEQ || ctx.inFlow;
        if (inFlow) itemIndent += indentStep;
        const allNullValues = isMap && this.hasAllNullValues();
        ctx = Object.assign({}, ctx, {
          allNullValues,
          indent: itemIndent,
          inFlow,
          type: null
        });
        let chompKeep = false;
        let hasItemWithNewLine = false;
        const nodes = this.items.reduce((nodes2, item, i) => {
          let comment;
          if (item) {
            if (!chompKeep && item.spaceBefore) nodes2.push({
              type: "comment",
              str: ""
            });
            if (item.commentBefore) item.commentBefore.match(/^.*$/gm).forEach((line) => {
              nodes2.push({
                type: "comment",
                str: `#${line}`
              });
            });
            if (item.comment) comment = item.comment;
            if (inFlow && (!chompKeep && item.spaceBefore || item.commentBefore || item.comment || item.key && (item.key.commentBefore || item.key.comment) || item.value && (item.value.commentBefore || item.value.comment))) hasItemWithNewLine = true;
          }
          chompKeep = false;
          let str2 = stringify(item, ctx, () => comment = null, () => chompKeep = true);
          if (inFlow && !hasItemWithNewLine && str2.includes("\n")) hasItemWithNewLine = true;
          if (inFlow && i < this.items.length - 1) str2 += ",";
          str2 = addComment(str2, itemIndent, comment);
          if (chompKeep && (comment || inFlow)) chompKeep = false;
          nodes2.push({
            type: "item",
            str: str2
          });
          return nodes2;
        }, []);
        let str;
        if (nodes.length === 0) {
          str = flowChars.start + flowChars.end;
        } else if (inFlow) {
          const {
            start,
            end
          } = flowChars;
          const strings = nodes.map((n) => n.str);
          if (hasItemWithNewLine || strings.reduce((sum, str2) => sum + str2.length + 2, 2) > _Collection.maxFlowStringSingleLineLength) {
            str = start;
            for (const s2 of strings) {
              str += s2 ? `
${indentStep}${indent}${s2}` : "\n";
            }
            str += `
${indent}${end}`;
          } else {
            str = `${start} ${strings.join(" ")} ${end}`;
          }
        } else {
          const strings = nodes.map(blockItem);
          str = strings.shift();
          for (const s2 of strings) str += s2 ? `
${indent}${s2}` : "\n";
        }
        if (this.comment) {
          str += "\n" + this.comment.replace(/^/gm, `${indent}#`);
          if (onComment) onComment();
        } else if (chompKeep && onChompKeep) onChompKeep();
        return str;
      }
    };
    PlainValue._defineProperty(Collection, "maxFlowStringSingleLineLength", 60);
    function asItemIndex(key) {
      let idx = key instanceof Scalar ? key.value : key;
      if (idx && typeof idx === "string") idx = Number(idx);
      return Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    var YAMLSeq = class extends Collection {
      add(value) {
        this.items.push(value);
      }
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number") return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number") return void 0;
        const it = this.items[idx];
        return !keepScalar && it instanceof Scalar ? it.value : it;
      }
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number") throw new Error(`Expected a valid index, not ${key}.`);
        this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx && ctx.onCreate) ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items) seq.push(toJSON(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx) return JSON.stringify(this);
        return super.toString(ctx, {
          blockItem: (n) => n.type === "comment" ? n.str : `- ${n.str}`,
          flowChars: {
            start: "[",
            end: "]"
          },
          isMap: false,
          itemIndent: (ctx.indent || "") + "  "
        }, onComment, onChompKeep);
      }
    };
    var stringifyKey = (key, jsKey, ctx) => {
      if (jsKey === null) return "";
      if (typeof jsKey !== "object") return String(jsKey);
      if (key instanceof Node && ctx && ctx.doc) return key.toString({
        anchors: /* @__PURE__ */ Object.create(null),
        doc: ctx.doc,
        indent: "",
        indentStep: ctx.indentStep,
        inFlow: true,
        inStringifyKey: true,
        stringify: ctx.stringify
      });
      return JSON.stringify(jsKey);
    };
    var Pair = class _Pair extends Node {
      constructor(key, value = null) {
        super();
        this.key = key;
        this.value = value;
        this.type = _Pair.Type.PAIR;
      }
      get commentBefore() {
        return this.key instanceof Node ? this.key.commentBefore : void 0;
      }
      set commentBefore(cb) {
        if (this.key == null) this.key = new Scalar(null);
        if (this.key instanceof Node) this.key.commentBefore = cb;
        else {
          const msg = "Pair.commentBefore is an alias for Pair.key.commentBefore. To set it, the key must be a Node.";
          throw new Error(msg);
        }
      }
      addToJSMap(ctx, map) {
        const key = toJSON(this.key, "", ctx);
        if (map instanceof Map) {
          const value = toJSON(this.value, key, ctx);
          map.set(key, value);
        } else if (map instanceof Set) {
          map.add(key);
        } else {
          const stringKey = stringifyKey(this.key, key, ctx);
          const value = toJSON(this.value, stringKey, ctx);
          if (stringKey in map) Object.defineProperty(map, stringKey, {
            value,
            writable: true,
            enumerable: true,
            configurable: true
          });
          else map[stringKey] = value;
        }
        return map;
      }
      toJSON(_, ctx) {
        const pair = ctx && ctx.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return this.addToJSMap(ctx, pair);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx || !ctx.doc) return JSON.stringify(this);
        const {
          indent: indentSize,
          indentSeq,
          simpleKeys
        } = ctx.doc.options;
        let {
          key,
          value
        } = this;
        let keyComment = key instanceof Node && key.comment;
        if (simpleKeys) {
          if (keyComment) {
            throw new Error("With simple keys, key nodes cannot have comments");
          }
          if (key instanceof Collection) {
            const msg = "With simple keys, collection cannot be used as a key value";
            throw new Error(msg);
          }
        }
        let explicitKey = !simpleKeys && (!key || keyComment || (key instanceof Node ? key instanceof Collection || key.type === PlainValue.Type.BLOCK_FOLDED || key.type === PlainValue.Type.BLOCK_LITERAL : typeof key === "object"));
        const {
          doc,
          indent,
          indentStep,
          stringify
        } = ctx;
        ctx = Object.assign({}, ctx, {
          implicitKey: !explicitKey,
          indent: indent + indentStep
        });
        let chompKeep = false;
        let str = stringify(key, ctx, () => keyComment = null, () => chompKeep = true);
        str = addComment(str, ctx.indent, keyComment);
        if (!explicitKey && str.length > 1024) {
          if (simpleKeys) throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
          explicitKey = true;
        }
        if (ctx.allNullValues && !simpleKeys) {
          if (this.comment) {
            str = addComment(str, ctx.indent, this.comment);
            if (onComment) onComment();
          } else if (chompKeep && !keyComment && onChompKeep) onChompKeep();
          return ctx.inFlow && !explicitKey ? str : `? ${str}`;
        }
        str = explicitKey ? `? ${str}
${indent}:` : `${str}:`;
        if (this.comment) {
          str = addComment(str, ctx.indent, this.comment);
          if (onComment) onComment();
        }
        let vcb = "";
        let valueComment = null;
        if (value instanceof Node) {
          if (value.spaceBefore) vcb = "\n";
          if (value.commentBefore) {
            const cs = value.commentBefore.replace(/^/gm, `${ctx.indent}#`);
            vcb += `
${cs}`;
          }
          valueComment = value.comment;
        } else if (value && typeof value === "object") {
          value = doc.schema.createNode(value, true);
        }
        ctx.implicitKey = false;
        if (!explicitKey && !this.comment && value instanceof Scalar) ctx.indentAtStart = str.length + 1;
        chompKeep = false;
        if (!indentSeq && indentSize >= 2 && !ctx.inFlow && !explicitKey && value instanceof YAMLSeq && value.type !== PlainValue.Type.FLOW_SEQ && !value.tag && !doc.anchors.getName(value)) {
          ctx.indent = ctx.indent.substr(2);
        }
        const valueStr = stringify(value, ctx, () => valueComment = null, () => chompKeep = true);
        let ws = " ";
        if (vcb || this.comment) {
          ws = `${vcb}
${ctx.indent}`;
        } else if (!explicitKey && value instanceof Collection) {
          const flow = valueStr[0] === "[" || valueStr[0] === "{";
          if (!flow || valueStr.includes("\n")) ws = `
${ctx.indent}`;
        } else if (valueStr[0] === "\n") ws = "";
        if (chompKeep && !valueComment && onChompKeep) onChompKeep();
        return addComment(str + ws + valueStr, ctx.indent, valueComment);
      }
    };
    PlainValue._defineProperty(Pair, "Type", {
      PAIR: "PAIR",
      MERGE_PAIR: "MERGE_PAIR"
    });
    var getAliasCount = (node, anchors) => {
      if (node instanceof Alias) {
        const anchor = anchors.get(node.source);
        return anchor.count * anchor.aliasCount;
      } else if (node instanceof Collection) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(item, anchors);
          if (c > count) count = c;
        }
        return count;
      } else if (node instanceof Pair) {
        const kc = getAliasCount(node.key, anchors);
        const vc = getAliasCount(node.value, anchors);
        return Math.max(kc, vc);
      }
      return 1;
    };
    var Alias = class _Alias extends Node {
      static stringify({
        range,
        source
      }, {
        anchors,
        doc,
        implicitKey,
        inStringifyKey
      }) {
        let anchor = Object.keys(anchors).find((a) => anchors[a] === source);
        if (!anchor && inStringifyKey) anchor = doc.anchors.getName(source) || doc.anchors.newName();
        if (anchor) return `*${anchor}${implicitKey ? " " : ""}`;
        const msg = doc.anchors.getName(source) ? "Alias node must be after source node" : "Source node not found for alias node";
        throw new Error(`${msg} [${range}]`);
      }
      constructor(source) {
        super();
        this.source = source;
        this.type = PlainValue.Type.ALIAS;
      }
      set tag(t) {
        throw new Error("Alias nodes cannot have tags");
      }
      toJSON(arg, ctx) {
        if (!ctx) return toJSON(this.source, arg, ctx);
        const {
          anchors,
          maxAliasCount
        } = ctx;
        const anchor = anchors.get(this.source);
        if (!anchor || anchor.res === void 0) {
          const msg = "This should not happen: Alias anchor was not resolved?";
          if (this.cstNode) throw new PlainValue.YAMLReferenceError(this.cstNode, msg);
          else throw new ReferenceError(msg);
        }
        if (maxAliasCount >= 0) {
          anchor.count += 1;
          if (anchor.aliasCount === 0) anchor.aliasCount = getAliasCount(this.source, anchors);
          if (anchor.count * anchor.aliasCount > maxAliasCount) {
            const msg = "Excessive alias count indicates a resource exhaustion attack";
            if (this.cstNode) throw new PlainValue.YAMLReferenceError(this.cstNode, msg);
            else throw new ReferenceError(msg);
          }
        }
        return anchor.res;
      }
      // Only called when stringifying an alias mapping key while constructing
      // Object output.
      toString(ctx) {
        return _Alias.stringify(this, ctx);
      }
    };
    PlainValue._defineProperty(Alias, "default", true);
    function findPair(items, key) {
      const k = key instanceof Scalar ? key.value : key;
      for (const it of items) {
        if (it instanceof Pair) {
          if (it.key === key || it.key === k) return it;
          if (it.key && it.key.value === k) return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection {
      add(pair, overwrite) {
        if (!pair) pair = new Pair(pair);
        else if (!(pair instanceof Pair)) pair = new Pair(pair.key || pair, pair.value);
        const prev = findPair(this.items, pair.key);
        const sortEntries = this.schema && this.schema.sortMapEntries;
        if (prev) {
          if (overwrite) prev.value = pair.value;
          else throw new Error(`Key ${pair.key} already set`);
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(pair, item) < 0);
          if (i === -1) this.items.push(pair);
          else this.items.splice(i, 0, pair);
        } else {
          this.items.push(pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it) return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it && it.value;
        return !keepScalar && node instanceof Scalar ? node.value : node;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair(key, value), true);
      }
      /**
       * @param {*} arg ignored
       * @param {*} ctx Conversion context, originally set in Document#toJSON()
       * @param {Class} Type If set, forces the returned collection type
       * @returns {*} Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx && ctx.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx && ctx.onCreate) ctx.onCreate(map);
        for (const item of this.items) item.addToJSMap(ctx, map);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx) return JSON.stringify(this);
        for (const item of this.items) {
          if (!(item instanceof Pair)) throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        return super.toString(ctx, {
          blockItem: (n) => n.str,
          flowChars: {
            start: "{",
            end: "}"
          },
          isMap: true,
          itemIndent: ctx.indent || ""
        }, onComment, onChompKeep);
      }
    };
    var MERGE_KEY = "<<";
    var Merge = class extends Pair {
      constructor(pair) {
        if (pair instanceof Pair) {
          let seq = pair.value;
          if (!(seq instanceof YAMLSeq)) {
            seq = new YAMLSeq();
            seq.items.push(pair.value);
            seq.range = pair.value.range;
          }
          super(pair.key, seq);
          this.range = pair.range;
        } else {
          super(new Scalar(MERGE_KEY), new YAMLSeq());
        }
        this.type = Pair.Type.MERGE_PAIR;
      }
      // If the value associated with a merge key is a single mapping node, each of
      // its key/value pairs is inserted into the current mapping, unless the key
      // already exists in it. If the value associated with the merge key is a
      // sequence, then this sequence is expected to contain mapping nodes and each
      // of these nodes is merged in turn according to its order in the sequence.
      // Keys in mapping nodes earlier in the sequence override keys specified in
      // later mapping nodes. -- http://yaml.org/type/merge.html
      addToJSMap(ctx, map) {
        for (const {
          source
        } of this.value.items) {
          if (!(source instanceof YAMLMap)) throw new Error("Merge sources must be maps");
          const srcMap = source.toJSON(null, ctx, Map);
          for (const [key, value] of srcMap) {
            if (map instanceof Map) {
              if (!map.has(key)) map.set(key, value);
            } else if (map instanceof Set) {
              map.add(key);
            } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
              Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
              });
            }
          }
        }
        return map;
      }
      toString(ctx, onComment) {
        const seq = this.value;
        if (seq.items.length > 1) return super.toString(ctx, onComment);
        this.value = seq.items[0];
        const str = super.toString(ctx, onComment);
        this.value = seq;
        return str;
      }
    };
    var binaryOptions = {
      defaultType: PlainValue.Type.BLOCK_LITERAL,
      lineWidth: 76
    };
    var boolOptions = {
      trueStr: "true",
      falseStr: "false"
    };
    var intOptions = {
      asBigInt: false
    };
    var nullOptions = {
      nullStr: "null"
    };
    var strOptions = {
      defaultType: PlainValue.Type.PLAIN,
      doubleQuoted: {
        jsonEncoding: false,
        minMultiLineLength: 40
      },
      fold: {
        lineWidth: 80,
        minContentWidth: 20
      }
    };
    function resolveScalar(str, tags, scalarFallback) {
      for (const {
        format,
        test,
        resolve: resolve2
      } of tags) {
        if (test) {
          const match = str.match(test);
          if (match) {
            let res = resolve2.apply(null, match);
            if (!(res instanceof Scalar)) res = new Scalar(res);
            if (format) res.format = format;
            return res;
          }
        }
      }
      if (scalarFallback) str = scalarFallback(str);
      return new Scalar(str);
    }
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    var consumeMoreIndentedLines = (text, i) => {
      let ch = text[i + 1];
      while (ch === " " || ch === "	") {
        do {
          ch = text[i += 1];
        } while (ch && ch !== "\n");
        ch = text[i + 1];
      }
      return i;
    };
    function foldFlowLines(text, indent, mode, {
      indentAtStart,
      lineWidth = 80,
      minContentWidth = 20,
      onFold,
      onOverflow
    }) {
      if (!lineWidth || lineWidth < 0) return text;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep) return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth)) folds.push(0);
        else end = lineWidth - indentAtStart;
      }
      let split2 = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i);
        if (i !== -1) end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK) i = consumeMoreIndentedLines(text, i);
          end = i + endStep;
          split2 = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	") split2 = i;
          }
          if (i >= end) {
            if (split2) {
              folds.push(split2);
              end = split2 + endStep;
              split2 = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j]) return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split2 = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow) onOverflow();
      if (folds.length === 0) return text;
      if (onFold) onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0) res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold]) res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    var getFoldOptions = ({
      indentAtStart
    }) => indentAtStart ? Object.assign({
      indentAtStart
    }, strOptions.fold) : strOptions.fold;
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0) return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit) return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit) return true;
          start = i + 1;
          if (strLen - start <= limit) return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const {
        implicitKey
      } = ctx;
      const {
        jsonEncoding,
        minMultiLineLength
      } = strOptions.doubleQuoted;
      const json = JSON.stringify(value);
      if (jsonEncoding) return json;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\") switch (json[i + 1]) {
          case "u":
            {
              str += json.slice(start, i);
              const code = json.substr(i + 2, 4);
              switch (code) {
                case "0000":
                  str += "\\0";
                  break;
                case "0007":
                  str += "\\a";
                  break;
                case "000b":
                  str += "\\v";
                  break;
                case "001b":
                  str += "\\e";
                  break;
                case "0085":
                  str += "\\N";
                  break;
                case "00a0":
                  str += "\\_";
                  break;
                case "2028":
                  str += "\\L";
                  break;
                case "2029":
                  str += "\\P";
                  break;
                default:
                  if (code.substr(0, 2) === "00") str += "\\x" + code.substr(2);
                  else str += json.substr(i, 6);
              }
              i += 5;
              start = i + 1;
            }
            break;
          case "n":
            if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
              i += 1;
            } else {
              str += json.slice(start, i) + "\n\n";
              while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                str += "\n";
                i += 2;
              }
              str += indent;
              if (json[i + 2] === " ") str += "\\";
              i += 1;
              start = i + 1;
            }
            break;
          default:
            i += 1;
        }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines(str, indent, FOLD_QUOTED, getFoldOptions(ctx));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.implicitKey) {
        if (/\n/.test(value)) return doubleQuotedString(value, ctx);
      } else {
        if (/[ \t]\n|\n[ \t]/.test(value)) return doubleQuotedString(value, ctx);
      }
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx));
    }
    function blockString({
      comment,
      type,
      value
    }, ctx, onComment, onChompKeep) {
      if (/\n[\t ]+$/.test(value) || /^\s*$/.test(value)) {
        return doubleQuotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const indentSize = indent ? "2" : "1";
      const literal = type === PlainValue.Type.BLOCK_FOLDED ? false : type === PlainValue.Type.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, strOptions.fold.lineWidth, indent.length);
      let header = literal ? "|" : ">";
      if (!value) return header + "\n";
      let wsStart = "";
      let wsEnd = "";
      value = value.replace(/[\n\t ]*$/, (ws) => {
        const n = ws.indexOf("\n");
        if (n === -1) {
          header += "-";
        } else if (value === ws || n !== ws.length - 1) {
          header += "+";
          if (onChompKeep) onChompKeep();
        }
        wsEnd = ws.replace(/\n$/, "");
        return "";
      }).replace(/^[\n ]*/, (ws) => {
        if (ws.indexOf(" ") !== -1) header += indentSize;
        const m = ws.match(/ +$/);
        if (m) {
          wsStart = ws.slice(0, -m[0].length);
          return m[0];
        } else {
          wsStart = ws;
          return "";
        }
      });
      if (wsEnd) wsEnd = wsEnd.replace(/\n+(?!\n|$)/g, `$&${indent}`);
      if (wsStart) wsStart = wsStart.replace(/\n+/g, `$&${indent}`);
      if (comment) {
        header += " #" + comment.replace(/ ?[\r\n]+/g, " ");
        if (onComment) onComment();
      }
      if (!value) return `${header}${indentSize}
${indent}${wsEnd}`;
      if (literal) {
        value = value.replace(/\n+/g, `$&${indent}`);
        return `${header}
${indent}${wsStart}${value}${wsEnd}`;
      }
      value = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
      const body2 = foldFlowLines(`${wsStart}${value}${wsEnd}`, indent, FOLD_BLOCK, strOptions.fold);
      return `${header}
${indent}${body2}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const {
        comment,
        type,
        value
      } = item;
      const {
        actualString,
        implicitKey,
        indent,
        inFlow
      } = ctx;
      if (implicitKey && /[\n[\]{},]/.test(value) || inFlow && /[[\]{},]/.test(value)) {
        return doubleQuotedString(value, ctx);
      }
      if (!value || /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || value.indexOf("\n") === -1 ? value.indexOf('"') !== -1 && value.indexOf("'") === -1 ? singleQuotedString(value, ctx) : doubleQuotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== PlainValue.Type.PLAIN && value.indexOf("\n") !== -1) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (indent === "" && containsDocumentMarker(value)) {
        ctx.forceBlockIndent = true;
        return blockString(item, ctx, onComment, onChompKeep);
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const {
          tags
        } = ctx.doc.schema;
        const resolved = resolveScalar(str, tags, tags.scalarFallback).value;
        if (typeof resolved !== "string") return doubleQuotedString(value, ctx);
      }
      const body2 = implicitKey ? str : foldFlowLines(str, indent, FOLD_FLOW, getFoldOptions(ctx));
      if (comment && !inFlow && (body2.indexOf("\n") !== -1 || comment.indexOf("\n") !== -1)) {
        if (onComment) onComment();
        return addCommentBefore(body2, indent, comment);
      }
      return body2;
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const {
        defaultType
      } = strOptions;
      const {
        implicitKey,
        inFlow
      } = ctx;
      let {
        type,
        value
      } = item;
      if (typeof value !== "string") {
        value = String(value);
        item = Object.assign({}, item, {
          value
        });
      }
      const _stringify = (_type) => {
        switch (_type) {
          case PlainValue.Type.BLOCK_FOLDED:
          case PlainValue.Type.BLOCK_LITERAL:
            return blockString(item, ctx, onComment, onChompKeep);
          case PlainValue.Type.QUOTE_DOUBLE:
            return doubleQuotedString(value, ctx);
          case PlainValue.Type.QUOTE_SINGLE:
            return singleQuotedString(value, ctx);
          case PlainValue.Type.PLAIN:
            return plainString(item, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      if (type !== PlainValue.Type.QUOTE_DOUBLE && /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(value)) {
        type = PlainValue.Type.QUOTE_DOUBLE;
      } else if ((implicitKey || inFlow) && (type === PlainValue.Type.BLOCK_FOLDED || type === PlainValue.Type.BLOCK_LITERAL)) {
        type = PlainValue.Type.QUOTE_DOUBLE;
      }
      let res = _stringify(type);
      if (res === null) {
        res = _stringify(defaultType);
        if (res === null) throw new Error(`Unsupported default string type ${defaultType}`);
      }
      return res;
    }
    function stringifyNumber({
      format,
      minFractionDigits,
      tag,
      value
    }) {
      if (typeof value === "bigint") return String(value);
      if (!isFinite(value)) return isNaN(value) ? ".nan" : value < 0 ? "-.inf" : ".inf";
      let n = JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^\d/.test(n)) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0) n += "0";
      }
      return n;
    }
    function checkFlowCollectionEnd(errors, cst) {
      let char, name;
      switch (cst.type) {
        case PlainValue.Type.FLOW_MAP:
          char = "}";
          name = "flow map";
          break;
        case PlainValue.Type.FLOW_SEQ:
          char = "]";
          name = "flow sequence";
          break;
        default:
          errors.push(new PlainValue.YAMLSemanticError(cst, "Not a flow collection!?"));
          return;
      }
      let lastItem;
      for (let i = cst.items.length - 1; i >= 0; --i) {
        const item = cst.items[i];
        if (!item || item.type !== PlainValue.Type.COMMENT) {
          lastItem = item;
          break;
        }
      }
      if (lastItem && lastItem.char !== char) {
        const msg = `Expected ${name} to end with ${char}`;
        let err;
        if (typeof lastItem.offset === "number") {
          err = new PlainValue.YAMLSemanticError(cst, msg);
          err.offset = lastItem.offset + 1;
        } else {
          err = new PlainValue.YAMLSemanticError(lastItem, msg);
          if (lastItem.range && lastItem.range.end) err.offset = lastItem.range.end - lastItem.range.start;
        }
        errors.push(err);
      }
    }
    function checkFlowCommentSpace(errors, comment) {
      const prev = comment.context.src[comment.range.start - 1];
      if (prev !== "\n" && prev !== "	" && prev !== " ") {
        const msg = "Comments must be separated from other tokens by white space characters";
        errors.push(new PlainValue.YAMLSemanticError(comment, msg));
      }
    }
    function getLongKeyError(source, key) {
      const sk = String(key);
      const k = sk.substr(0, 8) + "..." + sk.substr(-8);
      return new PlainValue.YAMLSemanticError(source, `The "${k}" key is too long`);
    }
    function resolveComments(collection, comments) {
      for (const {
        afterKey,
        before: before2,
        comment
      } of comments) {
        let item = collection.items[before2];
        if (!item) {
          if (comment !== void 0) {
            if (collection.comment) collection.comment += "\n" + comment;
            else collection.comment = comment;
          }
        } else {
          if (afterKey && item.value) item = item.value;
          if (comment === void 0) {
            if (afterKey || !item.commentBefore) item.spaceBefore = true;
          } else {
            if (item.commentBefore) item.commentBefore += "\n" + comment;
            else item.commentBefore = comment;
          }
        }
      }
    }
    function resolveString(doc, node) {
      const res = node.strValue;
      if (!res) return "";
      if (typeof res === "string") return res;
      res.errors.forEach((error) => {
        if (!error.source) error.source = node;
        doc.errors.push(error);
      });
      return res.str;
    }
    function resolveTagHandle(doc, node) {
      const {
        handle,
        suffix
      } = node.tag;
      let prefix = doc.tagPrefixes.find((p) => p.handle === handle);
      if (!prefix) {
        const dtp = doc.getDefaults().tagPrefixes;
        if (dtp) prefix = dtp.find((p) => p.handle === handle);
        if (!prefix) throw new PlainValue.YAMLSemanticError(node, `The ${handle} tag handle is non-default and was not declared.`);
      }
      if (!suffix) throw new PlainValue.YAMLSemanticError(node, `The ${handle} tag has no suffix.`);
      if (handle === "!" && (doc.version || doc.options.version) === "1.0") {
        if (suffix[0] === "^") {
          doc.warnings.push(new PlainValue.YAMLWarning(node, "YAML 1.0 ^ tag expansion is not supported"));
          return suffix;
        }
        if (/[:/]/.test(suffix)) {
          const vocab = suffix.match(/^([a-z0-9-]+)\/(.*)/i);
          return vocab ? `tag:${vocab[1]}.yaml.org,2002:${vocab[2]}` : `tag:${suffix}`;
        }
      }
      return prefix.prefix + decodeURIComponent(suffix);
    }
    function resolveTagName(doc, node) {
      const {
        tag,
        type
      } = node;
      let nonSpecific = false;
      if (tag) {
        const {
          handle,
          suffix,
          verbatim
        } = tag;
        if (verbatim) {
          if (verbatim !== "!" && verbatim !== "!!") return verbatim;
          const msg = `Verbatim tags aren't resolved, so ${verbatim} is invalid.`;
          doc.errors.push(new PlainValue.YAMLSemanticError(node, msg));
        } else if (handle === "!" && !suffix) {
          nonSpecific = true;
        } else {
          try {
            return resolveTagHandle(doc, node);
          } catch (error) {
            doc.errors.push(error);
          }
        }
      }
      switch (type) {
        case PlainValue.Type.BLOCK_FOLDED:
        case PlainValue.Type.BLOCK_LITERAL:
        case PlainValue.Type.QUOTE_DOUBLE:
        case PlainValue.Type.QUOTE_SINGLE:
          return PlainValue.defaultTags.STR;
        case PlainValue.Type.FLOW_MAP:
        case PlainValue.Type.MAP:
          return PlainValue.defaultTags.MAP;
        case PlainValue.Type.FLOW_SEQ:
        case PlainValue.Type.SEQ:
          return PlainValue.defaultTags.SEQ;
        case PlainValue.Type.PLAIN:
          return nonSpecific ? PlainValue.defaultTags.STR : null;
        default:
          return null;
      }
    }
    function resolveByTagName(doc, node, tagName) {
      const {
        tags
      } = doc.schema;
      const matchWithTest = [];
      for (const tag of tags) {
        if (tag.tag === tagName) {
          if (tag.test) matchWithTest.push(tag);
          else {
            const res = tag.resolve(doc, node);
            return res instanceof Collection ? res : new Scalar(res);
          }
        }
      }
      const str = resolveString(doc, node);
      if (typeof str === "string" && matchWithTest.length > 0) return resolveScalar(str, matchWithTest, tags.scalarFallback);
      return null;
    }
    function getFallbackTagName({
      type
    }) {
      switch (type) {
        case PlainValue.Type.FLOW_MAP:
        case PlainValue.Type.MAP:
          return PlainValue.defaultTags.MAP;
        case PlainValue.Type.FLOW_SEQ:
        case PlainValue.Type.SEQ:
          return PlainValue.defaultTags.SEQ;
        default:
          return PlainValue.defaultTags.STR;
      }
    }
    function resolveTag(doc, node, tagName) {
      try {
        const res = resolveByTagName(doc, node, tagName);
        if (res) {
          if (tagName && node.tag) res.tag = tagName;
          return res;
        }
      } catch (error) {
        if (error instanceof PlainValue.YAMLError) {
          if (!error.source) error.source = node;
          doc.errors.push(error);
        } else {
          const msg = error instanceof Error ? error.message : String(error);
          doc.errors.push(new PlainValue.YAMLSemanticError(node, msg));
        }
        return null;
      }
      try {
        const fallback = getFallbackTagName(node);
        if (!fallback) throw new Error(`The tag ${tagName} is unavailable`);
        const msg = `The tag ${tagName} is unavailable, falling back to ${fallback}`;
        doc.warnings.push(new PlainValue.YAMLWarning(node, msg));
        const res = resolveByTagName(doc, node, fallback);
        res.tag = tagName;
        return res;
      } catch (error) {
        const refError = new PlainValue.YAMLReferenceError(node, error.message);
        refError.stack = error.stack;
        doc.errors.push(refError);
        return null;
      }
    }
    var isCollectionItem = (node) => {
      if (!node) return false;
      const {
        type
      } = node;
      return type === PlainValue.Type.MAP_KEY || type === PlainValue.Type.MAP_VALUE || type === PlainValue.Type.SEQ_ITEM;
    };
    function resolveNodeProps(errors, node) {
      const comments = {
        before: [],
        after: []
      };
      let hasAnchor = false;
      let hasTag = false;
      const props = isCollectionItem(node.context.parent) ? node.context.parent.props.concat(node.props) : node.props;
      for (const {
        start,
        end
      } of props) {
        switch (node.context.src[start]) {
          case PlainValue.Char.COMMENT: {
            if (!node.commentHasRequiredWhitespace(start)) {
              const msg = "Comments must be separated from other tokens by white space characters";
              errors.push(new PlainValue.YAMLSemanticError(node, msg));
            }
            const {
              header,
              valueRange
            } = node;
            const cc = valueRange && (start > valueRange.start || header && start > header.start) ? comments.after : comments.before;
            cc.push(node.context.src.slice(start + 1, end));
            break;
          }
          // Actual anchor & tag resolution is handled by schema, here we just complain
          case PlainValue.Char.ANCHOR:
            if (hasAnchor) {
              const msg = "A node can have at most one anchor";
              errors.push(new PlainValue.YAMLSemanticError(node, msg));
            }
            hasAnchor = true;
            break;
          case PlainValue.Char.TAG:
            if (hasTag) {
              const msg = "A node can have at most one tag";
              errors.push(new PlainValue.YAMLSemanticError(node, msg));
            }
            hasTag = true;
            break;
        }
      }
      return {
        comments,
        hasAnchor,
        hasTag
      };
    }
    function resolveNodeValue(doc, node) {
      const {
        anchors,
        errors,
        schema
      } = doc;
      if (node.type === PlainValue.Type.ALIAS) {
        const name = node.rawValue;
        const src = anchors.getNode(name);
        if (!src) {
          const msg = `Aliased anchor not found: ${name}`;
          errors.push(new PlainValue.YAMLReferenceError(node, msg));
          return null;
        }
        const res = new Alias(src);
        anchors._cstAliases.push(res);
        return res;
      }
      const tagName = resolveTagName(doc, node);
      if (tagName) return resolveTag(doc, node, tagName);
      if (node.type !== PlainValue.Type.PLAIN) {
        const msg = `Failed to resolve ${node.type} node here`;
        errors.push(new PlainValue.YAMLSyntaxError(node, msg));
        return null;
      }
      try {
        const str = resolveString(doc, node);
        return resolveScalar(str, schema.tags, schema.tags.scalarFallback);
      } catch (error) {
        if (!error.source) error.source = node;
        errors.push(error);
        return null;
      }
    }
    function resolveNode(doc, node) {
      if (!node) return null;
      if (node.error) doc.errors.push(node.error);
      const {
        comments,
        hasAnchor,
        hasTag
      } = resolveNodeProps(doc.errors, node);
      if (hasAnchor) {
        const {
          anchors
        } = doc;
        const name = node.anchor;
        const prev = anchors.getNode(name);
        if (prev) anchors.map[anchors.newName(name)] = prev;
        anchors.map[name] = node;
      }
      if (node.type === PlainValue.Type.ALIAS && (hasAnchor || hasTag)) {
        const msg = "An alias node must not specify any properties";
        doc.errors.push(new PlainValue.YAMLSemanticError(node, msg));
      }
      const res = resolveNodeValue(doc, node);
      if (res) {
        res.range = [node.range.start, node.range.end];
        if (doc.options.keepCstNodes) res.cstNode = node;
        if (doc.options.keepNodeTypes) res.type = node.type;
        const cb = comments.before.join("\n");
        if (cb) {
          res.commentBefore = res.commentBefore ? `${res.commentBefore}
${cb}` : cb;
        }
        const ca = comments.after.join("\n");
        if (ca) res.comment = res.comment ? `${res.comment}
${ca}` : ca;
      }
      return node.resolved = res;
    }
    function resolveMap(doc, cst) {
      if (cst.type !== PlainValue.Type.MAP && cst.type !== PlainValue.Type.FLOW_MAP) {
        const msg = `A ${cst.type} node cannot be resolved as a mapping`;
        doc.errors.push(new PlainValue.YAMLSyntaxError(cst, msg));
        return null;
      }
      const {
        comments,
        items
      } = cst.type === PlainValue.Type.FLOW_MAP ? resolveFlowMapItems(doc, cst) : resolveBlockMapItems(doc, cst);
      const map = new YAMLMap();
      map.items = items;
      resolveComments(map, comments);
      let hasCollectionKey = false;
      for (let i = 0; i < items.length; ++i) {
        const {
          key: iKey
        } = items[i];
        if (iKey instanceof Collection) hasCollectionKey = true;
        if (doc.schema.merge && iKey && iKey.value === MERGE_KEY) {
          items[i] = new Merge(items[i]);
          const sources = items[i].value.items;
          let error = null;
          sources.some((node) => {
            if (node instanceof Alias) {
              const {
                type
              } = node.source;
              if (type === PlainValue.Type.MAP || type === PlainValue.Type.FLOW_MAP) return false;
              return error = "Merge nodes aliases can only point to maps";
            }
            return error = "Merge nodes can only have Alias nodes as values";
          });
          if (error) doc.errors.push(new PlainValue.YAMLSemanticError(cst, error));
        } else {
          for (let j = i + 1; j < items.length; ++j) {
            const {
              key: jKey
            } = items[j];
            if (iKey === jKey || iKey && jKey && Object.prototype.hasOwnProperty.call(iKey, "value") && iKey.value === jKey.value) {
              const msg = `Map keys must be unique; "${iKey}" is repeated`;
              doc.errors.push(new PlainValue.YAMLSemanticError(cst, msg));
              break;
            }
          }
        }
      }
      if (hasCollectionKey && !doc.options.mapAsMap) {
        const warn = "Keys with collection values will be stringified as YAML due to JS Object restrictions. Use mapAsMap: true to avoid this.";
        doc.warnings.push(new PlainValue.YAMLWarning(cst, warn));
      }
      cst.resolved = map;
      return map;
    }
    var valueHasPairComment = ({
      context: {
        lineStart,
        node,
        src
      },
      props
    }) => {
      if (props.length === 0) return false;
      const {
        start
      } = props[0];
      if (node && start > node.valueRange.start) return false;
      if (src[start] !== PlainValue.Char.COMMENT) return false;
      for (let i = lineStart; i < start; ++i) if (src[i] === "\n") return false;
      return true;
    };
    function resolvePairComment(item, pair) {
      if (!valueHasPairComment(item)) return;
      const comment = item.getPropValue(0, PlainValue.Char.COMMENT, true);
      let found = false;
      const cb = pair.value.commentBefore;
      if (cb && cb.startsWith(comment)) {
        pair.value.commentBefore = cb.substr(comment.length + 1);
        found = true;
      } else {
        const cc = pair.value.comment;
        if (!item.node && cc && cc.startsWith(comment)) {
          pair.value.comment = cc.substr(comment.length + 1);
          found = true;
        }
      }
      if (found) pair.comment = comment;
    }
    function resolveBlockMapItems(doc, cst) {
      const comments = [];
      const items = [];
      let key = void 0;
      let keyStart = null;
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        switch (item.type) {
          case PlainValue.Type.BLANK_LINE:
            comments.push({
              afterKey: !!key,
              before: items.length
            });
            break;
          case PlainValue.Type.COMMENT:
            comments.push({
              afterKey: !!key,
              before: items.length,
              comment: item.comment
            });
            break;
          case PlainValue.Type.MAP_KEY:
            if (key !== void 0) items.push(new Pair(key));
            if (item.error) doc.errors.push(item.error);
            key = resolveNode(doc, item.node);
            keyStart = null;
            break;
          case PlainValue.Type.MAP_VALUE:
            {
              if (key === void 0) key = null;
              if (item.error) doc.errors.push(item.error);
              if (!item.context.atLineStart && item.node && item.node.type === PlainValue.Type.MAP && !item.node.context.atLineStart) {
                const msg = "Nested mappings are not allowed in compact mappings";
                doc.errors.push(new PlainValue.YAMLSemanticError(item.node, msg));
              }
              let valueNode = item.node;
              if (!valueNode && item.props.length > 0) {
                valueNode = new PlainValue.PlainValue(PlainValue.Type.PLAIN, []);
                valueNode.context = {
                  parent: item,
                  src: item.context.src
                };
                const pos = item.range.start + 1;
                valueNode.range = {
                  start: pos,
                  end: pos
                };
                valueNode.valueRange = {
                  start: pos,
                  end: pos
                };
                if (typeof item.range.origStart === "number") {
                  const origPos = item.range.origStart + 1;
                  valueNode.range.origStart = valueNode.range.origEnd = origPos;
                  valueNode.valueRange.origStart = valueNode.valueRange.origEnd = origPos;
                }
              }
              const pair = new Pair(key, resolveNode(doc, valueNode));
              resolvePairComment(item, pair);
              items.push(pair);
              if (key && typeof keyStart === "number") {
                if (item.range.start > keyStart + 1024) doc.errors.push(getLongKeyError(cst, key));
              }
              key = void 0;
              keyStart = null;
            }
            break;
          default:
            if (key !== void 0) items.push(new Pair(key));
            key = resolveNode(doc, item);
            keyStart = item.range.start;
            if (item.error) doc.errors.push(item.error);
            next: for (let j = i + 1; ; ++j) {
              const nextItem = cst.items[j];
              switch (nextItem && nextItem.type) {
                case PlainValue.Type.BLANK_LINE:
                case PlainValue.Type.COMMENT:
                  continue next;
                case PlainValue.Type.MAP_VALUE:
                  break next;
                default: {
                  const msg = "Implicit map keys need to be followed by map values";
                  doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
                  break next;
                }
              }
            }
            if (item.valueRangeContainsNewline) {
              const msg = "Implicit map keys need to be on a single line";
              doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
            }
        }
      }
      if (key !== void 0) items.push(new Pair(key));
      return {
        comments,
        items
      };
    }
    function resolveFlowMapItems(doc, cst) {
      const comments = [];
      const items = [];
      let key = void 0;
      let explicitKey = false;
      let next = "{";
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        if (typeof item.char === "string") {
          const {
            char,
            offset
          } = item;
          if (char === "?" && key === void 0 && !explicitKey) {
            explicitKey = true;
            next = ":";
            continue;
          }
          if (char === ":") {
            if (key === void 0) key = null;
            if (next === ":") {
              next = ",";
              continue;
            }
          } else {
            if (explicitKey) {
              if (key === void 0 && char !== ",") key = null;
              explicitKey = false;
            }
            if (key !== void 0) {
              items.push(new Pair(key));
              key = void 0;
              if (char === ",") {
                next = ":";
                continue;
              }
            }
          }
          if (char === "}") {
            if (i === cst.items.length - 1) continue;
          } else if (char === next) {
            next = ":";
            continue;
          }
          const msg = `Flow map contains an unexpected ${char}`;
          const err = new PlainValue.YAMLSyntaxError(cst, msg);
          err.offset = offset;
          doc.errors.push(err);
        } else if (item.type === PlainValue.Type.BLANK_LINE) {
          comments.push({
            afterKey: !!key,
            before: items.length
          });
        } else if (item.type === PlainValue.Type.COMMENT) {
          checkFlowCommentSpace(doc.errors, item);
          comments.push({
            afterKey: !!key,
            before: items.length,
            comment: item.comment
          });
        } else if (key === void 0) {
          if (next === ",") doc.errors.push(new PlainValue.YAMLSemanticError(item, "Separator , missing in flow map"));
          key = resolveNode(doc, item);
        } else {
          if (next !== ",") doc.errors.push(new PlainValue.YAMLSemanticError(item, "Indicator : missing in flow map entry"));
          items.push(new Pair(key, resolveNode(doc, item)));
          key = void 0;
          explicitKey = false;
        }
      }
      checkFlowCollectionEnd(doc.errors, cst);
      if (key !== void 0) items.push(new Pair(key));
      return {
        comments,
        items
      };
    }
    function resolveSeq(doc, cst) {
      if (cst.type !== PlainValue.Type.SEQ && cst.type !== PlainValue.Type.FLOW_SEQ) {
        const msg = `A ${cst.type} node cannot be resolved as a sequence`;
        doc.errors.push(new PlainValue.YAMLSyntaxError(cst, msg));
        return null;
      }
      const {
        comments,
        items
      } = cst.type === PlainValue.Type.FLOW_SEQ ? resolveFlowSeqItems(doc, cst) : resolveBlockSeqItems(doc, cst);
      const seq = new YAMLSeq();
      seq.items = items;
      resolveComments(seq, comments);
      if (!doc.options.mapAsMap && items.some((it) => it instanceof Pair && it.key instanceof Collection)) {
        const warn = "Keys with collection values will be stringified as YAML due to JS Object restrictions. Use mapAsMap: true to avoid this.";
        doc.warnings.push(new PlainValue.YAMLWarning(cst, warn));
      }
      cst.resolved = seq;
      return seq;
    }
    function resolveBlockSeqItems(doc, cst) {
      const comments = [];
      const items = [];
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        switch (item.type) {
          case PlainValue.Type.BLANK_LINE:
            comments.push({
              before: items.length
            });
            break;
          case PlainValue.Type.COMMENT:
            comments.push({
              comment: item.comment,
              before: items.length
            });
            break;
          case PlainValue.Type.SEQ_ITEM:
            if (item.error) doc.errors.push(item.error);
            items.push(resolveNode(doc, item.node));
            if (item.hasProps) {
              const msg = "Sequence items cannot have tags or anchors before the - indicator";
              doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
            }
            break;
          default:
            if (item.error) doc.errors.push(item.error);
            doc.errors.push(new PlainValue.YAMLSyntaxError(item, `Unexpected ${item.type} node in sequence`));
        }
      }
      return {
        comments,
        items
      };
    }
    function resolveFlowSeqItems(doc, cst) {
      const comments = [];
      const items = [];
      let explicitKey = false;
      let key = void 0;
      let keyStart = null;
      let next = "[";
      let prevItem = null;
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        if (typeof item.char === "string") {
          const {
            char,
            offset
          } = item;
          if (char !== ":" && (explicitKey || key !== void 0)) {
            if (explicitKey && key === void 0) key = next ? items.pop() : null;
            items.push(new Pair(key));
            explicitKey = false;
            key = void 0;
            keyStart = null;
          }
          if (char === next) {
            next = null;
          } else if (!next && char === "?") {
            explicitKey = true;
          } else if (next !== "[" && char === ":" && key === void 0) {
            if (next === ",") {
              key = items.pop();
              if (key instanceof Pair) {
                const msg = "Chaining flow sequence pairs is invalid";
                const err = new PlainValue.YAMLSemanticError(cst, msg);
                err.offset = offset;
                doc.errors.push(err);
              }
              if (!explicitKey && typeof keyStart === "number") {
                const keyEnd = item.range ? item.range.start : item.offset;
                if (keyEnd > keyStart + 1024) doc.errors.push(getLongKeyError(cst, key));
                const {
                  src
                } = prevItem.context;
                for (let i2 = keyStart; i2 < keyEnd; ++i2) if (src[i2] === "\n") {
                  const msg = "Implicit keys of flow sequence pairs need to be on a single line";
                  doc.errors.push(new PlainValue.YAMLSemanticError(prevItem, msg));
                  break;
                }
              }
            } else {
              key = null;
            }
            keyStart = null;
            explicitKey = false;
            next = null;
          } else if (next === "[" || char !== "]" || i < cst.items.length - 1) {
            const msg = `Flow sequence contains an unexpected ${char}`;
            const err = new PlainValue.YAMLSyntaxError(cst, msg);
            err.offset = offset;
            doc.errors.push(err);
          }
        } else if (item.type === PlainValue.Type.BLANK_LINE) {
          comments.push({
            before: items.length
          });
        } else if (item.type === PlainValue.Type.COMMENT) {
          checkFlowCommentSpace(doc.errors, item);
          comments.push({
            comment: item.comment,
            before: items.length
          });
        } else {
          if (next) {
            const msg = `Expected a ${next} in flow sequence`;
            doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
          }
          const value = resolveNode(doc, item);
          if (key === void 0) {
            items.push(value);
            prevItem = item;
          } else {
            items.push(new Pair(key, value));
            key = void 0;
          }
          keyStart = item.range.start;
          next = ",";
        }
      }
      checkFlowCollectionEnd(doc.errors, cst);
      if (key !== void 0) items.push(new Pair(key));
      return {
        comments,
        items
      };
    }
    exports.Alias = Alias;
    exports.Collection = Collection;
    exports.Merge = Merge;
    exports.Node = Node;
    exports.Pair = Pair;
    exports.Scalar = Scalar;
    exports.YAMLMap = YAMLMap;
    exports.YAMLSeq = YAMLSeq;
    exports.addComment = addComment;
    exports.binaryOptions = binaryOptions;
    exports.boolOptions = boolOptions;
    exports.findPair = findPair;
    exports.intOptions = intOptions;
    exports.isEmptyPath = isEmptyPath;
    exports.nullOptions = nullOptions;
    exports.resolveMap = resolveMap;
    exports.resolveNode = resolveNode;
    exports.resolveSeq = resolveSeq;
    exports.resolveString = resolveString;
    exports.strOptions = strOptions;
    exports.stringifyNumber = stringifyNumber;
    exports.stringifyString = stringifyString;
    exports.toJSON = toJSON;
  }
});

// node_modules/yaml/dist/warnings-793925ce.js
var require_warnings_793925ce = __commonJS({
  "node_modules/yaml/dist/warnings-793925ce.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var resolveSeq = require_resolveSeq_95613e94();
    var binary2 = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve: (doc, node) => {
        const src = resolveSeq.resolveString(doc, node);
        if (typeof Buffer === "function") {
          return Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i) buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          const msg = "This environment does not support reading binary tags; either Buffer or atob is required";
          doc.errors.push(new PlainValue.YAMLReferenceError(node, msg));
          return null;
        }
      },
      options: resolveSeq.binaryOptions,
      stringify: ({
        comment,
        type,
        value
      }, ctx, onComment, onChompKeep) => {
        let src;
        if (typeof Buffer === "function") {
          src = value instanceof Buffer ? value.toString("base64") : Buffer.from(value.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s2 = "";
          for (let i = 0; i < value.length; ++i) s2 += String.fromCharCode(value[i]);
          src = btoa(s2);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        if (!type) type = resolveSeq.binaryOptions.defaultType;
        if (type === PlainValue.Type.QUOTE_DOUBLE) {
          value = src;
        } else {
          const {
            lineWidth
          } = resolveSeq.binaryOptions;
          const n = Math.ceil(src.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = src.substr(o, lineWidth);
          }
          value = lines.join(type === PlainValue.Type.BLOCK_LITERAL ? "\n" : " ");
        }
        return resolveSeq.stringifyString({
          comment,
          type,
          value
        }, ctx, onComment, onChompKeep);
      }
    };
    function parsePairs(doc, cst) {
      const seq = resolveSeq.resolveSeq(doc, cst);
      for (let i = 0; i < seq.items.length; ++i) {
        let item = seq.items[i];
        if (item instanceof resolveSeq.Pair) continue;
        else if (item instanceof resolveSeq.YAMLMap) {
          if (item.items.length > 1) {
            const msg = "Each pair must have its own sequence indicator";
            throw new PlainValue.YAMLSemanticError(cst, msg);
          }
          const pair = item.items[0] || new resolveSeq.Pair();
          if (item.commentBefore) pair.commentBefore = pair.commentBefore ? `${item.commentBefore}
${pair.commentBefore}` : item.commentBefore;
          if (item.comment) pair.comment = pair.comment ? `${item.comment}
${pair.comment}` : item.comment;
          item = pair;
        }
        seq.items[i] = item instanceof resolveSeq.Pair ? item : new resolveSeq.Pair(item);
      }
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const pairs2 = new resolveSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      for (const it of iterable) {
        let key, value;
        if (Array.isArray(it)) {
          if (it.length === 2) {
            key = it[0];
            value = it[1];
          } else throw new TypeError(`Expected [key, value] tuple: ${it}`);
        } else if (it && it instanceof Object) {
          const keys = Object.keys(it);
          if (keys.length === 1) {
            key = keys[0];
            value = it[key];
          } else throw new TypeError(`Expected { key: value } tuple: ${it}`);
        } else {
          key = it;
        }
        const pair = schema.createPair(key, value, ctx);
        pairs2.items.push(pair);
      }
      return pairs2;
    }
    var pairs = {
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: parsePairs,
      createNode: createPairs
    };
    var YAMLOMap = class _YAMLOMap extends resolveSeq.YAMLSeq {
      constructor() {
        super();
        PlainValue._defineProperty(this, "add", resolveSeq.YAMLMap.prototype.add.bind(this));
        PlainValue._defineProperty(this, "delete", resolveSeq.YAMLMap.prototype.delete.bind(this));
        PlainValue._defineProperty(this, "get", resolveSeq.YAMLMap.prototype.get.bind(this));
        PlainValue._defineProperty(this, "has", resolveSeq.YAMLMap.prototype.has.bind(this));
        PlainValue._defineProperty(this, "set", resolveSeq.YAMLMap.prototype.set.bind(this));
        this.tag = _YAMLOMap.tag;
      }
      toJSON(_, ctx) {
        const map = /* @__PURE__ */ new Map();
        if (ctx && ctx.onCreate) ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (pair instanceof resolveSeq.Pair) {
            key = resolveSeq.toJSON(pair.key, "", ctx);
            value = resolveSeq.toJSON(pair.value, key, ctx);
          } else {
            key = resolveSeq.toJSON(pair, "", ctx);
          }
          if (map.has(key)) throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
    };
    PlainValue._defineProperty(YAMLOMap, "tag", "tag:yaml.org,2002:omap");
    function parseOMap(doc, cst) {
      const pairs2 = parsePairs(doc, cst);
      const seenKeys = [];
      for (const {
        key
      } of pairs2.items) {
        if (key instanceof resolveSeq.Scalar) {
          if (seenKeys.includes(key.value)) {
            const msg = "Ordered maps must not include duplicate keys";
            throw new PlainValue.YAMLSemanticError(cst, msg);
          } else {
            seenKeys.push(key.value);
          }
        }
      }
      return Object.assign(new YAMLOMap(), pairs2);
    }
    function createOMap(schema, iterable, ctx) {
      const pairs2 = createPairs(schema, iterable, ctx);
      const omap2 = new YAMLOMap();
      omap2.items = pairs2.items;
      return omap2;
    }
    var omap = {
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve: parseOMap,
      createNode: createOMap
    };
    var YAMLSet = class _YAMLSet extends resolveSeq.YAMLMap {
      constructor() {
        super();
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        const pair = key instanceof resolveSeq.Pair ? key : new resolveSeq.Pair(key);
        const prev = resolveSeq.findPair(this.items, pair.key);
        if (!prev) this.items.push(pair);
      }
      get(key, keepPair) {
        const pair = resolveSeq.findPair(this.items, key);
        return !keepPair && pair instanceof resolveSeq.Pair ? pair.key instanceof resolveSeq.Scalar ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean") throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = resolveSeq.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new resolveSeq.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx) return JSON.stringify(this);
        if (this.hasAllNullValues()) return super.toString(ctx, onComment, onChompKeep);
        else throw new Error("Set items must all have null values");
      }
    };
    PlainValue._defineProperty(YAMLSet, "tag", "tag:yaml.org,2002:set");
    function parseSet(doc, cst) {
      const map = resolveSeq.resolveMap(doc, cst);
      if (!map.hasAllNullValues()) throw new PlainValue.YAMLSemanticError(cst, "Set items must all have null values");
      return Object.assign(new YAMLSet(), map);
    }
    function createSet(schema, iterable, ctx) {
      const set2 = new YAMLSet();
      for (const value of iterable) set2.items.push(schema.createPair(value, null, ctx));
      return set2;
    }
    var set = {
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      resolve: parseSet,
      createNode: createSet
    };
    var parseSexagesimal = (sign, parts) => {
      const n = parts.split(":").reduce((n2, p) => n2 * 60 + Number(p), 0);
      return sign === "-" ? -n : n;
    };
    var stringifySexagesimal = ({
      value
    }) => {
      if (isNaN(value) || !isFinite(value)) return resolveSeq.stringifyNumber(value);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value = Math.abs(value);
      }
      const parts = [value % 60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = Math.round((value - parts[0]) / 60);
        parts.unshift(value % 60);
        if (value >= 60) {
          value = Math.round((value - parts[0]) / 60);
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => n < 10 ? "0" + String(n) : String(n)).join(":").replace(/000000\d*$/, "");
    };
    var intTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^([-+]?)([0-9][0-9_]*(?::[0-5]?[0-9])+)$/,
      resolve: (str, sign, parts) => parseSexagesimal(sign, parts.replace(/_/g, "")),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^([-+]?)([0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$/,
      resolve: (str, sign, parts) => parseSexagesimal(sign, parts.replace(/_/g, "")),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^(?:([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?)$"),
      resolve: (str, year, month, day, hour, minute, second, millisec, tz) => {
        if (millisec) millisec = (millisec + "00").substr(1, 3);
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec || 0);
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz[0], tz.slice(1));
          if (Math.abs(d) < 30) d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({
        value
      }) => value.toISOString().replace(/((T00:00)?:00)?\.000Z$/, "")
    };
    function shouldWarn(deprecation) {
      const env = typeof process !== "undefined" && process.env || {};
      if (deprecation) {
        if (typeof YAML_SILENCE_DEPRECATION_WARNINGS !== "undefined") return !YAML_SILENCE_DEPRECATION_WARNINGS;
        return !env.YAML_SILENCE_DEPRECATION_WARNINGS;
      }
      if (typeof YAML_SILENCE_WARNINGS !== "undefined") return !YAML_SILENCE_WARNINGS;
      return !env.YAML_SILENCE_WARNINGS;
    }
    function warn(warning, type) {
      if (shouldWarn(false)) {
        const emit = typeof process !== "undefined" && process.emitWarning;
        if (emit) emit(warning, type);
        else {
          console.warn(type ? `${type}: ${warning}` : warning);
        }
      }
    }
    function warnFileDeprecation(filename) {
      if (shouldWarn(true)) {
        const path = filename.replace(/.*yaml[/\\]/i, "").replace(/\.js$/, "").replace(/\\/g, "/");
        warn(`The endpoint 'yaml/${path}' will be removed in a future release.`, "DeprecationWarning");
      }
    }
    var warned = {};
    function warnOptionDeprecation(name, alternative) {
      if (!warned[name] && shouldWarn(true)) {
        warned[name] = true;
        let msg = `The option '${name}' will be removed in a future release`;
        msg += alternative ? `, use '${alternative}' instead.` : ".";
        warn(msg, "DeprecationWarning");
      }
    }
    exports.binary = binary2;
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.omap = omap;
    exports.pairs = pairs;
    exports.set = set;
    exports.timestamp = timestamp;
    exports.warn = warn;
    exports.warnFileDeprecation = warnFileDeprecation;
    exports.warnOptionDeprecation = warnOptionDeprecation;
  }
});

// node_modules/yaml/dist/Schema-bcc6c2d7.js
var require_Schema_bcc6c2d7 = __commonJS({
  "node_modules/yaml/dist/Schema-bcc6c2d7.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var resolveSeq = require_resolveSeq_95613e94();
    var warnings = require_warnings_793925ce();
    function createMap(schema, obj, ctx) {
      const map2 = new resolveSeq.YAMLMap(schema);
      if (obj instanceof Map) {
        for (const [key, value] of obj) map2.items.push(schema.createPair(key, value, ctx));
      } else if (obj && typeof obj === "object") {
        for (const key of Object.keys(obj)) map2.items.push(schema.createPair(key, obj[key], ctx));
      }
      if (typeof schema.sortMapEntries === "function") {
        map2.items.sort(schema.sortMapEntries);
      }
      return map2;
    }
    var map = {
      createNode: createMap,
      default: true,
      nodeClass: resolveSeq.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve: resolveSeq.resolveMap
    };
    function createSeq(schema, obj, ctx) {
      const seq2 = new resolveSeq.YAMLSeq(schema);
      if (obj && obj[Symbol.iterator]) {
        for (const it of obj) {
          const v = schema.createNode(it, ctx.wrapScalars, null, ctx);
          seq2.items.push(v);
        }
      }
      return seq2;
    }
    var seq = {
      createNode: createSeq,
      default: true,
      nodeClass: resolveSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve: resolveSeq.resolveSeq
    };
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: resolveSeq.resolveString,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({
          actualString: true
        }, ctx);
        return resolveSeq.stringifyString(item, ctx, onComment, onChompKeep);
      },
      options: resolveSeq.strOptions
    };
    var failsafe = [map, seq, string];
    var intIdentify$2 = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve$1 = (src, part, radix) => resolveSeq.intOptions.asBigInt ? BigInt(src) : parseInt(part, radix);
    function intStringify$1(node, radix, prefix) {
      const {
        value
      } = node;
      if (intIdentify$2(value) && value >= 0) return prefix + value.toString(radix);
      return resolveSeq.stringifyNumber(node);
    }
    var nullObj = {
      identify: (value) => value == null,
      createNode: (schema, value, ctx) => ctx.wrapScalars ? new resolveSeq.Scalar(null) : null,
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => null,
      options: resolveSeq.nullOptions,
      stringify: () => resolveSeq.nullOptions.nullStr
    };
    var boolObj = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => str[0] === "t" || str[0] === "T",
      options: resolveSeq.boolOptions,
      stringify: ({
        value
      }) => value ? resolveSeq.boolOptions.trueStr : resolveSeq.boolOptions.falseStr
    };
    var octObj = {
      identify: (value) => intIdentify$2(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o([0-7]+)$/,
      resolve: (str, oct) => intResolve$1(str, oct, 8),
      options: resolveSeq.intOptions,
      stringify: (node) => intStringify$1(node, 8, "0o")
    };
    var intObj = {
      identify: intIdentify$2,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str) => intResolve$1(str, str, 10),
      options: resolveSeq.intOptions,
      stringify: resolveSeq.stringifyNumber
    };
    var hexObj = {
      identify: (value) => intIdentify$2(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x([0-9a-fA-F]+)$/,
      resolve: (str, hex) => intResolve$1(str, hex, 16),
      options: resolveSeq.intOptions,
      stringify: (node) => intStringify$1(node, 16, "0x")
    };
    var nanObj = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.inf|(\.nan))$/i,
      resolve: (str, nan) => nan ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: resolveSeq.stringifyNumber
    };
    var expObj = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify: ({
        value
      }) => Number(value).toExponential()
    };
    var floatObj = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.([0-9]+)|[0-9]+\.([0-9]*))$/,
      resolve(str, frac1, frac2) {
        const frac = frac1 || frac2;
        const node = new resolveSeq.Scalar(parseFloat(str));
        if (frac && frac[frac.length - 1] === "0") node.minFractionDigits = frac.length;
        return node;
      },
      stringify: resolveSeq.stringifyNumber
    };
    var core = failsafe.concat([nullObj, boolObj, octObj, intObj, hexObj, nanObj, expObj, floatObj]);
    var intIdentify$1 = (value) => typeof value === "bigint" || Number.isInteger(value);
    var stringifyJSON = ({
      value
    }) => JSON.stringify(value);
    var json = [map, seq, {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: resolveSeq.resolveString,
      stringify: stringifyJSON
    }, {
      identify: (value) => value == null,
      createNode: (schema, value, ctx) => ctx.wrapScalars ? new resolveSeq.Scalar(null) : null,
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^null$/,
      resolve: () => null,
      stringify: stringifyJSON
    }, {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^true|false$/,
      resolve: (str) => str === "true",
      stringify: stringifyJSON
    }, {
      identify: intIdentify$1,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^-?(?:0|[1-9][0-9]*)$/,
      resolve: (str) => resolveSeq.intOptions.asBigInt ? BigInt(str) : parseInt(str, 10),
      stringify: ({
        value
      }) => intIdentify$1(value) ? value.toString() : JSON.stringify(value)
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
      resolve: (str) => parseFloat(str),
      stringify: stringifyJSON
    }];
    json.scalarFallback = (str) => {
      throw new SyntaxError(`Unresolved plain scalar ${JSON.stringify(str)}`);
    };
    var boolStringify = ({
      value
    }) => value ? resolveSeq.boolOptions.trueStr : resolveSeq.boolOptions.falseStr;
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(sign, src, radix) {
      let str = src.replace(/_/g, "");
      if (resolveSeq.intOptions.asBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const {
        value
      } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return resolveSeq.stringifyNumber(node);
    }
    var yaml11 = failsafe.concat([{
      identify: (value) => value == null,
      createNode: (schema, value, ctx) => ctx.wrapScalars ? new resolveSeq.Scalar(null) : null,
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => null,
      options: resolveSeq.nullOptions,
      stringify: () => resolveSeq.nullOptions.nullStr
    }, {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => true,
      options: resolveSeq.boolOptions,
      stringify: boolStringify
    }, {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/i,
      resolve: () => false,
      options: resolveSeq.boolOptions,
      stringify: boolStringify
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^([-+]?)0b([0-1_]+)$/,
      resolve: (str, sign, bin) => intResolve(sign, bin, 2),
      stringify: (node) => intStringify(node, 2, "0b")
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^([-+]?)0([0-7_]+)$/,
      resolve: (str, sign, oct) => intResolve(sign, oct, 8),
      stringify: (node) => intStringify(node, 8, "0")
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^([-+]?)([0-9][0-9_]*)$/,
      resolve: (str, sign, abs) => intResolve(sign, abs, 10),
      stringify: resolveSeq.stringifyNumber
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^([-+]?)0x([0-9a-fA-F_]+)$/,
      resolve: (str, sign, hex) => intResolve(sign, hex, 16),
      stringify: (node) => intStringify(node, 16, "0x")
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.inf|(\.nan))$/i,
      resolve: (str, nan) => nan ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: resolveSeq.stringifyNumber
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?([0-9][0-9_]*)?(\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify: ({
        value
      }) => Number(value).toExponential()
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.([0-9_]*)$/,
      resolve(str, frac) {
        const node = new resolveSeq.Scalar(parseFloat(str.replace(/_/g, "")));
        if (frac) {
          const f = frac.replace(/_/g, "");
          if (f[f.length - 1] === "0") node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: resolveSeq.stringifyNumber
    }], warnings.binary, warnings.omap, warnings.pairs, warnings.set, warnings.intTime, warnings.floatTime, warnings.timestamp);
    var schemas = {
      core,
      failsafe,
      json,
      yaml11
    };
    var tags = {
      binary: warnings.binary,
      bool: boolObj,
      float: floatObj,
      floatExp: expObj,
      floatNaN: nanObj,
      floatTime: warnings.floatTime,
      int: intObj,
      intHex: hexObj,
      intOct: octObj,
      intTime: warnings.intTime,
      map,
      null: nullObj,
      omap: warnings.omap,
      pairs: warnings.pairs,
      seq,
      set: warnings.set,
      timestamp: warnings.timestamp
    };
    function findTagObject(value, tagName, tags2) {
      if (tagName) {
        const match = tags2.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) || match[0];
        if (!tagObj) throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags2.find((t) => (t.identify && t.identify(value) || t.class && value instanceof t.class) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (value instanceof resolveSeq.Node) return value;
      const {
        defaultPrefix,
        onTagObj,
        prevObjects,
        schema,
        wrapScalars
      } = ctx;
      if (tagName && tagName.startsWith("!!")) tagName = defaultPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (typeof value.toJSON === "function") value = value.toJSON();
        if (!value || typeof value !== "object") return wrapScalars ? new resolveSeq.Scalar(value) : value;
        tagObj = value instanceof Map ? map : value[Symbol.iterator] ? seq : map;
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const obj = {
        value: void 0,
        node: void 0
      };
      if (value && typeof value === "object" && prevObjects) {
        const prev = prevObjects.get(value);
        if (prev) {
          const alias = new resolveSeq.Alias(prev);
          ctx.aliasNodes.push(alias);
          return alias;
        }
        obj.value = value;
        prevObjects.set(value, obj);
      }
      obj.node = tagObj.createNode ? tagObj.createNode(ctx.schema, value, ctx) : wrapScalars ? new resolveSeq.Scalar(value) : value;
      if (tagName && obj.node instanceof resolveSeq.Node) obj.node.tag = tagName;
      return obj.node;
    }
    function getSchemaTags(schemas2, knownTags, customTags, schemaId) {
      let tags2 = schemas2[schemaId.replace(/\W/g, "")];
      if (!tags2) {
        const keys = Object.keys(schemas2).map((key) => JSON.stringify(key)).join(", ");
        throw new Error(`Unknown schema "${schemaId}"; use one of ${keys}`);
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags) tags2 = tags2.concat(tag);
      } else if (typeof customTags === "function") {
        tags2 = customTags(tags2.slice());
      }
      for (let i = 0; i < tags2.length; ++i) {
        const tag = tags2[i];
        if (typeof tag === "string") {
          const tagObj = knownTags[tag];
          if (!tagObj) {
            const keys = Object.keys(knownTags).map((key) => JSON.stringify(key)).join(", ");
            throw new Error(`Unknown custom tag "${tag}"; use one of ${keys}`);
          }
          tags2[i] = tagObj;
        }
      }
      return tags2;
    }
    var sortMapEntriesByKey = (a, b2) => a.key < b2.key ? -1 : a.key > b2.key ? 1 : 0;
    var Schema3 = class _Schema {
      // TODO: remove in v2
      constructor({
        customTags,
        merge,
        schema,
        sortMapEntries,
        tags: deprecatedCustomTags
      }) {
        this.merge = !!merge;
        this.name = schema;
        this.sortMapEntries = sortMapEntries === true ? sortMapEntriesByKey : sortMapEntries || null;
        if (!customTags && deprecatedCustomTags) warnings.warnOptionDeprecation("tags", "customTags");
        this.tags = getSchemaTags(schemas, tags, customTags || deprecatedCustomTags, schema);
      }
      createNode(value, wrapScalars, tagName, ctx) {
        const baseCtx = {
          defaultPrefix: _Schema.defaultPrefix,
          schema: this,
          wrapScalars
        };
        const createCtx = ctx ? Object.assign(ctx, baseCtx) : baseCtx;
        return createNode(value, tagName, createCtx);
      }
      createPair(key, value, ctx) {
        if (!ctx) ctx = {
          wrapScalars: true
        };
        const k = this.createNode(key, ctx.wrapScalars, null, ctx);
        const v = this.createNode(value, ctx.wrapScalars, null, ctx);
        return new resolveSeq.Pair(k, v);
      }
    };
    PlainValue._defineProperty(Schema3, "defaultPrefix", PlainValue.defaultTagPrefix);
    PlainValue._defineProperty(Schema3, "defaultTags", PlainValue.defaultTags);
    exports.Schema = Schema3;
  }
});

// node_modules/yaml/dist/Document-a8d0fbf9.js
var require_Document_a8d0fbf9 = __commonJS({
  "node_modules/yaml/dist/Document-a8d0fbf9.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var resolveSeq = require_resolveSeq_95613e94();
    var Schema3 = require_Schema_bcc6c2d7();
    var defaultOptions = {
      anchorPrefix: "a",
      customTags: null,
      indent: 2,
      indentSeq: true,
      keepCstNodes: false,
      keepNodeTypes: true,
      keepBlobsInJSON: true,
      mapAsMap: false,
      maxAliasCount: 100,
      prettyErrors: false,
      // TODO Set true in v2
      simpleKeys: false,
      version: "1.2"
    };
    var scalarOptions = {
      get binary() {
        return resolveSeq.binaryOptions;
      },
      set binary(opt) {
        Object.assign(resolveSeq.binaryOptions, opt);
      },
      get bool() {
        return resolveSeq.boolOptions;
      },
      set bool(opt) {
        Object.assign(resolveSeq.boolOptions, opt);
      },
      get int() {
        return resolveSeq.intOptions;
      },
      set int(opt) {
        Object.assign(resolveSeq.intOptions, opt);
      },
      get null() {
        return resolveSeq.nullOptions;
      },
      set null(opt) {
        Object.assign(resolveSeq.nullOptions, opt);
      },
      get str() {
        return resolveSeq.strOptions;
      },
      set str(opt) {
        Object.assign(resolveSeq.strOptions, opt);
      }
    };
    var documentOptions = {
      "1.0": {
        schema: "yaml-1.1",
        merge: true,
        tagPrefixes: [{
          handle: "!",
          prefix: PlainValue.defaultTagPrefix
        }, {
          handle: "!!",
          prefix: "tag:private.yaml.org,2002:"
        }]
      },
      1.1: {
        schema: "yaml-1.1",
        merge: true,
        tagPrefixes: [{
          handle: "!",
          prefix: "!"
        }, {
          handle: "!!",
          prefix: PlainValue.defaultTagPrefix
        }]
      },
      1.2: {
        schema: "core",
        merge: false,
        tagPrefixes: [{
          handle: "!",
          prefix: "!"
        }, {
          handle: "!!",
          prefix: PlainValue.defaultTagPrefix
        }]
      }
    };
    function stringifyTag(doc, tag) {
      if ((doc.version || doc.options.version) === "1.0") {
        const priv = tag.match(/^tag:private\.yaml\.org,2002:([^:/]+)$/);
        if (priv) return "!" + priv[1];
        const vocab = tag.match(/^tag:([a-zA-Z0-9-]+)\.yaml\.org,2002:(.*)/);
        return vocab ? `!${vocab[1]}/${vocab[2]}` : `!${tag.replace(/^tag:/, "")}`;
      }
      let p = doc.tagPrefixes.find((p2) => tag.indexOf(p2.prefix) === 0);
      if (!p) {
        const dtp = doc.getDefaults().tagPrefixes;
        p = dtp && dtp.find((p2) => tag.indexOf(p2.prefix) === 0);
      }
      if (!p) return tag[0] === "!" ? tag : `!<${tag}>`;
      const suffix = tag.substr(p.prefix.length).replace(/[!,[\]{}]/g, (ch) => ({
        "!": "%21",
        ",": "%2C",
        "[": "%5B",
        "]": "%5D",
        "{": "%7B",
        "}": "%7D"
      })[ch]);
      return p.handle + suffix;
    }
    function getTagObject(tags, item) {
      if (item instanceof resolveSeq.Alias) return resolveSeq.Alias;
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0) return match.find((t) => t.format === item.format) || match[0];
      }
      let tagObj, obj;
      if (item instanceof resolveSeq.Scalar) {
        obj = item.value;
        const match = tags.filter((t) => t.identify && t.identify(obj) || t.class && obj instanceof t.class);
        tagObj = match.find((t) => t.format === item.format) || match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj && obj.constructor ? obj.constructor.name : typeof obj;
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, {
      anchors,
      doc
    }) {
      const props = [];
      const anchor = doc.anchors.getName(node);
      if (anchor) {
        anchors[anchor] = node;
        props.push(`&${anchor}`);
      }
      if (node.tag) {
        props.push(stringifyTag(doc, node.tag));
      } else if (!tagObj.default) {
        props.push(stringifyTag(doc, tagObj.tag));
      }
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      const {
        anchors,
        schema
      } = ctx.doc;
      let tagObj;
      if (!(item instanceof resolveSeq.Node)) {
        const createCtx = {
          aliasNodes: [],
          onTagObj: (o) => tagObj = o,
          prevObjects: /* @__PURE__ */ new Map()
        };
        item = schema.createNode(item, true, null, createCtx);
        for (const alias of createCtx.aliasNodes) {
          alias.source = alias.source.node;
          let name = anchors.getName(alias.source);
          if (!name) {
            name = anchors.newName();
            anchors.map[name] = alias.source;
          }
        }
      }
      if (item instanceof resolveSeq.Pair) return item.toString(ctx, onComment, onChompKeep);
      if (!tagObj) tagObj = getTagObject(schema.tags, item);
      const props = stringifyProps(item, tagObj, ctx);
      if (props.length > 0) ctx.indentAtStart = (ctx.indentAtStart || 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(item, ctx, onComment, onChompKeep) : item instanceof resolveSeq.Scalar ? resolveSeq.stringifyString(item, ctx, onComment, onChompKeep) : item.toString(ctx, onComment, onChompKeep);
      if (!props) return str;
      return item instanceof resolveSeq.Scalar || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    var Anchors = class _Anchors {
      static validAnchorNode(node) {
        return node instanceof resolveSeq.Scalar || node instanceof resolveSeq.YAMLSeq || node instanceof resolveSeq.YAMLMap;
      }
      constructor(prefix) {
        PlainValue._defineProperty(this, "map", /* @__PURE__ */ Object.create(null));
        this.prefix = prefix;
      }
      createAlias(node, name) {
        this.setAnchor(node, name);
        return new resolveSeq.Alias(node);
      }
      createMergePair(...sources) {
        const merge = new resolveSeq.Merge();
        merge.value.items = sources.map((s2) => {
          if (s2 instanceof resolveSeq.Alias) {
            if (s2.source instanceof resolveSeq.YAMLMap) return s2;
          } else if (s2 instanceof resolveSeq.YAMLMap) {
            return this.createAlias(s2);
          }
          throw new Error("Merge sources must be Map nodes or their Aliases");
        });
        return merge;
      }
      getName(node) {
        const {
          map
        } = this;
        return Object.keys(map).find((a) => map[a] === node);
      }
      getNames() {
        return Object.keys(this.map);
      }
      getNode(name) {
        return this.map[name];
      }
      newName(prefix) {
        if (!prefix) prefix = this.prefix;
        const names = Object.keys(this.map);
        for (let i = 1; true; ++i) {
          const name = `${prefix}${i}`;
          if (!names.includes(name)) return name;
        }
      }
      // During parsing, map & aliases contain CST nodes
      resolveNodes() {
        const {
          map,
          _cstAliases
        } = this;
        Object.keys(map).forEach((a) => {
          map[a] = map[a].resolved;
        });
        _cstAliases.forEach((a) => {
          a.source = a.source.resolved;
        });
        delete this._cstAliases;
      }
      setAnchor(node, name) {
        if (node != null && !_Anchors.validAnchorNode(node)) {
          throw new Error("Anchors may only be set for Scalar, Seq and Map nodes");
        }
        if (name && /[\x00-\x19\s,[\]{}]/.test(name)) {
          throw new Error("Anchor names must not contain whitespace or control characters");
        }
        const {
          map
        } = this;
        const prev = node && Object.keys(map).find((a) => map[a] === node);
        if (prev) {
          if (!name) {
            return prev;
          } else if (prev !== name) {
            delete map[prev];
            map[name] = node;
          }
        } else {
          if (!name) {
            if (!node) return null;
            name = this.newName();
          }
          map[name] = node;
        }
        return name;
      }
    };
    var visit = (node, tags) => {
      if (node && typeof node === "object") {
        const {
          tag
        } = node;
        if (node instanceof resolveSeq.Collection) {
          if (tag) tags[tag] = true;
          node.items.forEach((n) => visit(n, tags));
        } else if (node instanceof resolveSeq.Pair) {
          visit(node.key, tags);
          visit(node.value, tags);
        } else if (node instanceof resolveSeq.Scalar) {
          if (tag) tags[tag] = true;
        }
      }
      return tags;
    };
    var listTagNames = (node) => Object.keys(visit(node, {}));
    function parseContents(doc, contents) {
      const comments = {
        before: [],
        after: []
      };
      let body2 = void 0;
      let spaceBefore = false;
      for (const node of contents) {
        if (node.valueRange) {
          if (body2 !== void 0) {
            const msg = "Document contains trailing content not separated by a ... or --- line";
            doc.errors.push(new PlainValue.YAMLSyntaxError(node, msg));
            break;
          }
          const res = resolveSeq.resolveNode(doc, node);
          if (spaceBefore) {
            res.spaceBefore = true;
            spaceBefore = false;
          }
          body2 = res;
        } else if (node.comment !== null) {
          const cc = body2 === void 0 ? comments.before : comments.after;
          cc.push(node.comment);
        } else if (node.type === PlainValue.Type.BLANK_LINE) {
          spaceBefore = true;
          if (body2 === void 0 && comments.before.length > 0 && !doc.commentBefore) {
            doc.commentBefore = comments.before.join("\n");
            comments.before = [];
          }
        }
      }
      doc.contents = body2 || null;
      if (!body2) {
        doc.comment = comments.before.concat(comments.after).join("\n") || null;
      } else {
        const cb = comments.before.join("\n");
        if (cb) {
          const cbNode = body2 instanceof resolveSeq.Collection && body2.items[0] ? body2.items[0] : body2;
          cbNode.commentBefore = cbNode.commentBefore ? `${cb}
${cbNode.commentBefore}` : cb;
        }
        doc.comment = comments.after.join("\n") || null;
      }
    }
    function resolveTagDirective({
      tagPrefixes
    }, directive) {
      const [handle, prefix] = directive.parameters;
      if (!handle || !prefix) {
        const msg = "Insufficient parameters given for %TAG directive";
        throw new PlainValue.YAMLSemanticError(directive, msg);
      }
      if (tagPrefixes.some((p) => p.handle === handle)) {
        const msg = "The %TAG directive must only be given at most once per handle in the same document.";
        throw new PlainValue.YAMLSemanticError(directive, msg);
      }
      return {
        handle,
        prefix
      };
    }
    function resolveYamlDirective(doc, directive) {
      let [version] = directive.parameters;
      if (directive.name === "YAML:1.0") version = "1.0";
      if (!version) {
        const msg = "Insufficient parameters given for %YAML directive";
        throw new PlainValue.YAMLSemanticError(directive, msg);
      }
      if (!documentOptions[version]) {
        const v0 = doc.version || doc.options.version;
        const msg = `Document will be parsed as YAML ${v0} rather than YAML ${version}`;
        doc.warnings.push(new PlainValue.YAMLWarning(directive, msg));
      }
      return version;
    }
    function parseDirectives(doc, directives, prevDoc) {
      const directiveComments = [];
      let hasDirectives = false;
      for (const directive of directives) {
        const {
          comment,
          name
        } = directive;
        switch (name) {
          case "TAG":
            try {
              doc.tagPrefixes.push(resolveTagDirective(doc, directive));
            } catch (error) {
              doc.errors.push(error);
            }
            hasDirectives = true;
            break;
          case "YAML":
          case "YAML:1.0":
            if (doc.version) {
              const msg = "The %YAML directive must only be given at most once per document.";
              doc.errors.push(new PlainValue.YAMLSemanticError(directive, msg));
            }
            try {
              doc.version = resolveYamlDirective(doc, directive);
            } catch (error) {
              doc.errors.push(error);
            }
            hasDirectives = true;
            break;
          default:
            if (name) {
              const msg = `YAML only supports %TAG and %YAML directives, and not %${name}`;
              doc.warnings.push(new PlainValue.YAMLWarning(directive, msg));
            }
        }
        if (comment) directiveComments.push(comment);
      }
      if (prevDoc && !hasDirectives && "1.1" === (doc.version || prevDoc.version || doc.options.version)) {
        const copyTagPrefix = ({
          handle,
          prefix
        }) => ({
          handle,
          prefix
        });
        doc.tagPrefixes = prevDoc.tagPrefixes.map(copyTagPrefix);
        doc.version = prevDoc.version;
      }
      doc.commentBefore = directiveComments.join("\n") || null;
    }
    function assertCollection(contents) {
      if (contents instanceof resolveSeq.Collection) return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    var Document = class _Document {
      constructor(options) {
        this.anchors = new Anchors(options.anchorPrefix);
        this.commentBefore = null;
        this.comment = null;
        this.contents = null;
        this.directivesEndMarker = null;
        this.errors = [];
        this.options = options;
        this.schema = null;
        this.tagPrefixes = [];
        this.version = null;
        this.warnings = [];
      }
      add(value) {
        assertCollection(this.contents);
        return this.contents.add(value);
      }
      addIn(path, value) {
        assertCollection(this.contents);
        this.contents.addIn(path, value);
      }
      delete(key) {
        assertCollection(this.contents);
        return this.contents.delete(key);
      }
      deleteIn(path) {
        if (resolveSeq.isEmptyPath(path)) {
          if (this.contents == null) return false;
          this.contents = null;
          return true;
        }
        assertCollection(this.contents);
        return this.contents.deleteIn(path);
      }
      getDefaults() {
        return _Document.defaults[this.version] || _Document.defaults[this.options.version] || {};
      }
      get(key, keepScalar) {
        return this.contents instanceof resolveSeq.Collection ? this.contents.get(key, keepScalar) : void 0;
      }
      getIn(path, keepScalar) {
        if (resolveSeq.isEmptyPath(path)) return !keepScalar && this.contents instanceof resolveSeq.Scalar ? this.contents.value : this.contents;
        return this.contents instanceof resolveSeq.Collection ? this.contents.getIn(path, keepScalar) : void 0;
      }
      has(key) {
        return this.contents instanceof resolveSeq.Collection ? this.contents.has(key) : false;
      }
      hasIn(path) {
        if (resolveSeq.isEmptyPath(path)) return this.contents !== void 0;
        return this.contents instanceof resolveSeq.Collection ? this.contents.hasIn(path) : false;
      }
      set(key, value) {
        assertCollection(this.contents);
        this.contents.set(key, value);
      }
      setIn(path, value) {
        if (resolveSeq.isEmptyPath(path)) this.contents = value;
        else {
          assertCollection(this.contents);
          this.contents.setIn(path, value);
        }
      }
      setSchema(id, customTags) {
        if (!id && !customTags && this.schema) return;
        if (typeof id === "number") id = id.toFixed(1);
        if (id === "1.0" || id === "1.1" || id === "1.2") {
          if (this.version) this.version = id;
          else this.options.version = id;
          delete this.options.schema;
        } else if (id && typeof id === "string") {
          this.options.schema = id;
        }
        if (Array.isArray(customTags)) this.options.customTags = customTags;
        const opt = Object.assign({}, this.getDefaults(), this.options);
        this.schema = new Schema3.Schema(opt);
      }
      parse(node, prevDoc) {
        if (this.options.keepCstNodes) this.cstNode = node;
        if (this.options.keepNodeTypes) this.type = "DOCUMENT";
        const {
          directives = [],
          contents = [],
          directivesEndMarker,
          error,
          valueRange
        } = node;
        if (error) {
          if (!error.source) error.source = this;
          this.errors.push(error);
        }
        parseDirectives(this, directives, prevDoc);
        if (directivesEndMarker) this.directivesEndMarker = true;
        this.range = valueRange ? [valueRange.start, valueRange.end] : null;
        this.setSchema();
        this.anchors._cstAliases = [];
        parseContents(this, contents);
        this.anchors.resolveNodes();
        if (this.options.prettyErrors) {
          for (const error2 of this.errors) if (error2 instanceof PlainValue.YAMLError) error2.makePretty();
          for (const warn of this.warnings) if (warn instanceof PlainValue.YAMLError) warn.makePretty();
        }
        return this;
      }
      listNonDefaultTags() {
        return listTagNames(this.contents).filter((t) => t.indexOf(Schema3.Schema.defaultPrefix) !== 0);
      }
      setTagPrefix(handle, prefix) {
        if (handle[0] !== "!" || handle[handle.length - 1] !== "!") throw new Error("Handle must start and end with !");
        if (prefix) {
          const prev = this.tagPrefixes.find((p) => p.handle === handle);
          if (prev) prev.prefix = prefix;
          else this.tagPrefixes.push({
            handle,
            prefix
          });
        } else {
          this.tagPrefixes = this.tagPrefixes.filter((p) => p.handle !== handle);
        }
      }
      toJSON(arg, onAnchor) {
        const {
          keepBlobsInJSON,
          mapAsMap,
          maxAliasCount
        } = this.options;
        const keep = keepBlobsInJSON && (typeof arg !== "string" || !(this.contents instanceof resolveSeq.Scalar));
        const ctx = {
          doc: this,
          indentStep: "  ",
          keep,
          mapAsMap: keep && !!mapAsMap,
          maxAliasCount,
          stringify
          // Requiring directly in Pair would create circular dependencies
        };
        const anchorNames = Object.keys(this.anchors.map);
        if (anchorNames.length > 0) ctx.anchors = new Map(anchorNames.map((name) => [this.anchors.map[name], {
          alias: [],
          aliasCount: 0,
          count: 1
        }]));
        const res = resolveSeq.toJSON(this.contents, arg, ctx);
        if (typeof onAnchor === "function" && ctx.anchors) for (const {
          count,
          res: res2
        } of ctx.anchors.values()) onAnchor(res2, count);
        return res;
      }
      toString() {
        if (this.errors.length > 0) throw new Error("Document with errors cannot be stringified");
        const indentSize = this.options.indent;
        if (!Number.isInteger(indentSize) || indentSize <= 0) {
          const s2 = JSON.stringify(indentSize);
          throw new Error(`"indent" option must be a positive integer, not ${s2}`);
        }
        this.setSchema();
        const lines = [];
        let hasDirectives = false;
        if (this.version) {
          let vd = "%YAML 1.2";
          if (this.schema.name === "yaml-1.1") {
            if (this.version === "1.0") vd = "%YAML:1.0";
            else if (this.version === "1.1") vd = "%YAML 1.1";
          }
          lines.push(vd);
          hasDirectives = true;
        }
        const tagNames = this.listNonDefaultTags();
        this.tagPrefixes.forEach(({
          handle,
          prefix
        }) => {
          if (tagNames.some((t) => t.indexOf(prefix) === 0)) {
            lines.push(`%TAG ${handle} ${prefix}`);
            hasDirectives = true;
          }
        });
        if (hasDirectives || this.directivesEndMarker) lines.push("---");
        if (this.commentBefore) {
          if (hasDirectives || !this.directivesEndMarker) lines.unshift("");
          lines.unshift(this.commentBefore.replace(/^/gm, "#"));
        }
        const ctx = {
          anchors: /* @__PURE__ */ Object.create(null),
          doc: this,
          indent: "",
          indentStep: " ".repeat(indentSize),
          stringify
          // Requiring directly in nodes would create circular dependencies
        };
        let chompKeep = false;
        let contentComment = null;
        if (this.contents) {
          if (this.contents instanceof resolveSeq.Node) {
            if (this.contents.spaceBefore && (hasDirectives || this.directivesEndMarker)) lines.push("");
            if (this.contents.commentBefore) lines.push(this.contents.commentBefore.replace(/^/gm, "#"));
            ctx.forceBlockIndent = !!this.comment;
            contentComment = this.contents.comment;
          }
          const onChompKeep = contentComment ? null : () => chompKeep = true;
          const body2 = stringify(this.contents, ctx, () => contentComment = null, onChompKeep);
          lines.push(resolveSeq.addComment(body2, "", contentComment));
        } else if (this.contents !== void 0) {
          lines.push(stringify(this.contents, ctx));
        }
        if (this.comment) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "") lines.push("");
          lines.push(this.comment.replace(/^/gm, "#"));
        }
        return lines.join("\n") + "\n";
      }
    };
    PlainValue._defineProperty(Document, "defaults", documentOptions);
    exports.Document = Document;
    exports.defaultOptions = defaultOptions;
    exports.scalarOptions = scalarOptions;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var parseCst = require_parse_cst();
    var Document$1 = require_Document_a8d0fbf9();
    var Schema3 = require_Schema_bcc6c2d7();
    var PlainValue = require_PlainValue_516d5bc2();
    var warnings = require_warnings_793925ce();
    require_resolveSeq_95613e94();
    function createNode(value, wrapScalars = true, tag) {
      if (tag === void 0 && typeof wrapScalars === "string") {
        tag = wrapScalars;
        wrapScalars = true;
      }
      const options = Object.assign({}, Document$1.Document.defaults[Document$1.defaultOptions.version], Document$1.defaultOptions);
      const schema = new Schema3.Schema(options);
      return schema.createNode(value, wrapScalars, tag);
    }
    var Document = class extends Document$1.Document {
      constructor(options) {
        super(Object.assign({}, Document$1.defaultOptions, options));
      }
    };
    function parseAllDocuments(src, options) {
      const stream = [];
      let prev;
      for (const cstDoc of parseCst.parse(src)) {
        const doc = new Document(options);
        doc.parse(cstDoc, prev);
        stream.push(doc);
        prev = doc;
      }
      return stream;
    }
    function parseDocument(src, options) {
      const cst = parseCst.parse(src);
      const doc = new Document(options).parse(cst[0]);
      if (cst.length > 1) {
        const errMsg = "Source contains multiple documents; please use YAML.parseAllDocuments()";
        doc.errors.unshift(new PlainValue.YAMLSemanticError(cst[1], errMsg));
      }
      return doc;
    }
    function parse(src, options) {
      const doc = parseDocument(src, options);
      doc.warnings.forEach((warning) => warnings.warn(warning));
      if (doc.errors.length > 0) throw doc.errors[0];
      return doc.toJSON();
    }
    function stringify(value, options) {
      const doc = new Document(options);
      doc.contents = value;
      return String(doc);
    }
    var YAML = {
      createNode,
      defaultOptions: Document$1.defaultOptions,
      Document,
      parse,
      parseAllDocuments,
      parseCST: parseCst.parse,
      parseDocument,
      scalarOptions: Document$1.scalarOptions,
      stringify
    };
    exports.YAML = YAML;
  }
});

// node_modules/yaml/index.js
var require_yaml = __commonJS({
  "node_modules/yaml/index.js"(exports, module) {
    module.exports = require_dist().YAML;
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/yaml.js
var require_yaml2 = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/yaml.js"(exports, module) {
    var yaml = require_yaml();
    var errors = /* @__PURE__ */ new Set([
      "YAMLReferenceError",
      "YAMLSemanticError",
      "YAMLSyntaxError",
      "YAMLWarning"
    ]);
    function parse(str) {
      if (typeof str !== "string") {
        return { ok: false, result: void 0 };
      }
      const YAML_SILENCE_WARNINGS_CACHED = global.YAML_SILENCE_WARNINGS;
      try {
        global.YAML_SILENCE_WARNINGS = true;
        return { ok: true, result: yaml.parse(str) };
      } catch (err) {
        if (err && errors.has(err.name)) {
          return { ok: false, result: void 0 };
        }
        throw err;
      } finally {
        global.YAML_SILENCE_WARNINGS = YAML_SILENCE_WARNINGS_CACHED;
      }
    }
    module.exports = {
      // is_valid is expected to return nothing if input is invalid otherwise
      // true/false for it being valid YAML.
      "yaml.is_valid": (str) => typeof str === "string" ? parse(str).ok : void 0,
      "yaml.marshal": (data) => yaml.stringify(data),
      "yaml.unmarshal": (str) => parse(str).result
    };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/index.js
var require_builtins = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/index.js"(exports, module) {
    var json = require_json();
    var strings = require_strings();
    var regex = require_regex();
    var yaml = require_yaml2();
    module.exports = {
      ...json,
      ...strings,
      ...regex,
      ...yaml
    };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/opa.js
var require_opa = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/opa.js"(exports, module) {
    var builtIns = require_builtins();
    function stringDecoder(mem) {
      return function(addr) {
        const i8 = new Int8Array(mem.buffer);
        let s2 = "";
        while (i8[addr] !== 0) {
          s2 += String.fromCharCode(i8[addr++]);
        }
        return s2;
      };
    }
    function _loadJSON(wasmInstance, memory2, value) {
      if (value === void 0) {
        return 0;
      }
      let valueBuf;
      if (value instanceof ArrayBuffer) {
        valueBuf = new Uint8Array(value);
      } else {
        const valueAsText = JSON.stringify(value);
        valueBuf = new TextEncoder().encode(valueAsText);
      }
      const valueBufLen = valueBuf.byteLength;
      const rawAddr = wasmInstance.exports.opa_malloc(valueBufLen);
      const memoryBuffer = new Uint8Array(memory2.buffer);
      memoryBuffer.set(valueBuf, rawAddr);
      const parsedAddr = wasmInstance.exports.opa_json_parse(rawAddr, valueBufLen);
      if (parsedAddr === 0) {
        throw "failed to parse json value";
      }
      return parsedAddr;
    }
    function _dumpJSON(wasmInstance, memory2, addr) {
      const rawAddr = wasmInstance.exports.opa_json_dump(addr);
      return _dumpJSONRaw(memory2, rawAddr);
    }
    function _dumpJSONRaw(memory2, addr) {
      const buf = new Uint8Array(memory2.buffer);
      let idx = addr;
      while (buf[idx] !== 0) {
        idx++;
      }
      const utf8View = new Uint8Array(memory2.buffer, addr, idx - addr);
      const jsonAsText = new TextDecoder().decode(utf8View);
      return JSON.parse(jsonAsText);
    }
    var builtinFuncs = builtIns;
    function _builtinCall(wasmInstance, memory2, builtins, customBuiltins2, builtinId) {
      const builtInName = builtins[builtinId];
      const impl = builtinFuncs[builtInName] || customBuiltins2[builtInName];
      if (impl === void 0) {
        throw {
          message: "not implemented: built-in function " + builtinId + ": " + builtins[builtinId]
        };
      }
      const argArray = Array.prototype.slice.apply(arguments);
      const args = [];
      for (let i = 5; i < argArray.length; i++) {
        const jsArg = _dumpJSON(wasmInstance, memory2, argArray[i]);
        args.push(jsArg);
      }
      const result = impl(...args);
      return _loadJSON(wasmInstance, memory2, result);
    }
    function _importObject(env, memory2, customBuiltins2) {
      const addr2string = stringDecoder(memory2);
      return {
        env: {
          memory: memory2,
          opa_abort: function(addr) {
            throw addr2string(addr);
          },
          opa_println: function(addr) {
            console.log(addr2string(addr));
          },
          opa_builtin0: function(builtinId, _ctx) {
            return _builtinCall(
              env.instance,
              memory2,
              env.builtins,
              customBuiltins2,
              builtinId
            );
          },
          opa_builtin1: function(builtinId, _ctx, arg1) {
            return _builtinCall(
              env.instance,
              memory2,
              env.builtins,
              customBuiltins2,
              builtinId,
              arg1
            );
          },
          opa_builtin2: function(builtinId, _ctx, arg1, arg2) {
            return _builtinCall(
              env.instance,
              memory2,
              env.builtins,
              customBuiltins2,
              builtinId,
              arg1,
              arg2
            );
          },
          opa_builtin3: function(builtinId, _ctx, arg1, arg2, arg3) {
            return _builtinCall(
              env.instance,
              memory2,
              env.builtins,
              customBuiltins2,
              builtinId,
              arg1,
              arg2,
              arg3
            );
          },
          opa_builtin4: function(builtinId, _ctx, arg1, arg2, arg3, arg4) {
            return _builtinCall(
              env.instance,
              memory2,
              env.builtins,
              customBuiltins2,
              builtinId,
              arg1,
              arg2,
              arg3,
              arg4
            );
          }
        }
      };
    }
    function _preparePolicy(env, wasm, memory2) {
      env.instance = wasm.instance ? wasm.instance : wasm;
      const abiVersionGlobal = env.instance.exports.opa_wasm_abi_version;
      if (abiVersionGlobal !== void 0) {
        const abiVersion = typeof abiVersionGlobal === "number" ? abiVersionGlobal : abiVersionGlobal.value;
        if (abiVersion !== 1) {
          throw `unsupported ABI version ${abiVersion}`;
        }
      } else {
        console.error("opa_wasm_abi_version undefined");
      }
      const abiMinorVersionGlobal = env.instance.exports.opa_wasm_abi_minor_version;
      let abiMinorVersion;
      if (abiMinorVersionGlobal !== void 0) {
        abiMinorVersion = typeof abiMinorVersionGlobal === "number" ? abiMinorVersionGlobal : abiMinorVersionGlobal.value;
      } else {
        console.error("opa_wasm_abi_minor_version undefined");
      }
      const builtins = _dumpJSON(
        env.instance,
        memory2,
        env.instance.exports.builtins()
      );
      env.builtins = {};
      for (const key of Object.keys(builtins)) {
        env.builtins[builtins[key]] = key;
      }
      return { policy: wasm, minorVersion: abiMinorVersion };
    }
    async function _loadPolicy(policyWasm, memory2, customBuiltins2) {
      const env = {};
      const isStreaming = policyWasm instanceof Response || policyWasm instanceof Promise;
      const importObject = _importObject(env, memory2, customBuiltins2);
      const wasm = await (isStreaming ? WebAssembly.instantiateStreaming(policyWasm, importObject) : WebAssembly.instantiate(policyWasm, importObject));
      return _preparePolicy(env, wasm, memory2);
    }
    function _loadPolicySync(policyWasm, memory2, customBuiltins2) {
      const env = {};
      if (policyWasm instanceof ArrayBuffer || policyWasm.buffer instanceof ArrayBuffer) {
        policyWasm = new WebAssembly.Module(policyWasm);
      }
      const wasm = new WebAssembly.Instance(
        policyWasm,
        _importObject(env, memory2, customBuiltins2)
      );
      return _preparePolicy(env, wasm, memory2);
    }
    var LoadedPolicy = class {
      /**
       * Loads and initializes a compiled Rego policy.
       * @param {WebAssembly.WebAssemblyInstantiatedSource} policy
       * @param {WebAssembly.Memory} memory
       */
      constructor(policy, memory2, minorVersion) {
        this.minorVersion = minorVersion;
        this.mem = memory2;
        this.wasmInstance = policy.instance ? policy.instance : policy;
        this.dataAddr = _loadJSON(this.wasmInstance, this.mem, {});
        this.baseHeapPtr = this.wasmInstance.exports.opa_heap_ptr_get();
        this.dataHeapPtr = this.baseHeapPtr;
        this.entrypoints = _dumpJSON(
          this.wasmInstance,
          this.mem,
          this.wasmInstance.exports.entrypoints()
        );
      }
      /**
       * Evaluates the loaded policy with the given input and
       * return the result set. This should be re-used for multiple evaluations
       * of the same policy with different inputs.
       *
       * To call a non-default entrypoint in your WASM specify it as the second
       * param. A list of entrypoints can be accessed with the `this.entrypoints`
       * property.
       * @param {any | ArrayBuffer} input input to be evaluated in form of `object`, literal primitive or ArrayBuffer (last is assumed to be a well-formed stringified JSON)
       * @param {number | string} entrypoint ID or name of the entrypoint to call (optional)
       */
      evaluate(input, entrypoint = 0) {
        if (typeof entrypoint === "number") {
        } else if (typeof entrypoint === "string") {
          if (Object.prototype.hasOwnProperty.call(this.entrypoints, entrypoint)) {
            entrypoint = this.entrypoints[entrypoint];
          } else {
            throw `entrypoint ${entrypoint} is not valid in this instance`;
          }
        } else {
          throw `entrypoint value is an invalid type, must be either string or number`;
        }
        if (this.minorVersion >= 2) {
          let inputBuf = null;
          let inputLen = 0;
          let inputAddr2 = 0;
          if (input) {
            if (input instanceof ArrayBuffer) {
              inputBuf = new Uint8Array(input);
            } else {
              const inputAsText = JSON.stringify(input);
              inputBuf = new TextEncoder().encode(inputAsText);
            }
            inputAddr2 = this.dataHeapPtr;
            inputLen = inputBuf.byteLength;
            const delta = inputAddr2 + inputLen - this.mem.buffer.byteLength;
            if (delta > 0) {
              const pages = roundup(delta);
              this.mem.grow(pages);
            }
            const buf = new Uint8Array(this.mem.buffer);
            buf.set(inputBuf, this.dataHeapPtr);
          }
          const heapPtr = this.dataHeapPtr + inputLen;
          const ret = this.wasmInstance.exports.opa_eval(
            0,
            entrypoint,
            this.dataAddr,
            inputAddr2,
            inputLen,
            heapPtr,
            0
          );
          return _dumpJSONRaw(this.mem, ret);
        }
        this.wasmInstance.exports.opa_heap_ptr_set(this.dataHeapPtr);
        const inputAddr = _loadJSON(this.wasmInstance, this.mem, input);
        const ctxAddr = this.wasmInstance.exports.opa_eval_ctx_new();
        this.wasmInstance.exports.opa_eval_ctx_set_input(ctxAddr, inputAddr);
        this.wasmInstance.exports.opa_eval_ctx_set_data(ctxAddr, this.dataAddr);
        this.wasmInstance.exports.opa_eval_ctx_set_entrypoint(ctxAddr, entrypoint);
        this.wasmInstance.exports.eval(ctxAddr);
        const resultAddr = this.wasmInstance.exports.opa_eval_ctx_get_result(
          ctxAddr
        );
        return _dumpJSON(this.wasmInstance, this.mem, resultAddr);
      }
      /**
       * evalBool will evaluate the policy and return a boolean answer
       * depending on the return code from the policy evaluation.
       * @deprecated Use `evaluate` instead.
       * @param {object} input
       */
      evalBool(input) {
        const rs = this.evaluate(input);
        return rs && rs.length === 1 && rs[0] === true;
      }
      /**
       * Loads data for use in subsequent evaluations.
       * @param {object | ArrayBuffer} data  data in form of `object` or ArrayBuffer (last is assumed to be a well-formed stringified JSON)
       */
      setData(data) {
        this.wasmInstance.exports.opa_heap_ptr_set(this.baseHeapPtr);
        this.dataAddr = _loadJSON(this.wasmInstance, this.mem, data);
        this.dataHeapPtr = this.wasmInstance.exports.opa_heap_ptr_get();
      }
    };
    function roundup(bytes) {
      const pageSize = 64 * 1024;
      return Math.ceil(bytes / pageSize);
    }
    module.exports = {
      /**
       * Takes in either an ArrayBuffer or WebAssembly.Module
       * and will return a Promise of a LoadedPolicy object which
       * can be used to evaluate the policy.
       *
       * To set custom memory size specify number of memory pages
       * as second param.
       * Defaults to 5 pages (320KB).
       * @param {BufferSource | WebAssembly.Module | Response | Promise<Response>} regoWasm
       * @param {number | WebAssembly.MemoryDescriptor} memoryDescriptor For backwards-compatibility, a 'number' argument is taken to be the initial memory size.
       * @param {{ [builtinName: string]: Function }} customBuiltins A map from string names to builtin functions
       * @returns {Promise<LoadedPolicy>}
       */
      async loadPolicy(regoWasm, memoryDescriptor = {}, customBuiltins2 = {}) {
        if (typeof memoryDescriptor === "number") {
          memoryDescriptor = { initial: memoryDescriptor };
        }
        memoryDescriptor.initial = memoryDescriptor.initial || 5;
        const memory2 = new WebAssembly.Memory(memoryDescriptor);
        const { policy, minorVersion } = await _loadPolicy(
          regoWasm,
          memory2,
          customBuiltins2
        );
        return new LoadedPolicy(policy, memory2, minorVersion);
      },
      /**
       * Takes in either an ArrayBuffer or WebAssembly.Module
       * and will return a LoadedPolicy object which can be
       * used to evaluate the policy.
       *
       * This cannot be used from the main thread in a browser.
       * You must use the `loadPolicy` function instead, or call
       * from a worker thread.
       *
       * To set custom memory size specify number of memory pages
       * as second param.
       * Defaults to 5 pages (320KB).
       * @param {BufferSource | WebAssembly.Module} regoWasm
       * @param {number | WebAssembly.MemoryDescriptor} memoryDescriptor For backwards-compatibility, a 'number' argument is taken to be the initial memory size.
       * @param {{ [builtinName: string]: Function }} customBuiltins A map from string names to builtin functions
       * @returns {LoadedPolicy}
       */
      loadPolicySync(regoWasm, memoryDescriptor = {}, customBuiltins2 = {}) {
        if (typeof memoryDescriptor === "number") {
          memoryDescriptor = { initial: memoryDescriptor };
        }
        memoryDescriptor.initial = memoryDescriptor.initial || 5;
        const memory2 = new WebAssembly.Memory(memoryDescriptor);
        const { policy, minorVersion } = _loadPolicySync(
          regoWasm,
          memory2,
          customBuiltins2
        );
        return new LoadedPolicy(policy, memory2, minorVersion);
      },
      LoadedPolicy
    };
  }
});

// engine/compiler/compile.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { dirname as dirname2, join as join2, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";

// engine/compiler/check/builtins.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// engine/compiler/builtins/signatures.ts
function b(name, arity, extra = {}) {
  return { name, arity, wasm: true, ...extra };
}
var list = [
  // comparison and assignment
  b("eq", 2, { infix: "=" }),
  b("assign", 2, { infix: ":=" }),
  b("equal", 2, { infix: "==" }),
  b("neq", 2, { infix: "!=" }),
  b("lt", 2, { infix: "<" }),
  b("lte", 2, { infix: "<=" }),
  b("gt", 2, { infix: ">" }),
  b("gte", 2, { infix: ">=" }),
  b("internal.member_2", 2, { infix: "in" }),
  b("internal.member_3", 3, { infix: "in" }),
  // arithmetic
  b("plus", 2, { infix: "+" }),
  b("minus", 2, { infix: "-" }),
  b("mul", 2, { infix: "*" }),
  b("div", 2, { infix: "/" }),
  b("rem", 2, { infix: "%" }),
  b("abs", 1),
  b("round", 1),
  b("ceil", 1),
  b("floor", 1),
  b("numbers.range", 2),
  b("numbers.range_step", 3),
  b("rand.intn", 2),
  b("bits.or", 2),
  b("bits.and", 2),
  b("bits.negate", 1),
  b("bits.xor", 2),
  b("bits.lsh", 2),
  b("bits.rsh", 2),
  // sets
  b("and", 2, { infix: "&" }),
  b("or", 2, { infix: "|" }),
  b("intersection", 1),
  b("union", 1),
  // aggregates
  b("count", 1),
  b("sum", 1),
  b("product", 1),
  b("max", 1),
  b("min", 1),
  b("sort", 1),
  b("all", 1),
  b("any", 1),
  // arrays and objects
  b("array.concat", 2),
  b("array.slice", 3),
  b("array.reverse", 1),
  b("array.flatten", 1),
  b("object.get", 3),
  b("object.remove", 2),
  b("object.union", 2),
  b("object.union_n", 1),
  b("object.filter", 2),
  b("object.subset", 2),
  b("object.keys", 1),
  b("json.filter", 2),
  b("json.remove", 2),
  b("json.patch", 2),
  b("json.match_schema", 2),
  b("json.verify_schema", 1),
  // strings
  b("concat", 2),
  b("contains", 2),
  b("endswith", 2),
  b("format_int", 2),
  b("indexof", 2),
  b("indexof_n", 2),
  b("lower", 1),
  b("replace", 3),
  b("split", 2),
  b("sprintf", 2),
  b("startswith", 2),
  b("strings.any_prefix_match", 2),
  b("strings.any_suffix_match", 2),
  b("strings.count", 2),
  b("strings.render_template", 2),
  b("strings.replace_n", 2),
  b("strings.reverse", 1),
  b("substring", 3),
  b("trim", 2),
  b("trim_left", 2),
  b("trim_prefix", 2),
  b("trim_right", 2),
  b("trim_space", 1),
  b("trim_suffix", 2),
  b("upper", 1),
  // regular expressions and globs
  b("regex.match", 2),
  b("re_match", 2),
  b("regex.is_valid", 1),
  b("regex.split", 2),
  b("regex.find_n", 3),
  b("regex.find_all_string_submatch_n", 3),
  b("regex.replace", 3),
  b("regex.globs_match", 2),
  b("regex.template_match", 4),
  b("glob.match", 3),
  b("glob.quote_meta", 1),
  // types
  b("is_number", 1),
  b("is_string", 1),
  b("is_boolean", 1),
  b("is_array", 1),
  b("is_set", 1),
  b("is_object", 1),
  b("is_null", 1),
  b("type_name", 1),
  b("to_number", 1),
  b("cast_array", 1),
  b("cast_set", 1),
  b("cast_string", 1),
  b("cast_boolean", 1),
  b("cast_null", 1),
  b("cast_object", 1),
  // encodings
  b("base64.encode", 1),
  b("base64.decode", 1),
  b("base64.is_valid", 1),
  b("base64url.encode", 1),
  b("base64url.encode_no_pad", 1),
  b("base64url.decode", 1),
  b("hex.encode", 1),
  b("hex.decode", 1),
  b("urlquery.encode", 1),
  b("urlquery.decode", 1),
  b("urlquery.encode_object", 1),
  b("urlquery.decode_object", 1),
  b("json.marshal", 1),
  b("json.marshal_with_options", 2),
  b("json.unmarshal", 1),
  b("json.is_valid", 1),
  b("yaml.marshal", 1),
  b("yaml.unmarshal", 1),
  b("yaml.is_valid", 1),
  // time
  b("time.now_ns", 0),
  b("time.parse_ns", 2),
  b("time.parse_rfc3339_ns", 1),
  b("time.parse_duration_ns", 1),
  b("time.format", 1),
  b("time.date", 1),
  b("time.clock", 1),
  b("time.weekday", 1),
  b("time.add_date", 4),
  b("time.diff", 2),
  // hashes
  b("crypto.md5", 1),
  b("crypto.sha1", 1),
  b("crypto.sha256", 1),
  b("crypto.hmac.md5", 2),
  b("crypto.hmac.sha1", 2),
  b("crypto.hmac.sha256", 2),
  b("crypto.hmac.sha512", 2),
  b("crypto.hmac.equal", 2),
  // network addresses
  b("net.cidr_contains", 2),
  b("net.cidr_intersects", 2),
  b("net.cidr_contains_matches", 2),
  b("net.cidr_expand", 1),
  b("net.cidr_merge", 1),
  b("net.cidr_is_valid", 1),
  b("net.cidr_overlap", 2),
  // units, versions, graphs
  b("units.parse", 1),
  b("units.parse_bytes", 1),
  b("semver.is_valid", 1),
  b("semver.compare", 2),
  b("uuid.parse", 1),
  b("io.jwt.decode", 1),
  b("graph.reachable", 2),
  b("graph.reachable_paths", 2),
  b("walk", 1),
  b("print", 0, { variadic: true }),
  b("internal.print", 1),
  b("rego.metadata.chain", 0),
  b("rego.metadata.rule", 0),
  // Not offered by OPA's Wasm target: network, keys, OPA runtime state, true randomness.
  b("http.send", 1, { wasm: false }),
  b("net.lookup_ip_addr", 1, { wasm: false }),
  b("opa.runtime", 0, { wasm: false }),
  b("rego.parse_module", 2, { wasm: false }),
  b("trace", 1, { wasm: false }),
  b("uuid.rfc4122", 1, { wasm: false }),
  b("providers.aws.sign_req", 3, { wasm: false }),
  b("io.jwt.decode_verify", 2, { wasm: false }),
  b("io.jwt.encode_sign", 3, { wasm: false }),
  b("io.jwt.encode_sign_raw", 3, { wasm: false }),
  ...["rs256", "rs384", "rs512", "ps256", "ps384", "ps512", "es256", "es384", "es512", "hs256", "hs384", "hs512", "eddsa"].map(
    (alg) => b(`io.jwt.verify_${alg}`, 2, { wasm: false })
  ),
  b("crypto.x509.parse_certificates", 1, { wasm: false }),
  b("crypto.x509.parse_and_verify_certificates", 1, { wasm: false }),
  b("crypto.x509.parse_and_verify_certificates_with_options", 2, { wasm: false }),
  b("crypto.x509.parse_certificate_request", 1, { wasm: false }),
  b("crypto.x509.parse_keypair", 2, { wasm: false }),
  b("crypto.x509.parse_rsa_private_key", 1, { wasm: false }),
  b("crypto.parse_private_keys", 1, { wasm: false })
];
var builtinSignatures = new Map(list.map((s2) => [s2.name, s2]));
function builtinSignature(name) {
  return builtinSignatures.get(name);
}

// engine/compiler/check/builtins.ts
var table = null;
function loadCapabilities() {
  try {
    const require2 = createRequire(import.meta.url);
    const main = require2.resolve("@open-policy-agent/opa-wasm");
    const file = join(dirname(main), "..", "capabilities.json");
    const json = JSON.parse(readFileSync(file, "utf8"));
    return Array.isArray(json.builtins) ? json.builtins : [];
  } catch {
    return [];
  }
}
function builtinTable() {
  if (table) return table;
  const t = /* @__PURE__ */ new Map();
  for (const sig of builtinSignatures.values()) t.set(sig.name, { name: sig.name, arity: sig.variadic ? -1 : sig.arity });
  for (const b2 of loadCapabilities()) {
    const args = b2.decl.args ?? [];
    const arity = b2.decl.variadic ? -1 : args.length;
    const known = t.get(b2.name);
    if (known && known.arity !== arity) continue;
    t.set(b2.name, { name: b2.name, arity, args, ...b2.decl.result ? { result: b2.decl.result } : {} });
  }
  table = t;
  return t;
}

// engine/compiler/syntax/terms.ts
function varTerm(name, loc) {
  return { type: "var", name, loc };
}
function refOf(terms, loc) {
  return { type: "ref", terms, loc };
}
function builtinCall(name, opLoc, args, loc) {
  const [head = name, ...rest] = name.split(".");
  const terms = [varTerm(head, opLoc)];
  for (const part of rest) terms.push({ type: "string", value: part, raw: false, loc: opLoc });
  return { type: "call", operator: refOf(terms, opLoc), args, loc };
}
function operatorName(op) {
  const head = op.terms[0];
  if (!head || head.type !== "var") return null;
  const parts = [head.name];
  for (const t of op.terms.slice(1)) {
    if (t.type !== "string") return null;
    parts.push(t.value);
  }
  return parts.join(".");
}
function constKey(t) {
  switch (t.type) {
    case "string":
      return JSON.stringify(t.value);
    case "number":
      return "#" + String(Number(t.text));
    case "boolean":
      return String(t.value);
    case "null":
      return "null";
    default:
      return null;
  }
}
function isGround(t) {
  switch (t.type) {
    case "null":
    case "boolean":
    case "number":
    case "string":
      return true;
    case "array":
    case "set":
      return t.items.every(isGround);
    case "object":
      return t.items.every(([k, v]) => isGround(k) && isGround(v));
    default:
      return false;
  }
}
function cloneTerm(t) {
  return mapTerm(t, (x) => x);
}
function mapTerm(t, fn) {
  const m = (x) => mapTerm(x, fn);
  switch (t.type) {
    case "var":
      return fn({ ...t });
    case "null":
    case "boolean":
    case "number":
    case "string":
      return { ...t };
    case "ref":
      return { ...t, terms: t.terms.map(m) };
    case "array":
    case "set":
      return { ...t, items: t.items.map(m) };
    case "object":
      return { ...t, items: t.items.map(([k, v]) => [m(k), m(v)]) };
    case "call":
      return { ...t, operator: m(t.operator), args: t.args.map(m) };
    case "arraycomprehension":
    case "setcomprehension":
      return { ...t, term: m(t.term), body: mapBody(t.body, fn) };
    case "objectcomprehension":
      return { ...t, key: m(t.key), value: m(t.value), body: mapBody(t.body, fn) };
  }
}
function mapBody(body2, fn) {
  return body2.map((e) => mapExpr(e, fn));
}
function mapExpr(e, fn) {
  const m = (x) => mapTerm(x, fn);
  const withs = e.with.map((w) => ({ ...w, target: m(w.target), value: m(w.value) }));
  const node = e.node;
  switch (node.type) {
    case "term":
      return { ...e, with: withs, node: { type: "term", term: m(node.term) } };
    case "some-decl":
      return { ...e, with: withs, node: { type: "some-decl", vars: node.vars.map((v) => m(v)) } };
    case "some-in":
      return {
        ...e,
        with: withs,
        node: { type: "some-in", key: node.key && m(node.key), value: m(node.value), collection: m(node.collection) }
      };
    case "every":
      return {
        ...e,
        with: withs,
        node: {
          type: "every",
          key: node.key && m(node.key),
          value: m(node.value),
          domain: m(node.domain),
          body: mapBody(node.body, fn)
        }
      };
  }
}

// engine/compiler/check/types.ts
var TypeChecker = class {
  constructor(builtins, rules, errors) {
    this.builtins = builtins;
    this.rules = rules;
    this.errors = errors;
  }
  builtins;
  rules;
  errors;
  ruleTypes = /* @__PURE__ */ new Map();
  inProgress = /* @__PURE__ */ new Set();
  rule = "";
  checkRule(key, rule) {
    this.rule = key;
    for (let r = rule; r; r = r.else) {
      const env = this.body(r.body, /* @__PURE__ */ new Map(), true);
      for (const t of [...r.head.ref.slice(1), r.head.key, r.head.value]) if (t) this.term(t, env, true);
    }
  }
  /** The evident type of the rule at key, or null; memoised, and null while being computed. */
  ruleType(key) {
    if (this.ruleTypes.has(key)) return this.ruleTypes.get(key);
    const infos = this.rules.get(key);
    if (!infos || this.inProgress.has(key)) return null;
    this.inProgress.add(key);
    const kinds = /* @__PURE__ */ new Set();
    for (const { rule, path } of infos) {
      if (path.some((p) => typeof p !== "string")) {
        kinds.add(rule.kind === "partial-set" ? null : "object");
        continue;
      }
      if (rule.kind === "partial-set") kinds.add("set");
      else if (rule.kind === "partial-object") kinds.add("object");
      else {
        for (let r = rule; r; r = r.else) {
          const env = this.body(r.body, /* @__PURE__ */ new Map(), false);
          kinds.add(r.head.value ? this.infer(r.head.value, env) : null);
        }
      }
    }
    this.inProgress.delete(key);
    const only = kinds.size === 1 ? [...kinds][0] : null;
    this.ruleTypes.set(key, only);
    return only;
  }
  /** Walks a body in order, learning variable types; reports only when `report`. */
  body(b2, env, report) {
    for (const e of b2) this.expr(e, env, report);
    return env;
  }
  expr(e, env, report) {
    const n = e.node;
    switch (n.type) {
      case "term": {
        const t = n.term;
        if (t.type !== "call") {
          this.term(t, env, report);
          break;
        }
        const name = operatorName(t.operator);
        if ((name === "eq" || name === "assign") && t.args.length === 2) {
          const [a, b3] = t.args;
          this.term(a, env, report);
          this.term(b3, env, report);
          if (e.negated) break;
          const ta = this.infer(a, env);
          const tb = this.infer(b3, env);
          if (report && ta !== null && tb !== null && ta !== tb) {
            this.errors.push({
              code: "rego_type_error",
              message: `match error
	left  : ${ta}
	right : ${tb}`,
              location: e.loc,
              rule: this.rule
            });
            break;
          }
          if (a.type === "var" && ta === null && tb !== null) env.set(a.name, tb);
          if (b3.type === "var" && tb === null && ta !== null) env.set(b3.name, ta);
          break;
        }
        this.call(t, env, report);
        const b2 = name && !name.startsWith("data.") ? this.builtins.get(name) : void 0;
        const out = t.args[t.args.length - 1];
        if (!e.negated && b2 && b2.arity >= 0 && t.args.length === b2.arity + 1 && out?.type === "var" && !env.has(out.name)) {
          const k = kindOf(b2.result);
          if (k) env.set(out.name, k);
        }
        break;
      }
      case "some-in":
        this.term(n.collection, env, report);
        break;
      case "every":
        this.term(n.domain, env, report);
        this.body(n.body, new Map(env), report);
        break;
      default:
        break;
    }
    for (const w of e.with) this.term(w.value, env, report);
  }
  term(t, env, report) {
    switch (t.type) {
      case "call":
        this.call(t, env, report);
        return;
      case "ref":
        t.terms.forEach((x) => this.term(x, env, report));
        return;
      case "array":
      case "set":
        t.items.forEach((x) => this.term(x, env, report));
        return;
      case "object":
        for (const [k, v] of t.items) {
          this.term(k, env, report);
          this.term(v, env, report);
        }
        return;
      case "arraycomprehension":
      case "setcomprehension": {
        const inner = this.body(t.body, new Map(env), report);
        this.term(t.term, inner, report);
        return;
      }
      case "objectcomprehension": {
        const inner = this.body(t.body, new Map(env), report);
        this.term(t.key, inner, report);
        this.term(t.value, inner, report);
        return;
      }
      default:
        return;
    }
  }
  call(c, env, report) {
    c.args.forEach((a) => this.term(a, env, report));
    if (!report) return;
    const name = operatorName(c.operator);
    if (!name || name.startsWith("data.")) return;
    const b2 = this.builtins.get(name);
    const decls = b2?.args;
    if (!b2 || !decls || b2.arity < 0) return;
    const have = c.args.slice(0, b2.arity).map((a) => this.infer(a, env));
    if (have.some((h, i) => h !== null && decls[i] !== void 0 && !fits(h, decls[i]))) {
      this.errors.push({
        code: "rego_type_error",
        message: `${name}: invalid argument(s)
	have: (${have.map((h) => h ?? "any").join(", ")})
	want: (${decls.map(declText).join(", ")})`,
        location: c.loc,
        rule: this.rule
      });
    }
  }
  /** The type a term evidently has, or null when unknown. */
  infer(t, env) {
    switch (t.type) {
      case "var":
        return env.get(t.name) ?? null;
      case "ref": {
        const name = operatorName(t);
        return name?.startsWith("data.") ? this.ruleType(name.slice(5)) : null;
      }
      default:
        return literalKind(t, this.builtins);
    }
  }
};
function literalKind(t, builtins) {
  switch (t.type) {
    case "null":
    case "boolean":
    case "number":
    case "string":
    case "array":
    case "set":
    case "object":
      return t.type;
    case "arraycomprehension":
      return "array";
    case "setcomprehension":
      return "set";
    case "objectcomprehension":
      return "object";
    case "call": {
      const name = operatorName(t.operator);
      if (!name || name.startsWith("data.")) return null;
      return kindOf(builtins.get(name)?.result);
    }
    default:
      return null;
  }
}
function kindOf(d) {
  if (!d || d.type === "any" || d.type === "function") return null;
  return d.type;
}
function fits(k, d) {
  if (d.type === "any") {
    if (!d.of) return true;
    const of = Array.isArray(d.of) ? d.of : [d.of];
    return of.length === 0 || of.some((x) => fits(k, x));
  }
  return d.type === k;
}
function declText(d) {
  switch (d.type) {
    case "any":
      if (!d.of) return "any";
      return `any<${(Array.isArray(d.of) ? d.of : [d.of]).map(declText).join(", ")}>`;
    case "array":
      return d.dynamic ? `array[${declText(d.dynamic)}]` : "array";
    case "set":
      return d.of && !Array.isArray(d.of) ? `set[${declText(d.of)}]` : "set";
    case "object":
      return "object";
    default:
      return d.type;
  }
}

// engine/compiler/check/calls.ts
function functionArity(name, env) {
  if (name === null) return -1;
  if (name.startsWith("data.")) {
    const infos = env.rules.get(name.slice(5));
    const fn = infos?.find((i) => i.rule.kind === "function");
    return fn ? fn.rule.head.args?.length ?? 0 : -1;
  }
  const b2 = env.builtins.get(name);
  return b2 ? b2.arity : -1;
}
function checkCallsInRule(rule, env) {
  for (let r = rule; r; r = r.else) {
    r.head.ref.slice(1).forEach((t) => term(t, env));
    if (r.head.key) term(r.head.key, env);
    if (r.head.value) term(r.head.value, env);
    r.head.args?.forEach((t) => term(t, env));
    body(r.body, env);
  }
}
function body(b2, env) {
  for (const e of b2) expr(e, env);
}
function expr(e, env) {
  const n = e.node;
  switch (n.type) {
    case "term":
      if (n.term.type === "call") call(n.term, true, env);
      else term(n.term, env);
      break;
    case "some-in":
      if (n.key) term(n.key, env);
      term(n.value, env);
      term(n.collection, env);
      break;
    case "every":
      term(n.domain, env);
      body(n.body, env);
      break;
    default:
      break;
  }
  for (const w of e.with) {
    term(w.value, env);
    const valueName = w.value.type === "var" ? w.value.name : w.value.type === "ref" ? operatorName(w.value) : null;
    const replacement = valueName ? env.builtins.get(valueName) : void 0;
    if (valueName && replacement && !env.used.has(valueName)) env.used.set(valueName, { arity: replacement.arity });
    const head = w.target.terms[0];
    const root = head?.type === "var" && (head.name === "input" || head.name === "data");
    const name = operatorName(w.target);
    if (!root && (name === null || functionArity(name, env) === -1 && env.builtins.get(name)?.arity !== -1)) {
      env.errors.push({
        code: "rego_type_error",
        message: "with keyword target must reference existing input, data, or a function",
        location: w.loc,
        rule: env.rule
      });
    }
  }
}
var DEPRECATED = /* @__PURE__ */ new Set([
  "any",
  "all",
  "re_match",
  "set_diff",
  "net.cidr_overlap",
  "cast_array",
  "cast_set",
  "cast_string",
  "cast_boolean",
  "cast_null",
  "cast_object"
]);
function term(t, env) {
  switch (t.type) {
    case "call":
      call(t, false, env);
      return;
    case "ref":
      t.terms.forEach((x) => term(x, env));
      return;
    case "array":
    case "set":
      t.items.forEach((x) => term(x, env));
      return;
    case "object":
      for (const [k, v] of t.items) {
        term(k, env);
        term(v, env);
      }
      return;
    case "arraycomprehension":
    case "setcomprehension":
      term(t.term, env);
      body(t.body, env);
      return;
    case "objectcomprehension":
      term(t.key, env);
      term(t.value, env);
      body(t.body, env);
      return;
    default:
      return;
  }
}
function call(c, topLevel, env) {
  c.args.forEach((a) => term(a, env));
  const name = operatorName(c.operator);
  const arity = functionArity(name, env);
  if (name === null || arity === -1 && !(env.builtins.get(name)?.arity === -1)) {
    env.errors.push({
      code: "rego_type_error",
      message: `undefined function ${name ?? refText(c.operator.terms)}`,
      location: c.loc,
      rule: env.rule
    });
    return;
  }
  const builtin = name.startsWith("data.") ? void 0 : env.builtins.get(name);
  if (builtin && DEPRECATED.has(name)) {
    env.errors.push({
      code: "rego_type_error",
      message: `deprecated built-in function calls in expression: ${name}`,
      location: c.loc,
      rule: env.rule
    });
  }
  if (builtin) {
    const prev = env.used.get(name);
    const seen = builtin.arity === -1 ? c.args.length : builtin.arity;
    if (!prev || prev.arity < seen) env.used.set(name, { arity: seen });
  }
  if (arity === -1) return;
  const n = c.args.length;
  const ok = topLevel ? n === arity || n === arity + 1 : n === arity;
  if (!ok) {
    if (builtin) {
      env.errors.push({
        code: "rego_type_error",
        message: `${name}: arity mismatch
	have: (${c.args.map((a) => literalKind(a, env.builtins) ?? "any").join(", ")})
	want: (${(builtin.args ?? []).map(declText).join(", ")})`,
        location: c.loc,
        rule: env.rule
      });
    } else {
      env.errors.push({
        code: "rego_type_error",
        message: `function ${name} has arity ${arity}, got ${n} argument${n === 1 ? "" : "s"}`,
        location: c.loc,
        rule: env.rule
      });
    }
    return;
  }
}
function refText(terms) {
  return terms.map((t, i) => t.type === "var" ? t.name : t.type === "string" && i > 0 ? t.value : "[\u2026]").join(".");
}

// engine/compiler/check/terms.ts
function isWildcard(name) {
  return name.startsWith("$");
}
function stringTerm(value, loc) {
  return { type: "string", value, raw: false, loc };
}
function isScalar(t) {
  return t.type === "null" || t.type === "boolean" || t.type === "number" || t.type === "string";
}
function isComprehension(t) {
  return t.type === "arraycomprehension" || t.type === "setcomprehension" || t.type === "objectcomprehension";
}
function forEachVar(t, fn, o = {}) {
  switch (t.type) {
    case "var":
      fn(t);
      return;
    case "ref":
      t.terms.forEach((x, i) => {
        if (i === 0 && o.skipRefHead && x.type === "var") return;
        forEachVar(x, fn, o);
      });
      return;
    case "array":
      for (const x of t.items) forEachVar(x, fn, o);
      return;
    case "set":
      if (o.skipSets) return;
      for (const x of t.items) forEachVar(x, fn, o);
      return;
    case "object":
      for (const [k, v] of t.items) {
        if (!o.skipObjectKeys) forEachVar(k, fn, o);
        forEachVar(v, fn, o);
      }
      return;
    case "call":
      for (const x of t.args) forEachVar(x, fn, o);
      return;
    case "arraycomprehension":
    case "setcomprehension":
      if (o.skipClosures) return;
      forEachVar(t.term, fn, o);
      for (const e of t.body) forEachVarInExpr(e, fn, o);
      return;
    case "objectcomprehension":
      if (o.skipClosures) return;
      forEachVar(t.key, fn, o);
      forEachVar(t.value, fn, o);
      for (const e of t.body) forEachVarInExpr(e, fn, o);
      return;
    default:
      return;
  }
}
function forEachVarInExpr(e, fn, o = {}) {
  const n = e.node;
  switch (n.type) {
    case "term":
      forEachVar(n.term, fn, o);
      break;
    case "some-decl":
      for (const v of n.vars) fn(v);
      break;
    case "some-in":
      if (n.key) forEachVar(n.key, fn, o);
      forEachVar(n.value, fn, o);
      forEachVar(n.collection, fn, o);
      break;
    case "every":
      forEachVar(n.domain, fn, o);
      if (!o.skipClosures) {
        if (n.key) fn(n.key);
        fn(n.value);
        for (const x of n.body) forEachVarInExpr(x, fn, o);
      }
      break;
  }
  for (const w of e.with) if (!o.skipWithValue?.(w.value)) forEachVar(w.value, fn, o);
}
function varsOf(t, o = {}) {
  const s2 = /* @__PURE__ */ new Set();
  forEachVar(t, (v) => s2.add(v.name), o);
  return s2;
}
function mapParts(t, f) {
  switch (t.type) {
    case "ref":
      return { ...t, terms: t.terms.map(f) };
    case "array":
    case "set":
      return { ...t, items: t.items.map(f) };
    case "object":
      return { ...t, items: t.items.map(([k, v]) => [f(k), f(v)]) };
    case "call":
      return { ...t, args: t.args.map(f) };
    default:
      return t;
  }
}
function bindingExpr(v, t) {
  return { node: { type: "term", term: builtinCall("eq", t.loc, [v, t], t.loc) }, negated: false, with: [], loc: t.loc };
}
function forEachTerm(t, fn) {
  fn(t);
  switch (t.type) {
    case "ref":
      for (const x of t.terms) forEachTerm(x, fn);
      return;
    case "array":
    case "set":
      for (const x of t.items) forEachTerm(x, fn);
      return;
    case "object":
      for (const [k, v] of t.items) {
        forEachTerm(k, fn);
        forEachTerm(v, fn);
      }
      return;
    case "call":
      forEachTerm(t.operator, fn);
      for (const x of t.args) forEachTerm(x, fn);
      return;
    case "arraycomprehension":
    case "setcomprehension":
      forEachTerm(t.term, fn);
      forEachTermInBody(t.body, fn);
      return;
    case "objectcomprehension":
      forEachTerm(t.key, fn);
      forEachTerm(t.value, fn);
      forEachTermInBody(t.body, fn);
      return;
    default:
      return;
  }
}
function forEachTermInExpr(e, fn) {
  const n = e.node;
  switch (n.type) {
    case "term":
      forEachTerm(n.term, fn);
      break;
    case "some-decl":
      for (const v of n.vars) forEachTerm(v, fn);
      break;
    case "some-in":
      if (n.key) forEachTerm(n.key, fn);
      forEachTerm(n.value, fn);
      forEachTerm(n.collection, fn);
      break;
    case "every":
      if (n.key) forEachTerm(n.key, fn);
      forEachTerm(n.value, fn);
      forEachTerm(n.domain, fn);
      forEachTermInBody(n.body, fn);
      break;
  }
  for (const w of e.with) {
    forEachTerm(w.target, fn);
    forEachTerm(w.value, fn);
  }
}
function forEachTermInBody(b2, fn) {
  for (const e of b2) forEachTermInExpr(e, fn);
}
function exprCall(e) {
  return e.node.type === "term" && e.node.term.type === "call" ? e.node.term : null;
}
function displayVar(name) {
  return isWildcard(name) ? "_" : name;
}

// engine/compiler/check/comprehensions.ts
function liftComprehensionTerms(rule, names) {
  const l = new Lifter(names);
  for (let r = rule; r; r = r.else) {
    r.body = l.body(r.body);
    const h = r.head;
    const lastOld = h.ref[h.ref.length - 1];
    h.ref = h.ref.map((t, i) => i === 0 ? t : l.term(t));
    if (h.key) h.key = h.key === lastOld && h.ref.length > 1 ? h.ref[h.ref.length - 1] : l.term(h.key);
    if (h.value) h.value = l.term(h.value);
    if (h.args) h.args = h.args.map((t) => l.term(t));
  }
}
function requiresEval(t) {
  switch (t.type) {
    case "ref":
    case "call":
    case "arraycomprehension":
    case "setcomprehension":
    case "objectcomprehension":
      return true;
    case "array":
    case "set":
      return t.items.some(requiresEval);
    case "object":
      return t.items.some(([k, v]) => requiresEval(k) || requiresEval(v));
    default:
      return false;
  }
}
var Lifter = class {
  constructor(names) {
    this.names = names;
  }
  names;
  body(b2) {
    return b2.map((e) => this.expr(e));
  }
  expr(e) {
    const n = e.node;
    let node = n;
    switch (n.type) {
      case "term":
        node = { type: "term", term: this.term(n.term) };
        break;
      case "some-in":
        node = { ...n, key: n.key ? this.term(n.key) : null, value: this.term(n.value), collection: this.term(n.collection) };
        break;
      case "every":
        node = { ...n, domain: this.term(n.domain), body: this.body(n.body) };
        break;
      default:
        break;
    }
    return { ...e, node, with: e.with.map((w) => ({ ...w, value: this.term(w.value) })) };
  }
  /** Binds `t` to a fresh variable by an expression appended to `extra`. */
  bind(t, extra) {
    if (!requiresEval(t)) return t;
    const v = varTerm(this.names.freshGenerated(), t.loc);
    extra.push(bindingExpr(v, t));
    return { ...v };
  }
  term(t) {
    switch (t.type) {
      case "ref":
      case "array":
      case "set":
      case "object":
      case "call":
        return mapParts(t, (x) => this.term(x));
      case "arraycomprehension":
      case "setcomprehension": {
        const body2 = this.body(t.body);
        const term2 = this.bind(this.term(t.term), body2);
        return { ...t, term: term2, body: body2 };
      }
      case "objectcomprehension": {
        const body2 = this.body(t.body);
        const key = this.bind(this.term(t.key), body2);
        const value = this.bind(this.term(t.value), body2);
        return { ...t, key, value, body: body2 };
      }
      default:
        return t;
    }
  }
};

// engine/compiler/check/resolve.ts
function declaredVars(body2) {
  const out = /* @__PURE__ */ new Set();
  const add = (t) => forEachVar(t, (v) => out.add(v.name));
  const visit = (b2) => {
    for (const e of b2) {
      const n = e.node;
      if (n.type === "term" && n.term.type === "call" && isOp(n.term.operator, "assign")) {
        const lhs = n.term.args[0];
        if (lhs && n.term.args.length === 2) add(lhs);
      } else if (n.type === "some-decl") {
        for (const v of n.vars) out.add(v.name);
      } else if (n.type === "some-in") {
        if (n.key) add(n.key);
        add(n.value);
      } else if (n.type === "every") {
        visit(n.body);
      }
    }
  };
  visit(body2);
  return out;
}
function isOp(op, name) {
  return op.terms.length === 1 && op.terms[0].type === "var" && op.terms[0].name === name;
}
var Ignore = class {
  stack = [];
  push(s2) {
    this.stack.push(s2);
  }
  pop() {
    this.stack.pop();
  }
  has(v) {
    return this.stack.some((s2) => s2.has(v));
  }
};
function moduleGlobals(mod, packageRuleNames) {
  const g = /* @__PURE__ */ new Map();
  const loc = mod.package.loc;
  const pkgTerms = [varTerm("data", loc), ...mod.package.path.map((p) => stringTerm(p, loc))];
  for (const name of packageRuleNames) g.set(name, [...pkgTerms, stringTerm(name, loc)]);
  for (const imp of mod.imports) {
    const path = imp.path.terms;
    const head = path[0];
    if (!head || head.type !== "var") continue;
    if (head.name === "future" || head.name === "rego") continue;
    let name = imp.alias;
    if (!name) {
      const last = path[path.length - 1];
      name = last.type === "var" ? last.name : last.type === "string" ? last.value : null;
    }
    if (name) g.set(name, path);
  }
  return g;
}
function resolveModule(mod, globals, errors, rulePath) {
  for (const rule of mod.rules) {
    const args = rule.head.args;
    for (let r = rule; r; r = r.else) resolveRule(r, args, globals, errors, rulePath(rule));
  }
}
function resolveRule(rule, args, globals, errors, path) {
  const argVars = /* @__PURE__ */ new Set();
  for (const a of args ?? []) {
    forEachVar(a, (v) => {
      argVars.add(v.name);
      if (v.name === "input" || v.name === "data") {
        errors.push({
          code: "rego_compile_error",
          message: `args must not shadow ${v.name} (use a different variable name)`,
          location: v.loc,
          rule: path
        });
      }
    }, { skipObjectKeys: true, skipSets: true, skipClosures: true });
  }
  const ignore = new Ignore();
  ignore.push(argVars);
  ignore.push(declaredVars(rule.body));
  const r = new Resolver(globals, ignore);
  const head = rule.head;
  const oldRef = head.ref;
  const lastOld = oldRef[oldRef.length - 1];
  head.ref = oldRef.map((t, i) => i === 0 ? t : r.term(t));
  if (head.key) head.key = head.key === lastOld && oldRef.length > 1 ? head.ref[head.ref.length - 1] : r.term(head.key);
  if (head.value) head.value = r.term(head.value);
  rule.body = r.body(rule.body);
}
var Resolver = class {
  constructor(globals, ignore) {
    this.globals = globals;
    this.ignore = ignore;
  }
  globals;
  ignore;
  global(name) {
    const g = this.globals.get(name);
    return g && !this.ignore.has(name) ? g : null;
  }
  relocated(terms, t) {
    return terms.map((x) => ({ ...x, loc: t.loc }));
  }
  body(b2) {
    return b2.map((e) => this.expr(e));
  }
  expr(e) {
    const n = e.node;
    let node = n;
    switch (n.type) {
      case "term":
        node = { type: "term", term: this.term(n.term) };
        break;
      case "some-decl":
        break;
      case "some-in":
        node = {
          type: "some-in",
          key: n.key ? this.term(n.key) : null,
          value: this.term(n.value),
          collection: this.term(n.collection)
        };
        break;
      case "every": {
        const locals = /* @__PURE__ */ new Set([n.value.name]);
        if (n.key) locals.add(n.key.name);
        const domain = this.term(n.domain);
        this.ignore.push(locals);
        this.ignore.push(declaredVars(n.body));
        const body2 = this.body(n.body);
        this.ignore.pop();
        this.ignore.pop();
        node = { ...n, domain, body: body2 };
        break;
      }
    }
    const withs = e.with.map((w) => ({ ...w, target: this.ref(w.target), value: this.term(w.value) }));
    return { ...e, node, with: withs };
  }
  ref(t) {
    const out = [];
    t.terms.forEach((x, i) => {
      if (x.type === "var") {
        const g = this.global(x.name);
        if (g) {
          if (i === 0) out.push(...this.relocated(g, x));
          else out.push(refOf(this.relocated(g, x), x.loc));
          return;
        }
        out.push(x);
        return;
      }
      out.push(i === 0 || !(x.type === "string" || x.type === "number") ? this.term(x) : x);
    });
    return { ...t, terms: out };
  }
  term(t) {
    switch (t.type) {
      case "var": {
        const g = this.global(t.name);
        return g ? refOf(this.relocated(g, t), t.loc) : t;
      }
      case "ref":
        return this.ref(t);
      case "array":
      case "set":
      case "object":
        return mapParts(t, (x) => this.term(x));
      case "call":
        return { ...t, operator: this.ref(t.operator), args: t.args.map((x) => this.term(x)) };
      case "arraycomprehension":
      case "setcomprehension": {
        this.ignore.push(declaredVars(t.body));
        const term2 = this.term(t.term);
        const body2 = this.body(t.body);
        this.ignore.pop();
        return { ...t, term: term2, body: body2 };
      }
      case "objectcomprehension": {
        this.ignore.push(declaredVars(t.body));
        const key = this.term(t.key);
        const value = this.term(t.value);
        const body2 = this.body(t.body);
        this.ignore.pop();
        return { ...t, key, value, body: body2 };
      }
      default:
        return t;
    }
  }
};

// engine/compiler/check/locals.ts
var LocalNames = class {
  constructor(taken) {
    this.taken = taken;
  }
  taken;
  next = 0;
  /** new name → the name written in the source, for messages. */
  original = /* @__PURE__ */ new Map();
  fresh(orig) {
    for (; ; ) {
      const n = `__local${this.next++}__`;
      if (!this.taken.has(n)) {
        this.taken.add(n);
        this.original.set(n, orig);
        return n;
      }
    }
  }
  /** Names made up by the checker itself (lifted head and comprehension terms): never reported
   *  as unsafe, as OPA does not report its generated variables; the term they stand for is. */
  generated = /* @__PURE__ */ new Set();
  freshGenerated() {
    const n = this.fresh("");
    this.generated.add(n);
    return n;
  }
  display(name) {
    return displayVar(this.original.get(name) ?? name);
  }
};
var Scope = class {
  constructor(parent) {
    this.parent = parent;
  }
  parent;
  declared = /* @__PURE__ */ new Map();
  /** Function args (of the rule's top scope): redeclaring one is "arg x redeclared". */
  args = /* @__PURE__ */ new Set();
  /** Vars declared by `:=` (vs `some`), for OPA's wording of redeclaration errors. */
  assigned = /* @__PURE__ */ new Set();
  referenced = /* @__PURE__ */ new Set();
  someDecls = /* @__PURE__ */ new Map();
  lookup(name) {
    for (let s2 = this; s2; s2 = s2.parent) {
      const n = s2.declared.get(name);
      if (n !== void 0) return { name: n, scope: s2 };
    }
    return null;
  }
};
var LocalRewriter = class {
  constructor(names, errors, rulePath) {
    this.names = names;
    this.errors = errors;
    this.rulePath = rulePath;
  }
  names;
  errors;
  rulePath;
  err(message, loc) {
    this.errors.push({ code: "rego_compile_error", message, location: loc, rule: this.rulePath });
  }
  /** Rewrites the rule and its else chain in place (the rule is the checker's own copy). */
  rule(rule) {
    const top = new Scope(null);
    const args = rule.head.args;
    if (args) rule.head.args = args.map((a) => this.declarePattern(a, top, "arg"));
    const argMap = new Map(top.declared);
    for (let r = rule; r; r = r.else) {
      const scope = new Scope(null);
      for (const [k, v] of argMap) {
        scope.declared.set(k, v);
        scope.args.add(k);
      }
      if (r !== rule && r.head.args) r.head.args = rule.head.args;
      r.body = this.body(r.body, scope);
      const h = r.head;
      const lastOld = h.ref[h.ref.length - 1];
      h.ref = h.ref.map((t, i) => i === 0 ? t : this.term(t, scope));
      if (h.key) h.key = h.key === lastOld && h.ref.length > 1 ? h.ref[h.ref.length - 1] : this.term(h.key, scope);
      if (h.value) h.value = this.term(h.value, scope);
      this.reportUnused(scope);
    }
  }
  reportUnused(scope) {
    for (const d of scope.someDecls.values()) {
      if (!d.used) this.err(`declared var ${d.orig} unused`, d.loc);
    }
  }
  /** Declares every var of a pattern (args, `:=` targets, `some … in` vars) in the scope. */
  declarePattern(t, scope, why) {
    switch (t.type) {
      case "var": {
        if (isWildcard(t.name)) return t;
        if (t.name === "input" || t.name === "data") {
          if (why !== "arg") this.err(`variables must not shadow ${t.name} (use a different variable name)`, t.loc);
          return t;
        }
        if (why === "arg" && scope.declared.has(t.name)) return { ...t, name: scope.declared.get(t.name) };
        if (scope.declared.has(t.name)) {
          this.err(scope.args.has(t.name) ? `arg ${t.name} redeclared` : `var ${t.name} ${why === "some" ? "declared" : "assigned"} above`, t.loc);
          return { ...t, name: scope.declared.get(t.name) };
        }
        if (why === "assign" && scope.referenced.has(t.name)) {
          this.err(`var ${t.name} referenced above`, t.loc);
        }
        const n = this.names.fresh(t.name);
        scope.declared.set(t.name, n);
        if (why === "assign") scope.assigned.add(t.name);
        return { ...t, name: n };
      }
      case "array":
        return { ...t, items: t.items.map((x) => this.declarePattern(x, scope, why)) };
      case "ref": {
        const head = t.terms[0];
        if (t.terms.length === 1 && head?.type === "var" && (head.name === "input" || head.name === "data")) {
          this.err(`variables must not shadow ${head.name} (use a different variable name)`, t.loc);
          return t;
        }
        if (why === "assign") this.err("cannot assign to ref", t.loc);
        return why === "assign" ? t : this.term(t, scope);
      }
      case "object":
        return { ...t, items: t.items.map(([k, v]) => [this.term(k, scope), this.declarePattern(v, scope, why)]) };
      default:
        if (why === "assign") {
          this.err(`cannot assign to ${t.type}`, t.loc);
          return t;
        }
        return this.term(t, scope);
    }
  }
  body(b2, scope) {
    const out = [];
    for (const e of b2) {
      const r = this.expr(e, scope);
      if (r) out.push(r);
    }
    return out;
  }
  expr(e, scope) {
    const n = e.node;
    let node = n;
    switch (n.type) {
      case "some-decl":
        for (const v of n.vars) {
          if (v.name === "input" || v.name === "data") {
            this.err(`variables must not shadow ${v.name} (use a different variable name)`, v.loc);
            continue;
          }
          if (scope.declared.has(v.name)) {
            const how = scope.args.has(v.name) ? null : scope.assigned.has(v.name) ? "assigned" : "declared";
            this.err(how ? `var ${v.name} ${how} above` : `arg ${v.name} redeclared`, v.loc);
            continue;
          }
          if (scope.referenced.has(v.name)) {
            this.err(`var ${v.name} referenced above`, v.loc);
            continue;
          }
          const fresh = this.names.fresh(v.name);
          scope.declared.set(v.name, fresh);
          scope.someDecls.set(fresh, { loc: v.loc, orig: v.name, used: false });
        }
        return null;
      case "some-in": {
        const collection = this.term(n.collection, scope);
        const key = n.key ? this.declarePattern(n.key, scope, "some") : null;
        const value = this.declarePattern(n.value, scope, "some");
        node = { type: "some-in", key, value, collection };
        break;
      }
      case "every": {
        const domain = this.term(n.domain, scope);
        const inner = new Scope(scope);
        const key = n.key ? this.declarePattern(n.key, inner, "some") : null;
        const value = this.declarePattern(n.value, inner, "some");
        const body2 = this.body(n.body, inner);
        this.reportUnused(inner);
        node = { type: "every", key, value, domain, body: body2 };
        break;
      }
      case "term": {
        const t = n.term;
        if (t.type === "call" && isOp(t.operator, "assign") && t.args.length === 2) {
          if (e.negated) this.err("cannot assign vars inside negated expression", e.loc);
          const rhs = this.term(t.args[1], scope);
          const lhs = this.declarePattern(t.args[0], scope, "assign");
          const op = t.operator.terms[0];
          const eq = {
            ...t,
            operator: { ...t.operator, terms: [{ ...op, name: "eq" }] },
            args: [lhs, rhs]
          };
          node = { type: "term", term: eq };
        } else {
          node = { type: "term", term: this.term(t, scope) };
        }
        break;
      }
    }
    const withs = e.with.map((w) => ({
      ...w,
      target: this.term(w.target, scope),
      value: this.term(w.value, scope)
    }));
    return { ...e, node, with: withs };
  }
  term(t, scope) {
    switch (t.type) {
      case "var": {
        const found = scope.lookup(t.name);
        if (found) {
          const d = found.scope.someDecls.get(found.name);
          if (d) d.used = true;
          return found.name === t.name ? t : { ...t, name: found.name };
        }
        scope.referenced.add(t.name);
        return t;
      }
      case "ref":
      case "array":
      case "set":
      case "object":
      case "call":
        return mapParts(t, (x) => this.term(x, scope));
      case "arraycomprehension":
      case "setcomprehension": {
        const inner = new Scope(scope);
        const body2 = this.body(t.body, inner);
        const term2 = this.term(t.term, inner);
        this.reportUnused(inner);
        return { ...t, term: term2, body: body2 };
      }
      case "objectcomprehension": {
        const inner = new Scope(scope);
        const body2 = this.body(t.body, inner);
        const key = this.term(t.key, inner);
        const value = this.term(t.value, inner);
        this.reportUnused(inner);
        return { ...t, key, value, body: body2 };
      }
      default:
        return t;
    }
  }
};
function collectVarNames(rules) {
  const s2 = /* @__PURE__ */ new Set();
  const add = (t) => forEachVar(t, (v) => s2.add(v.name));
  for (const rule of rules) {
    for (let r = rule; r; r = r.else) {
      r.head.ref.forEach(add);
      r.head.args?.forEach(add);
      if (r.head.key) add(r.head.key);
      if (r.head.value) add(r.head.value);
      for (const e of r.body) {
        const ex = e.node;
        if (ex.type === "term") add(ex.term);
      }
    }
  }
  return s2;
}

// engine/compiler/check/recursion.ts
function buildTrie(rules) {
  const root = { children: /* @__PURE__ */ new Map(), rules: [] };
  for (const key of rules.keys()) {
    let node = root;
    for (const part of key.split(".")) {
      let next = node.children.get(part);
      if (!next) node.children.set(part, next = { children: /* @__PURE__ */ new Map(), rules: [] });
      node = next;
    }
    node.rules.push(key);
  }
  return root;
}
function subtree(node) {
  if (!node.subtree) node.subtree = [...node.rules, ...[...node.children.values()].flatMap(subtree)];
  return node.subtree;
}
function reach(node, parts, i, out) {
  if (i === parts.length) {
    for (const k of subtree(node)) out.add(k);
    return;
  }
  for (const k of node.rules) out.add(k);
  const part = parts[i];
  if (part.type === "string") {
    const next = node.children.get(part.value);
    if (next) reach(next, parts, i + 1, out);
  } else if (part.type === "var" || part.type === "ref" || part.type === "call") {
    for (const next of node.children.values()) reach(next, parts, i + 1, out);
  }
}
function dataRefs(rule) {
  const refs = [];
  const visit = (t) => {
    if (t.type === "ref") {
      const head = t.terms[0];
      if (head?.type === "var" && head.name === "data") refs.push(t.terms.slice(1));
    }
  };
  for (let r = rule; r; r = r.else) {
    r.head.ref.slice(1).forEach((t) => forEachTerm(t, visit));
    if (r.head.key) forEachTerm(r.head.key, visit);
    if (r.head.value) forEachTerm(r.head.value, visit);
    r.head.args?.forEach((t) => forEachTerm(t, visit));
    forEachTermInBody(r.body, visit);
  }
  return refs;
}
function checkRecursion(rules, errors) {
  const keys = [...rules.keys()];
  const trie = buildTrie(rules);
  const edges = /* @__PURE__ */ new Map();
  for (const key of keys) {
    const out = /* @__PURE__ */ new Set();
    for (const info of rules.get(key)) {
      for (const parts of dataRefs(info.rule)) reach(trie, parts, 0, out);
    }
    edges.set(key, out);
  }
  let index = 0;
  const idx = /* @__PURE__ */ new Map();
  const low = /* @__PURE__ */ new Map();
  const onStack = /* @__PURE__ */ new Set();
  const stack = [];
  const cyclic = /* @__PURE__ */ new Set();
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || edges.get(v).has(v)) for (const c of comp) cyclic.add(c);
    }
  };
  for (const k of keys) if (!idx.has(k)) strong(k);
  for (const key of keys) {
    if (!cyclic.has(key)) continue;
    const cycle = findCycle(key, edges, cyclic);
    const info = rules.get(key)[0];
    const short = (k) => {
      const i = rules.get(k)[0];
      const pkg = i.module.package.path.join(".");
      return k.startsWith(pkg + ".") ? k.slice(pkg.length + 1) : k;
    };
    errors.push({
      code: "rego_recursion_error",
      message: `rule ${short(key)} is recursive: ${cycle.map(short).join(" -> ")}`,
      location: info.rule.loc,
      rule: key
    });
  }
}
function findCycle(key, edges, cyclic) {
  const prev = /* @__PURE__ */ new Map();
  const queue = [key];
  const seen = /* @__PURE__ */ new Set([key]);
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of edges.get(v)) {
      if (!cyclic.has(w)) continue;
      if (w === key) {
        const chain = [];
        for (let c = v; c !== key; c = prev.get(c)) chain.unshift(c);
        return [key, ...chain, key];
      }
      if (!seen.has(w)) {
        seen.add(w);
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [key, key];
}

// engine/compiler/check/rules.ts
function rulePathOf(mod, rule) {
  const out = [...mod.package.path];
  rule.head.ref.forEach((t, i) => {
    if (i === 0 && t.type === "var") out.push(t.name);
    else if (t.type === "string") out.push(t.value);
    else out.push(t);
  });
  return out;
}
function ruleKeyOf(path) {
  const parts = [];
  for (const p of path) {
    if (typeof p !== "string") break;
    parts.push(p);
  }
  return parts.join(".");
}
function indexRules(modules) {
  const rules = /* @__PURE__ */ new Map();
  for (const module of modules) {
    for (const rule of module.rules) {
      const path = rulePathOf(module, rule);
      const key = ruleKeyOf(path);
      const list2 = rules.get(key) ?? [];
      list2.push({ rule, module, path });
      rules.set(key, list2);
    }
  }
  return rules;
}
function kindOf2(info) {
  return info.rule.kind === "function" ? `function/${info.rule.head.args?.length ?? 0}` : info.rule.kind;
}
function checkRuleConflicts(rules, packages, errors) {
  const belowOf = /* @__PURE__ */ new Map();
  for (const k of rules.keys()) {
    const parts = k.split(".");
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join(".");
      const list2 = belowOf.get(prefix) ?? [];
      list2.push(k);
      belowOf.set(prefix, list2);
    }
  }
  for (const [key, infos] of rules) {
    const first = infos[0];
    const kinds = new Set(infos.map(kindOf2));
    if (kinds.size > 1) {
      errors.push({ code: "rego_type_error", message: `conflicting rules data.${key} found`, location: first.rule.loc, rule: key });
    } else {
      const defaults = infos.filter((i) => i.rule.isDefault);
      if (defaults.length > 1) {
        const at = defaults.map((d) => `${d.rule.loc.file}:${d.rule.loc.line}`).join(", ");
        errors.push({
          code: "rego_type_error",
          message: `multiple default rules data.${key} found at ${at}`,
          location: defaults[1].rule.loc,
          rule: key
        });
      }
    }
    const leaves = infos.filter((i) => i.path.every((p) => typeof p === "string"));
    if (leaves.length > 0) {
      const below = belowOf.get(key) ?? [];
      if (below.length > 0) {
        errors.push({
          code: "rego_type_error",
          message: `rule data.${key} conflicts with [${below.map((b2) => "data." + b2).join(" ")}]`,
          location: leaves[0].rule.loc,
          rule: key
        });
      }
      for (const pkg of packages) {
        if (pkg !== key && !pkg.startsWith(key + ".")) continue;
        for (const leaf of leaves) {
          const own = leaf.module.package.path.join(".");
          const name = key.startsWith(own + ".") ? key.slice(own.length + 1) : key;
          errors.push({
            code: "rego_type_error",
            message: `package ${pkg} conflicts with rule ${name} defined at ${leaf.rule.loc.file}:${leaf.rule.loc.line}`,
            location: leaf.module.package.loc,
            rule: key
          });
        }
      }
    }
  }
}

// engine/compiler/check/safety.ts
var SAFETY = { skipClosures: true };
var CALL_ARGS = { skipClosures: true, skipSets: true, skipObjectKeys: true, skipRefHead: true };
function addUnsafe(u, e, v) {
  let s2 = u.get(e);
  if (!s2) u.set(e, s2 = /* @__PURE__ */ new Set());
  s2.add(v);
}
function mergeUnsafe(into, from) {
  for (const [e, vs] of from) for (const v of vs) addUnsafe(into, e, v);
}
function exprVars(e, env) {
  const s2 = /* @__PURE__ */ new Set();
  forEachVarInExpr(e, (v) => s2.add(v.name), { ...SAFETY, skipWithValue: (t) => env.isFunctionValue(t) });
  return s2;
}
function bodyVars(b2, env) {
  const s2 = /* @__PURE__ */ new Set();
  for (const e of b2) for (const v of exprVars(e, env)) s2.add(v);
  return s2;
}
function allIn(vs, safe) {
  for (const v of vs) if (!safe.has(v)) return false;
  return true;
}
function isRefSafe(r, safe) {
  const head = r.terms[0];
  if (head.type === "var") return safe.has(head.name);
  return allIn(varsOf(head, SAFETY), safe);
}
function outputVarsForTerm(t, safe, out) {
  switch (t.type) {
    case "ref":
      if (isRefSafe(t, safe)) {
        for (const x of t.terms.slice(1)) forEachVar(x, (v) => out.add(v.name), { skipRefHead: true, skipClosures: true });
        return;
      }
      for (const x of t.terms) outputVarsForTerm(x, safe, out);
      return;
    case "array":
    case "set":
      for (const x of t.items) outputVarsForTerm(x, safe, out);
      return;
    case "object":
      for (const [k, v] of t.items) {
        outputVarsForTerm(k, safe, out);
        outputVarsForTerm(v, safe, out);
      }
      return;
    case "call":
      for (const x of t.args) outputVarsForTerm(x, safe, out);
      return;
    default:
      return;
  }
}
function withInputsSafe(e, env, safe) {
  for (const w of e.with) if (!env.isFunctionValue(w.value) && !allIn(varsOf(w.value, SAFETY), safe)) return false;
  return true;
}
function outputVarsForExpr(e, env, safe) {
  const out = /* @__PURE__ */ new Set();
  if (e.negated || !withInputsSafe(e, env, safe)) return out;
  const n = e.node;
  switch (n.type) {
    case "term": {
      const call2 = exprCall(e);
      if (!call2) {
        outputVarsForTerm(n.term, safe, out);
        return out;
      }
      const op = call2.operator;
      const name = op.terms.length === 1 && op.terms[0].type === "var" ? op.terms[0].name : null;
      if ((name === "eq" || name === "assign") && call2.args.length === 2) {
        return outputVarsForEq(call2.args[0], call2.args[1], call2, safe);
      }
      const ar = env.arity(op);
      if (ar < 0) return out;
      for (const a of call2.args) outputVarsForTerm(a, safe, out);
      if (call2.args.length <= ar) return out;
      const inputs = /* @__PURE__ */ new Set();
      for (const a of call2.args.slice(0, ar)) forEachVar(a, (v) => inputs.add(v.name), CALL_ARGS);
      for (const v of inputs) if (!out.has(v) && !safe.has(v)) return /* @__PURE__ */ new Set();
      for (const a of call2.args.slice(ar)) forEachVar(a, (v) => out.add(v.name), CALL_ARGS);
      return out;
    }
    case "some-in": {
      outputVarsForTerm(n.collection, safe, out);
      const known = /* @__PURE__ */ new Set([...safe, ...out]);
      if (!allIn(varsOf(n.collection, SAFETY), known)) return out;
      if (n.key) forEachVar(n.key, (v) => out.add(v.name), CALL_ARGS);
      forEachVar(n.value, (v) => out.add(v.name), CALL_ARGS);
      return out;
    }
    case "every":
      outputVarsForTerm(n.domain, safe, out);
      return out;
    case "some-decl":
      return out;
  }
}
function outputVarsForEq(a, b2, call2, safe) {
  const pre = /* @__PURE__ */ new Set();
  outputVarsForTerm(call2, safe, pre);
  const u = new Unifier(/* @__PURE__ */ new Set([...safe, ...pre]));
  u.unify(a, b2);
  const out = /* @__PURE__ */ new Set();
  for (const v of u.safe) if (!safe.has(v)) out.add(v);
  return out;
}
var Unifier = class {
  constructor(safe) {
    this.safe = safe;
  }
  safe;
  /** var → vars that must all become safe for it to become safe. */
  pending = /* @__PURE__ */ new Map();
  termSafe(t) {
    return isComprehension(t) || allIn(varsOf(t, SAFETY), this.safe);
  }
  markSafe(v) {
    if (this.safe.has(v)) return;
    this.safe.add(v);
    for (const [w, conds] of [...this.pending]) {
      for (const c of conds) c.delete(v);
      if (conds.some((c) => c.size === 0)) {
        this.pending.delete(w);
        this.markSafe(w);
      }
    }
  }
  markAllSafe(t) {
    forEachVar(t, (v) => this.markSafe(v.name), SAFETY);
  }
  waitFor(v, on) {
    const list2 = this.pending.get(v) ?? [];
    list2.push(on);
    this.pending.set(v, list2);
  }
  unifyVarWithComposite(a, b2) {
    if (this.safe.has(a)) {
      this.markAllSafe(b2);
      return;
    }
    const unsafe = new Set([...varsOf(b2, SAFETY)].filter((v) => !this.safe.has(v)));
    if (unsafe.size === 0) this.markSafe(a);
    else {
      this.waitFor(a, unsafe);
      for (const v of unsafe) this.waitFor(v, /* @__PURE__ */ new Set([a]));
    }
  }
  unify(a, b2) {
    switch (a.type) {
      case "var":
        switch (b2.type) {
          case "var":
            if (this.safe.has(b2.name)) this.markSafe(a.name);
            else if (this.safe.has(a.name)) this.markSafe(b2.name);
            else {
              this.waitFor(a.name, /* @__PURE__ */ new Set([b2.name]));
              this.waitFor(b2.name, /* @__PURE__ */ new Set([a.name]));
            }
            return;
          case "array":
          case "object":
            this.unifyVarWithComposite(a.name, b2);
            return;
          case "ref":
          case "call":
            if (this.termSafe(b2)) this.markSafe(a.name);
            return;
          default:
            this.markSafe(a.name);
            return;
        }
      case "ref":
      case "call":
      case "arraycomprehension":
      case "setcomprehension":
      case "objectcomprehension":
        if (!this.termSafe(a)) return;
        if (b2.type === "var") this.markSafe(b2.name);
        else if (b2.type === "array" || b2.type === "object") this.markAllSafe(b2);
        return;
      case "array":
        if (b2.type === "var") this.unifyVarWithComposite(b2.name, a);
        else if (b2.type === "ref" || b2.type === "call" || isComprehension(b2)) {
          if (this.termSafe(b2)) this.markAllSafe(a);
        } else if (b2.type === "array" && b2.items.length === a.items.length) {
          a.items.forEach((x, i) => this.unify(x, b2.items[i]));
        }
        return;
      case "object":
        if (b2.type === "var") this.unifyVarWithComposite(b2.name, a);
        else if (b2.type === "ref" || b2.type === "call" || isComprehension(b2)) {
          if (this.termSafe(b2)) this.markAllSafe(a);
        } else if (b2.type === "object" && b2.items.length === a.items.length) {
          for (const [k, v] of a.items) {
            const key = constKey(k);
            const other = key === null ? void 0 : b2.items.find(([k2]) => constKey(k2) === key);
            if (other) this.unify(v, other[1]);
          }
        }
        return;
      default:
        if (b2.type === "var") this.markSafe(b2.name);
        return;
    }
  }
};
function closureVars(e, env) {
  const s2 = /* @__PURE__ */ new Set();
  const add = (name) => s2.add(name);
  const inTerm = (t) => {
    if (isComprehension(t)) {
      forEachVar(t, (v) => add(v.name));
      return;
    }
    switch (t.type) {
      case "ref":
        t.terms.forEach(inTerm);
        return;
      case "array":
      case "set":
        t.items.forEach(inTerm);
        return;
      case "object":
        for (const [k, v] of t.items) {
          inTerm(k);
          inTerm(v);
        }
        return;
      case "call":
        t.args.forEach(inTerm);
        return;
      default:
        return;
    }
  };
  const n = e.node;
  if (n.type === "term") inTerm(n.term);
  else if (n.type === "some-in") {
    if (n.key) inTerm(n.key);
    inTerm(n.value);
    inTerm(n.collection);
  } else if (n.type === "every") {
    inTerm(n.domain);
    for (const x of n.body) forEachVarInExpr(x, (v) => add(v.name));
  }
  for (const w of e.with) if (!env.isFunctionValue(w.value)) inTerm(w.value);
  return s2;
}
function reorderForClosures(env, globals, body2) {
  const bv = bodyVars(body2, env);
  const closed = body2.map((e) => {
    const s2 = /* @__PURE__ */ new Set();
    for (const v of closureVars(e, env)) if (bv.has(v) && !globals.has(v)) s2.add(v);
    return s2;
  });
  if (closed.every((s2) => s2.size === 0)) return { body: body2, unsafe: /* @__PURE__ */ new Map() };
  const reordered = [];
  const placed = /* @__PURE__ */ new Set();
  const unsafe = /* @__PURE__ */ new Map();
  const own = body2.map((e) => [...exprVars(e, env)].filter((v) => !globals.has(v)));
  const known = new Set(globals);
  for (; ; ) {
    const n = reordered.length;
    body2.forEach((e, i) => {
      if (placed.has(e)) return;
      const self = outputVarsForExpr(e, env, known);
      const uv = /* @__PURE__ */ new Set();
      for (const v of own[i]) if (!known.has(v) && !self.has(v)) uv.add(v);
      for (const v of closed[i]) if (!known.has(v)) uv.add(v);
      if (uv.size === 0) {
        reordered.push(e);
        placed.add(e);
        unsafe.delete(e);
        for (const v of self) known.add(v);
      } else unsafe.set(e, uv);
    });
    if (reordered.length === n) break;
  }
  return { body: reordered, unsafe };
}
function reorderBodyForSafety(env, globals, input) {
  const pre = reorderForClosures(env, globals, input);
  const body2 = pre.body;
  const unsafe = new Map(pre.unsafe);
  const bv = bodyVars(input, env);
  const safe = /* @__PURE__ */ new Set();
  const vars = /* @__PURE__ */ new Map();
  for (const e of body2) {
    const vs = exprVars(e, env);
    vars.set(e, vs);
    const needed = new Set(vs);
    for (const v of closureVars(e, env)) if (bv.has(v)) needed.add(v);
    for (const v of needed) {
      if (globals.has(v)) safe.add(v);
      else addUnsafe(unsafe, e, v);
    }
  }
  const reordered = [];
  const placed = /* @__PURE__ */ new Set();
  for (; ; ) {
    const n = reordered.length;
    for (const e of body2) {
      if (placed.has(e)) continue;
      const u = unsafe.get(e);
      if (u) {
        for (const v of outputVarsForExpr(e, env, safe)) safe.add(v);
        for (const v of [...u]) if (safe.has(v)) u.delete(v);
        if (u.size === 0) unsafe.delete(e);
      }
      if (!unsafe.has(e)) {
        reordered.push(e);
        placed.add(e);
      }
    }
    if (reordered.length === n) break;
  }
  const g = new Set(globals);
  const out = reordered.map((e, i) => {
    if (i > 0) for (const v of vars.get(reordered[i - 1])) g.add(v);
    return new ClosureChecker(env, g, e, unsafe).expr(e);
  });
  return { body: unsafe.size > 0 ? input : out, unsafe };
}
var ClosureChecker = class {
  constructor(env, globals, current, unsafe) {
    this.env = env;
    this.globals = globals;
    this.current = current;
    this.unsafe = unsafe;
  }
  env;
  globals;
  current;
  unsafe;
  expr(e) {
    const n = e.node;
    let node = n;
    switch (n.type) {
      case "term":
        node = { type: "term", term: this.term(n.term) };
        break;
      case "some-in":
        node = { ...n, collection: this.term(n.collection) };
        break;
      case "every": {
        if (n.key) this.globals.add(n.key.name);
        this.globals.add(n.value.name);
        node = { ...n, domain: this.term(n.domain), body: this.closureBody(/* @__PURE__ */ new Set(), n.body) };
        break;
      }
      default:
        break;
    }
    return { ...e, node, with: e.with.map((w) => ({ ...w, value: this.env.isFunctionValue(w.value) ? w.value : this.term(w.value) })) };
  }
  closureBody(headVars, body2) {
    const bv = bodyVars(body2, this.env);
    for (const v of headVars) if (!bv.has(v) && !this.globals.has(v)) addUnsafe(this.unsafe, this.current, v);
    const r = reorderBodyForSafety(this.env, new Set(this.globals), body2);
    if (r.unsafe.size === 0) return r.body;
    mergeUnsafe(this.unsafe, r.unsafe);
    return body2;
  }
  term(t) {
    switch (t.type) {
      case "ref":
      case "array":
      case "set":
      case "object":
      case "call":
        return mapParts(t, (x) => this.term(x));
      case "arraycomprehension":
      case "setcomprehension":
        return { ...t, body: this.closureBody(varsOf(t.term), t.body) };
      case "objectcomprehension":
        return { ...t, body: this.closureBody(/* @__PURE__ */ new Set([...varsOf(t.key), ...varsOf(t.value)]), t.body) };
      default:
        return t;
    }
  }
};
function checkHeadClosures(env, globals, t, unsafe, owner) {
  return new ClosureChecker(env, globals, owner, unsafe).term(t);
}

// engine/compiler/check/check.ts
function check(modules, _options = {}) {
  const errors = [];
  const mods = modules.map(copyModule);
  const packages = [...new Set(mods.map((m) => m.package.path.join(".")))];
  const builtins = builtinTable();
  const rules = indexRules(mods);
  const keyOf = /* @__PURE__ */ new Map();
  for (const [key, infos] of rules) for (const i of infos) keyOf.set(i.rule, key);
  const ruleKey = (r) => keyOf.get(r) ?? "";
  checkRootShadowing(mods, ruleKey, errors);
  checkRuleConflicts(rules, packages, errors);
  const failed = () => ({ ok: false, errors: sortErrors(errors) });
  if (errors.length > 0) return failed();
  const namesByPackage = /* @__PURE__ */ new Map();
  for (const m of mods) {
    const pkg = m.package.path.join(".");
    const names2 = namesByPackage.get(pkg) ?? /* @__PURE__ */ new Set();
    for (const r of m.rules) {
      const head = r.head.ref[0];
      if (head?.type === "var") names2.add(head.name);
    }
    namesByPackage.set(pkg, names2);
  }
  for (const m of mods) {
    resolveModule(m, moduleGlobals(m, namesByPackage.get(m.package.path.join("."))), errors, ruleKey);
  }
  const names = new LocalNames(collectVarNames(mods.flatMap((m) => m.rules)));
  for (const m of mods) for (const r of m.rules) new LocalRewriter(names, errors, ruleKey(r)).rule(r);
  if (errors.length > 0) return failed();
  const used = /* @__PURE__ */ new Map();
  for (const m of mods) {
    for (const r of m.rules) {
      checkCallsInRule(r, {
        builtins,
        rules,
        used,
        errors,
        rule: ruleKey(r)
      });
    }
  }
  if (errors.length > 0) return failed();
  for (const m of mods) for (const r of m.rules) liftComprehensionTerms(r, names);
  const env = {
    arity: (op) => functionArity(operatorName(op), { builtins, rules }),
    isFunctionValue: (t) => {
      if (t.type === "var") return builtins.has(t.name);
      if (t.type !== "ref") return false;
      const n = operatorName(t);
      return n !== null && functionArity(n, { builtins, rules }) !== -1 || n !== null && builtins.get(n)?.arity === -1;
    }
  };
  for (const m of mods) for (const r of m.rules) checkRuleSafety(r, env, names, errors, ruleKey(r));
  if (errors.length > 0) return failed();
  checkRecursion(rules, errors);
  if (errors.length > 0) return failed();
  const types = new TypeChecker(builtins, rules, errors);
  for (const m of mods) for (const r of m.rules) types.checkRule(ruleKey(r), r);
  if (errors.length > 0) return failed();
  const finalRules = /* @__PURE__ */ new Map();
  for (const [key, infos] of rules) {
    finalRules.set(
      key,
      infos.map((i) => ({ ...i, path: rulePathOf(i.module, i.rule) }))
    );
  }
  return { ok: true, value: { modules: mods, rules: finalRules, packages, builtins: used } };
}
function copyModule(m) {
  return { ...m, imports: [...m.imports], rules: m.rules.map(copyRule) };
}
function copyRule(r) {
  return { ...r, head: { ...r.head }, else: r.else ? copyRule(r.else) : null };
}
function checkRootShadowing(mods, ruleKey, errors) {
  for (const m of mods) {
    const seen = /* @__PURE__ */ new Map();
    for (const imp of m.imports) {
      const path = imp.path.terms;
      const head = path[0];
      if (head?.type === "var" && (head.name === "future" || head.name === "rego")) continue;
      const last = path[path.length - 1];
      const name = imp.alias ?? (last.type === "var" ? last.name : last.type === "string" ? last.value : "");
      const text = `import ${path.map((t, i) => i === 0 && t.type === "var" ? t.name : t.type === "string" ? "." + t.value : "[\u2026]").join("")}${imp.alias ? " as " + imp.alias : ""}`;
      const prev = seen.get(name);
      if (prev) errors.push({ code: "rego_compile_error", message: `import must not shadow ${prev}`, location: imp.loc });
      else seen.set(name, text);
    }
    for (const r of m.rules) {
      const head = r.head.ref[0];
      if (head?.type === "var" && (head.name === "input" || head.name === "data")) {
        errors.push({
          code: "rego_compile_error",
          message: `rules must not shadow ${head.name} (use a different rule name)`,
          location: r.loc,
          rule: ruleKey(r)
        });
      }
    }
  }
}
var RESERVED = ["data", "input"];
function checkRuleSafety(rule, env, names, errors, key) {
  const globals = new Set(RESERVED);
  for (const a of rule.head.args ?? []) forEachVar(a, (v) => globals.add(v.name), { skipClosures: true });
  for (let r = rule; r; r = r.else) {
    liftHeadTerms(r, globals, names);
    const res = reorderBodyForSafety(env, globals, r.body);
    const unsafe = res.unsafe;
    r.body = res.body;
    const bound = new Set(globals);
    for (const e of r.body) forEachVarInExpr(e, (v) => bound.add(v.name), { skipClosures: true });
    const head = r.head;
    const headExpr = {
      node: { type: "term", term: { type: "array", items: headTerms(r), loc: head.loc } },
      negated: false,
      with: [],
      loc: head.loc
    };
    for (const t of headTerms(r)) {
      forEachVar(t, (v) => {
        if (!bound.has(v.name)) addUnsafe(unsafe, headExpr, v.name);
      }, { skipClosures: true });
    }
    const lastOld = head.ref[head.ref.length - 1];
    head.ref = head.ref.map((t, i) => i === 0 ? t : checkHeadClosures(env, bound, t, unsafe, headExpr));
    if (head.key) {
      head.key = head.key === lastOld && head.ref.length > 1 ? head.ref[head.ref.length - 1] : checkHeadClosures(env, bound, head.key, unsafe, headExpr);
    }
    if (head.value) head.value = checkHeadClosures(env, bound, head.value, unsafe, headExpr);
    reportUnsafe(unsafe, names, errors, key);
  }
}
function liftHeadTerms(r, globals, names) {
  const bound = new Set(globals);
  for (const e of r.body) forEachVarInExpr(e, (v) => bound.add(v.name), { skipClosures: true });
  const lift = (t, always = false) => {
    let free = false;
    forEachVar(t, (v) => {
      if (!bound.has(v.name)) free = true;
    }, { skipClosures: true });
    if (t.type === "var" || !free && !always) return t;
    const local = varTerm(names.freshGenerated(), t.loc);
    r.body = [...r.body, bindingExpr(local, t)];
    return { ...local };
  };
  if (r.head.value) r.head.value = lift(r.head.value);
  if (r.kind === "partial-set" && r.head.key) r.head.key = lift(r.head.key);
  const ref = r.head.ref;
  const lastOld = ref[ref.length - 1];
  r.head.ref = ref.map((t, i) => {
    return i === 0 || t.type === "var" || isScalar(t) ? t : lift(t, true);
  });
  if (r.head.key && r.head.key === lastOld && ref.length > 1) r.head.key = r.head.ref[r.head.ref.length - 1];
}
function headTerms(r) {
  const out = r.head.ref.slice(1);
  if (r.head.key && !out.includes(r.head.key)) out.push(r.head.key);
  if (r.head.value) out.push(r.head.value);
  return out;
}
function reportUnsafe(unsafe, names, errors, key) {
  const first = /* @__PURE__ */ new Map();
  for (const [e, vars] of unsafe) {
    for (const name of vars) {
      if (names.generated.has(name)) continue;
      let loc = null;
      forEachVarInExpr(e, (v) => {
        if (!loc && v.name === name) loc = v.loc;
      });
      const at = loc ?? e.loc;
      const prev = first.get(name);
      if (!prev || before(at, prev)) first.set(name, at);
    }
  }
  const list2 = [...first].sort((a, b2) => before(a[1], b2[1]) ? -1 : 1);
  for (const [name, loc] of list2) {
    errors.push({ code: "rego_unsafe_var_error", message: `var ${names.display(name)} is unsafe`, location: loc, rule: key });
  }
}
function before(a, b2) {
  if (a.file !== b2.file) return a.file < b2.file;
  return a.offset < b2.offset;
}
function sortErrors(errors) {
  return errors.map((e, i) => ({ e, i })).sort((x, y) => {
    const a = x.e.location;
    const b2 = y.e.location;
    if (a && b2 && (a.file !== b2.file || a.offset !== b2.offset)) return before(a, b2) ? -1 : 1;
    return x.i - y.i;
  }).map((x) => x.e);
}

// engine/compiler/plan/arity.ts
var arities = {
  // comparison and arithmetic operators
  equal: 2,
  neq: 2,
  gt: 2,
  gte: 2,
  lt: 2,
  lte: 2,
  plus: 2,
  minus: 2,
  mul: 2,
  div: 2,
  rem: 2,
  and: 2,
  or: 2,
  abs: 1,
  round: 1,
  ceil: 1,
  floor: 1,
  "numbers.range": 2,
  "numbers.range_step": 3,
  // aggregates
  count: 1,
  sum: 1,
  product: 1,
  max: 1,
  min: 1,
  sort: 1,
  all: 1,
  any: 1,
  // arrays, sets, objects
  "array.concat": 2,
  "array.slice": 3,
  "array.reverse": 1,
  intersection: 1,
  union: 1,
  "object.get": 3,
  "object.remove": 2,
  "object.union": 2,
  "object.union_n": 1,
  "object.filter": 2,
  "object.keys": 1,
  "object.subset": 2,
  // strings
  concat: 2,
  contains: 2,
  endswith: 2,
  startswith: 2,
  format_int: 2,
  indexof: 2,
  indexof_n: 2,
  lower: 1,
  upper: 1,
  replace: 3,
  "strings.replace_n": 2,
  "strings.reverse": 1,
  "strings.any_prefix_match": 2,
  "strings.any_suffix_match": 2,
  "strings.count": 2,
  split: 2,
  sprintf: 2,
  substring: 3,
  trim: 2,
  trim_left: 2,
  trim_prefix: 2,
  trim_right: 2,
  trim_suffix: 2,
  trim_space: 1,
  // regex, encoding, types
  "regex.match": 2,
  re_match: 2,
  "regex.find_n": 3,
  "regex.split": 2,
  "regex.replace": 3,
  "regex.is_valid": 1,
  "regex.find_all_string_submatch_n": 3,
  "regex.globs_match": 2,
  "json.marshal": 1,
  "json.unmarshal": 1,
  "json.is_valid": 1,
  "base64.encode": 1,
  "base64.decode": 1,
  "urlquery.encode": 1,
  to_number: 1,
  type_name: 1,
  is_number: 1,
  is_string: 1,
  is_boolean: 1,
  is_array: 1,
  is_set: 1,
  is_object: 1,
  is_null: 1,
  // time
  "time.now_ns": 0,
  "time.parse_rfc3339_ns": 1,
  "time.parse_ns": 2,
  "time.date": 1,
  "time.add_date": 4,
  "time.diff": 2,
  "time.clock": 1,
  "time.weekday": 1,
  // graph and misc
  walk: 1,
  "opa.runtime": 0,
  "internal.member_2": 2,
  "internal.member_3": 3,
  print: 1,
  "internal.print": 1,
  "units.parse": 1,
  "units.parse_bytes": 1,
  "semver.compare": 2,
  "semver.is_valid": 1,
  "glob.match": 3,
  "net.cidr_contains": 2,
  "crypto.sha256": 1,
  "crypto.md5": 1
};
function builtinArity(name, fromChecker) {
  return fromChecker.get(name)?.arity ?? arities[name];
}

// engine/compiler/plan/cache.ts
var CACHE = 2;
function withCache(p, fb, name, ret, body2) {
  const key = p.str(name);
  const cache2 = { kind: "local", local: CACHE };
  const entry = fb.newLocal();
  const zero = fb.newLocal();
  const lookup2 = fb.block(() => {
    fb.emit({ op: "ResetLocal", target: ret });
    fb.emit({ op: "Dot", source: cache2, key, target: entry });
    fb.emit({ op: "MakeNumberInt", value: 0, target: zero });
    fb.group(() => fb.emit({ op: "Dot", source: { kind: "local", local: entry }, key: { kind: "local", local: zero }, target: ret }));
    fb.emit({ op: "ReturnLocal", source: ret });
  });
  const store = fb.block(() => {
    fb.emit({ op: "MakeArray", capacity: 1, target: entry });
    fb.group(() => {
      fb.emit({ op: "IsDefined", source: ret });
      fb.emit({ op: "ArrayAppend", value: { kind: "local", local: ret }, array: entry });
    });
    fb.emit({ op: "ObjectInsert", key, value: { kind: "local", local: entry }, object: CACHE });
    fb.emit({ op: "ReturnLocal", source: ret });
  });
  return [lookup2, ...body2, store];
}

// engine/compiler/plan/context.ts
var rootCtx = { key: "", dataMocks: [], fnMocks: /* @__PURE__ */ new Map() };
function isMocked(path, ctx) {
  return ctx.dataMocks.some((m) => m.length <= path.length && m.every((s2, i) => path[i] === s2));
}
function extendCtx(base, add) {
  const dataMocks = add.dataMock ? [...base.dataMocks, add.dataMock] : base.dataMocks;
  const fnMocks = new Map(add.clearFns ? [] : base.fnMocks);
  if (add.fn) fnMocks.set(add.fn[0], add.fn[1]);
  const key = dataMocks.length === 0 && fnMocks.size === 0 ? "" : JSON.stringify([dataMocks, [...fnMocks].sort((a, b2) => a[0] < b2[0] ? -1 : 1)]);
  return { key, dataMocks, fnMocks };
}

// engine/compiler/plan/tree.ts
function buildTree(rules, packages) {
  const root = { path: [], children: /* @__PURE__ */ new Map(), rules: [] };
  for (const pkg of packages) nodeAt(root, pkg.split(".").filter((s2) => s2.length > 0));
  for (const infos of rules.values()) {
    for (const info of infos) {
      const prefix = [];
      let i = 0;
      for (; i < info.path.length; i++) {
        const p = info.path[i];
        if (typeof p === "string") prefix.push(p);
        else if (p.type === "string") prefix.push(p.value);
        else break;
      }
      const rest = info.path.slice(i).map((p) => typeof p === "string" ? strTerm(p, info.rule) : p);
      nodeAt(root, prefix).rules.push({ info, rule: info.rule, rest });
    }
  }
  return root;
}
function strTerm(value, rule) {
  return { type: "string", value, raw: false, loc: rule.loc };
}
function nodeAt(root, path) {
  let n = root;
  for (const seg of path) {
    let c = n.children.get(seg);
    if (!c) {
      c = { path: [...n.path, seg], children: /* @__PURE__ */ new Map(), rules: [] };
      n.children.set(seg, c);
    }
    n = c;
  }
  return n;
}
function nodeKind(n) {
  if (n.rules.length === 0) return "none";
  let kind = "complete";
  for (const r of n.rules) {
    if (r.rule.kind === "function") return "function";
    if (r.rule.kind === "partial-set" && r.rest.length === 0) kind = "set";
    else if (r.rest.length > 0 && kind !== "set") kind = "object";
  }
  return kind;
}
function lookup(root, path) {
  let n = root;
  for (const seg of path) {
    n = n.children.get(seg);
    if (!n) return void 0;
  }
  return n;
}

// engine/compiler/plan/util.ts
var PlanError = class extends Error {
  constructor(message, location) {
    super(message);
    this.location = location;
  }
  location;
  /** The rule (path below data) whose planning failed, once known. */
  rule;
};
var nowhere = { file: "", line: 0, col: 0, offset: 0 };
function trueTerm(loc) {
  return { type: "boolean", value: true, loc };
}
function refName(t) {
  const n = refNameOrNull(t);
  if (n === null) throw new PlanError("operator is not a name", t.loc);
  return n;
}
function refNameOrNull(t) {
  if (t.type === "var") return t.name;
  return t.type === "ref" ? operatorName(t) : null;
}

// engine/compiler/plan/body.ts
var BodyPlanner = class {
  constructor(p, fb, ctx) {
    this.p = p;
    this.fb = fb;
    this.ctx = ctx;
  }
  p;
  fb;
  ctx;
  /** Rego variable → local holding its value (absent: unbound). */
  vars = /* @__PURE__ */ new Map();
  input = 0;
  data = 1;
  /** The per-evaluation cache of rule values (see RulePlanner); a `with` scope gets its own. */
  cache = CACHE;
  /**
   * Whether this body belongs to a complete rule with a constant value, which OPA evaluates with
   * early exit; conflicts of rules and functions it reaches are then worded generically (see
   * ir.ConflictWording).
   */
  earlyExit = false;
  emit(s2) {
    this.fb.emit(s2);
  }
  /** The leading arguments of every planned function: input, data and the rule-value cache. */
  docArgs() {
    return [
      { kind: "local", local: this.input },
      { kind: "local", local: this.data },
      { kind: "local", local: this.cache }
    ];
  }
  fail() {
    this.emit({ op: "Equal", a: { kind: "bool", value: true }, b: { kind: "bool", value: false } });
  }
  local(op) {
    if (op.kind === "local") return op.local;
    const l = this.fb.newLocal();
    this.emit({ op: "AssignVar", source: op, target: l });
    return l;
  }
  int(n) {
    const l = this.fb.newLocal();
    this.emit({ op: "MakeNumberInt", value: n, target: l });
    return { kind: "local", local: l };
  }
  // ------------------------------------------------------------------------------------------
  // Variables
  isUnbound(t) {
    return t.type === "var" && !this.vars.has(t.name) && t.name !== "input" && t.name !== "data";
  }
  /** True if unifying with t can bind variables (an unbound var at a pattern position). */
  hasPatternVars(t) {
    switch (t.type) {
      case "var":
        return this.isUnbound(t);
      case "array":
        return t.items.some((i) => this.hasPatternVars(i));
      case "object":
        return t.items.some(([, v]) => this.hasPatternVars(v));
      default:
        return false;
    }
  }
  bindVar(v, op, k) {
    if (v.name.startsWith("$wildcard") || v.name === "_") return k();
    const bound = this.vars.get(v.name);
    if (bound !== void 0) {
      this.emit({ op: "Equal", a: { kind: "local", local: bound }, b: op });
      return k();
    }
    let l;
    if (op.kind === "local" && op.local !== this.input && op.local !== this.data) l = op.local;
    else {
      l = this.fb.newLocal();
      this.emit({ op: "AssignVar", source: op, target: l });
    }
    this.vars.set(v.name, l);
    k();
  }
  /** Plans a closure (not, every, comprehension body): its bindings do not leak out. */
  scoped(fn) {
    const saved = new Map(this.vars);
    try {
      fn();
    } finally {
      this.vars = saved;
    }
  }
  // ------------------------------------------------------------------------------------------
  // Bodies and expressions
  planBody(body2, k, i = 0) {
    if (i >= body2.length) return k();
    this.planExpr(body2[i], () => this.planBody(body2, k, i + 1));
  }
  planExpr(e, k) {
    if (e.with.length > 0) return this.planWith(e, 0, k);
    this.planExprNoWith(e, k);
  }
  planExprNoWith(e, k) {
    if (e.negated) {
      const blk = this.fb.block(() => this.scoped(() => this.planExprNode(e, () => {
      })));
      this.emit({ op: "Not", block: blk });
      return k();
    }
    this.planExprNode(e, k);
  }
  planExprNode(e, k) {
    const n = e.node;
    switch (n.type) {
      case "some-decl":
        return k();
      case "some-in":
        return this.planTerm(n.collection, (coll) => {
          const src = this.local(coll);
          const key = this.fb.newLocal();
          const val = this.fb.newLocal();
          const blk = this.fb.block(
            () => this.unifyValue(
              n.value,
              { kind: "local", local: val },
              () => n.key ? this.unifyValue(n.key, { kind: "local", local: key }, k) : k()
            )
          );
          this.emit({ op: "Scan", source: src, key, value: val, block: blk });
        });
      case "every":
        return this.planTerm(n.domain, (dom) => {
          const src = this.local(dom);
          const key = this.fb.newLocal();
          const val = this.fb.newLocal();
          const counter = this.fb.newLocal();
          this.emit({ op: "ResetLocal", target: counter });
          const blk = this.fb.block(() => {
            if (n.key) this.vars.set(n.key.name, key);
            this.vars.set(n.value.name, val);
            const inner = this.fb.block(() => this.scoped(() => this.planBody(n.body, () => {
            })));
            this.emit({ op: "Not", block: inner });
            this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: counter });
          });
          this.emit({ op: "Scan", source: src, key, value: val, block: blk });
          this.emit({ op: "IsUndefined", source: counter });
          k();
        });
      case "term": {
        const t = n.term;
        if (t.type === "call") return this.planCallExpr(t, k);
        return this.planTerm(t, (v) => {
          this.truthy(v);
          k();
        });
      }
    }
  }
  /** The expression value must be defined (it is, once planned) and not false. */
  truthy(v) {
    if (v.kind === "bool") {
      if (!v.value) this.fail();
      return;
    }
    this.emit({ op: "NotEqual", a: v, b: { kind: "bool", value: false } });
  }
  // ------------------------------------------------------------------------------------------
  // with
  planWith(e, i, k) {
    if (i >= e.with.length) return this.planExprNoWith(e, k);
    const w = e.with[i];
    const target = w.target.terms;
    const head = target[0];
    const next = (kk) => this.planWith(e, i + 1, kk);
    if (head?.type === "var" && head.name === "input") {
      const path = this.constPath(target.slice(1), w.loc);
      return this.planTerm(w.value, (v) => this.replaceDoc("input", path, v, next, k));
    }
    if (head?.type === "var" && head.name === "data") {
      const path = this.constPath(target.slice(1), w.loc);
      const node = lookup(this.p.tree, path);
      if (node && nodeKind(node) === "function") {
        return this.withFnMock("data." + path.join("."), w.value, next, k);
      }
      const touchesRules = node !== void 0 || this.ruleNodeAbove(path) !== void 0;
      return this.planTerm(w.value, (v) => {
        const saved = this.ctx;
        const mocked = touchesRules ? extendCtx(this.ctx, { dataMock: path }) : saved;
        this.ctx = mocked;
        this.replaceDoc("data", path, v, next, () => {
          this.ctx = saved;
          k();
          this.ctx = mocked;
        });
        this.ctx = saved;
      });
    }
    return this.withFnMock(refName(w.target), w.value, next, k);
  }
  ruleNodeAbove(path) {
    let n = this.p.tree;
    for (const seg of path) {
      n = n.children.get(seg);
      if (!n) return void 0;
      if (n.rules.length > 0) return n;
    }
    return void 0;
  }
  /** Plans `inner` with the callee `name` replaced, and its continuation without. */
  withFnMock(name, value, inner, k) {
    const saved = this.ctx;
    const under = (mock, run) => {
      const mocked = extendCtx(this.ctx, { fn: [name, mock] });
      this.ctx = mocked;
      run(() => {
        this.ctx = saved;
        k();
        this.ctx = mocked;
      });
      this.ctx = saved;
    };
    const fnPath = this.functionPath(value);
    if (fnPath) return under({ kind: "func", path: fnPath }, inner);
    const bname = value.type === "var" || value.type === "ref" ? refNameOrNull(value) : null;
    if (bname && this.p.isBuiltin(bname) && !(value.type === "var" && this.vars.has(value.name))) {
      return under({ kind: "builtin", name: bname }, inner);
    }
    const key = this.p.nextMockKey();
    this.planTerm(value, (v) => under({ kind: "data", key }, (kk) => this.replaceDoc("data", [key], v, inner, kk)));
  }
  functionPath(value) {
    if (value.type !== "ref") return null;
    const h = value.terms[0];
    if (h?.type !== "var" || h.name !== "data") return null;
    const path = [];
    for (const t of value.terms.slice(1)) {
      if (t.type !== "string") return null;
      path.push(t.value);
    }
    const node = lookup(this.p.tree, path);
    return node && nodeKind(node) === "function" ? path : null;
  }
  /**
   * Plans `inner` with input or data replaced by a copy that holds v at path; the continuation
   * it is given (the rest of the body, k) sees the original document again.
   */
  replaceDoc(which, path, v, inner, k) {
    const current = which === "input" ? this.input : this.data;
    const outerCache = this.cache;
    const innerCache = this.fb.newLocal();
    this.emit({ op: "MakeObject", target: innerCache });
    const set = (l) => {
      if (which === "input") this.input = l;
      else this.data = l;
    };
    if (path.length === 0) {
      const l = this.local(v);
      const swap = (doc, cache2) => {
        set(doc);
        this.cache = cache2;
      };
      swap(l, innerCache);
      inner(() => {
        swap(current, outerCache);
        k();
        swap(l, innerCache);
      });
      swap(current, outerCache);
      return;
    }
    const saved = this.fb.newLocal();
    this.emit({ op: "AssignVar", source: { kind: "local", local: current }, target: saved });
    this.cache = innerCache;
    const blk = this.fb.block(
      () => inner(() => {
        set(saved);
        this.cache = outerCache;
        k();
        set(current);
        this.cache = innerCache;
      })
    );
    this.cache = outerCache;
    this.emit({ op: "With", local: current, path: path.map((s2) => this.p.strIndex(s2)), value: v, block: blk });
  }
  constPath(terms, loc) {
    return terms.map((t) => {
      if (t.type !== "string") throw new PlanError("with: target path must be constant", loc);
      return t.value;
    });
  }
  // ------------------------------------------------------------------------------------------
  // Calls
  planCallExpr(c, k) {
    const name = refName(c.operator);
    const args = c.args;
    switch (name) {
      case "eq":
      case "assign":
        return this.unify(args[0], args[1], k);
      case "internal.member_2":
      case "internal.member_3":
        return this.planMember(c, (found) => {
          this.emit({ op: "IsDefined", source: found });
          k();
        });
      case "print":
        return this.planPrint(c, k);
    }
    this.planCall(c, true, () => k());
  }
  /**
   * `print(a, b)` as OPA lowers it: internal.print([{values of a}, {values of b}]), each set
   * collecting every value of its argument (empty when undefined, printed as <undefined>).
   * Printing never fails the body.
   */
  planPrint(c, k) {
    const groups = this.fb.newLocal();
    this.emit({ op: "MakeArray", capacity: c.args.length, target: groups });
    for (const a of c.args) {
      const set = this.fb.newLocal();
      this.emit({ op: "MakeSet", target: set });
      this.fb.group(() => this.scoped(() => this.planTerm(a, (v) => this.emit({ op: "SetAdd", value: v, set }))));
      this.emit({ op: "ArrayAppend", value: { kind: "local", local: set }, array: groups });
    }
    this.p.useBuiltin("internal.print", 1);
    this.fb.group(() => {
      const r = this.fb.newLocal();
      this.emit({ op: "Call", func: "internal.print", args: [{ kind: "local", local: groups }], result: r });
    });
    k();
  }
  /** `x in xs` / `k, v in xs`: found := true if a member matches, else undefined. */
  planMember(c, k) {
    const two = refName(c.operator) === "internal.member_2";
    const coll = two ? c.args[1] : c.args[2];
    const terms = two ? [c.args[0]] : [c.args[0], c.args[1]];
    this.planTerms([...terms, coll], (ops) => {
      const found = this.fb.newLocal();
      this.emit({ op: "ResetLocal", target: found });
      const src = this.local(ops[ops.length - 1]);
      if (two) {
        const key = this.fb.newLocal();
        const val = this.fb.newLocal();
        const isSet = this.fb.newLocal();
        this.emit({ op: "ResetLocal", target: isSet });
        this.fb.group(() => {
          this.emit({ op: "IsSet", source: { kind: "local", local: src } });
          this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: isSet });
          const t = this.fb.newLocal();
          this.emit({ op: "Dot", source: { kind: "local", local: src }, key: ops[0], target: t });
          this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: found });
        });
        this.fb.group(() => {
          this.emit({ op: "IsUndefined", source: isSet });
          const groupDepth = this.fb.depth;
          const blk = this.fb.block(() => {
            this.emit({ op: "Equal", a: { kind: "local", local: val }, b: ops[0] });
            this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: found });
            this.emit(this.fb.breakTo(groupDepth));
          });
          this.emit({ op: "Scan", source: src, key, value: val, block: blk });
        });
      } else {
        this.fb.group(() => {
          const t = this.fb.newLocal();
          this.emit({ op: "Dot", source: { kind: "local", local: src }, key: ops[0], target: t });
          this.emit({ op: "Equal", a: { kind: "local", local: t }, b: ops[1] });
          this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: found });
        });
      }
      k(found);
    });
  }
  /**
   * Plans a call of a user function or built-in. In statement position the result must not be
   * false; an extra last argument is an output unified with the result.
   */
  planCall(c, stmt, k) {
    const name = refName(c.operator);
    const mock = this.ctx.fnMocks.get(name);
    let target;
    if (mock) target = mock;
    else if (name.startsWith("data.")) target = { kind: "func", path: name.slice(5).split(".") };
    else target = { kind: "builtin", name };
    let arity;
    if (target.kind === "func") {
      const node = lookup(this.p.tree, target.path);
      if (!node || nodeKind(node) !== "function") throw new PlanError(`undefined function ${name}`, c.loc);
      arity = node.rules[0].rule.head.args?.length ?? 0;
    } else if (target.kind === "builtin") {
      arity = this.p.arity(target.name) ?? c.args.length;
    } else {
      arity = this.p.arity(name) ?? this.userArity(name) ?? c.args.length;
    }
    const inputs = c.args.slice(0, arity);
    const out = c.args.length > arity ? c.args[arity] : null;
    const relation = target.kind === "builtin" && target.name === "walk";
    this.planTerms(inputs, (ops) => {
      const r = this.fb.newLocal();
      if (target.kind === "func") {
        const node = lookup(this.p.tree, target.path);
        const ctx = mock ? extendCtx(this.ctx, { clearFns: true }) : this.ctx;
        const fname = this.p.ruleFunc(node, ctx);
        const args = [...this.docArgs(), ...ops];
        const used = !stmt || out !== null;
        this.emit({ op: "Call", func: fname, args, result: r, conflicts: this.earlyExit && used ? "generic" : "named" });
      } else if (target.kind === "builtin") {
        this.p.useBuiltin(target.name, arity);
        this.emit({ op: "Call", func: target.name, args: ops, result: r });
      } else {
        this.emit({ op: "Dot", source: { kind: "local", local: this.data }, key: this.p.str(target.key), target: r });
      }
      const res = { kind: "local", local: r };
      if (relation) {
        const key = this.fb.newLocal();
        const val = this.fb.newLocal();
        const blk = this.fb.block(() => {
          const v = { kind: "local", local: val };
          if (out) this.unifyValue(out, v, () => k(v));
          else k(v);
        });
        this.emit({ op: "Scan", source: r, key, value: val, block: blk });
        return;
      }
      if (out) return this.unifyValue(out, res, () => k(res));
      if (stmt) this.truthy(res);
      k(res);
    });
  }
  userArity(name) {
    if (!name.startsWith("data.")) return void 0;
    const node = lookup(this.p.tree, name.slice(5).split("."));
    return node?.rules[0]?.rule.head.args?.length;
  }
  /** Plans terms left to right, except that terms that are bare unbound vars go last (refs in
   *  other terms may bind them, as in `x == input.xs[x]`). */
  planTerms(terms, k) {
    const order = terms.map((_, i) => i);
    order.sort((a, b2) => Number(this.isUnbound(terms[a])) - Number(this.isUnbound(terms[b2])));
    const ops = new Array(terms.length);
    const step = (j) => {
      if (j >= order.length) return k(ops);
      const idx = order[j];
      this.planTerm(terms[idx], (op) => {
        ops[idx] = op;
        step(j + 1);
      });
    };
    step(0);
  }
  // ------------------------------------------------------------------------------------------
  // Unification
  unify(a, b2, k) {
    if (this.isUnbound(a) && this.isUnbound(b2)) {
      throw new PlanError(`cannot unify two unbound variables ${a.name} and ${b2.name}`, a.loc);
    }
    if (this.isUnbound(a)) return this.planTerm(b2, (v) => this.bindVar(a, v, k));
    if (this.isUnbound(b2)) return this.planTerm(a, (v) => this.bindVar(b2, v, k));
    if (a.type === "array" && b2.type === "array") {
      if (a.items.length !== b2.items.length) return this.fail();
      const step = (i) => {
        if (i >= a.items.length) return k();
        this.unify(a.items[i], b2.items[i], () => step(i + 1));
      };
      return step(0);
    }
    if (a.type === "object" && b2.type === "object" && (this.hasPatternVars(a) || this.hasPatternVars(b2))) {
      const bk = new Map(b2.items.map(([kt, vt]) => [constKey(kt), vt]));
      const pairs = [];
      for (const [kt, vt] of a.items) {
        const other = bk.get(constKey(kt));
        if (other === void 0 || constKey(kt) === null) break;
        pairs.push([vt, other]);
      }
      if (pairs.length === a.items.length && a.items.length === b2.items.length) {
        const step = (i) => {
          if (i >= pairs.length) return k();
          this.unify(pairs[i][0], pairs[i][1], () => step(i + 1));
        };
        return step(0);
      }
      if (a.items.length !== b2.items.length || pairs.length < a.items.length) {
        if (a.items.every(([kt]) => constKey(kt) !== null) && b2.items.every(([kt]) => constKey(kt) !== null)) return this.fail();
      }
    }
    if (this.hasPatternVars(a)) return this.planTerm(b2, (v) => this.unifyValue(a, v, k));
    if (this.hasPatternVars(b2)) return this.planTerm(a, (v) => this.unifyValue(b2, v, k));
    this.planTerms([a, b2], ([x, y]) => {
      this.emit({ op: "Equal", a: x, b: y });
      k();
    });
  }
  /** Unifies a term (a pattern when it has unbound vars) with a planned value. */
  unifyValue(t, v, k) {
    if (this.isUnbound(t)) return this.bindVar(t, v, k);
    if (t.type === "array" && this.hasPatternVars(t)) {
      this.expectShape("IsArray", v, t.items.length);
      const step = (i) => {
        if (i >= t.items.length) return k();
        const e = this.fb.newLocal();
        this.emit({ op: "Dot", source: v, key: this.int(i), target: e });
        this.unifyValue(t.items[i], { kind: "local", local: e }, () => step(i + 1));
      };
      return step(0);
    }
    if (t.type === "object" && this.hasPatternVars(t)) {
      this.expectShape("IsObject", v, t.items.length);
      const step = (i) => {
        if (i >= t.items.length) return k();
        const [kt, vt] = t.items[i];
        this.planTerm(kt, (ko) => {
          const e = this.fb.newLocal();
          this.emit({ op: "Dot", source: v, key: ko, target: e });
          this.unifyValue(vt, { kind: "local", local: e }, () => step(i + 1));
        });
      };
      return step(0);
    }
    this.planTerm(t, (x) => {
      this.emit({ op: "Equal", a: x, b: v });
      k();
    });
  }
  /** Guards that `v` is an array (or object) of exactly `n` elements, before its parts unify. */
  expectShape(op, v, n) {
    this.emit({ op, source: v });
    const len = this.fb.newLocal();
    this.emit({ op: "Len", source: v, target: len });
    this.emit({ op: "Equal", a: { kind: "local", local: len }, b: this.int(n) });
  }
  // ------------------------------------------------------------------------------------------
  // Terms
  planTerm(t, k) {
    switch (t.type) {
      case "null": {
        const l = this.fb.newLocal();
        this.emit({ op: "MakeNull", target: l });
        return k({ kind: "local", local: l });
      }
      case "boolean":
        return k({ kind: "bool", value: t.value });
      case "string":
        return k(this.p.str(t.value));
      case "number":
        return k(this.number(t.text));
      case "var": {
        const l = this.vars.get(t.name);
        if (l !== void 0) return k({ kind: "local", local: l });
        if (t.name === "input") {
          this.emit({ op: "IsDefined", source: this.input });
          return k({ kind: "local", local: this.input });
        }
        if (t.name === "data") return this.planDataPath([], k);
        throw new PlanError(`var ${t.name} is unbound where its value is needed`, t.loc);
      }
      case "ref":
        return this.planRef(t.terms, k);
      case "array":
        return this.planTerms(t.items, (ops) => {
          const l = this.fb.newLocal();
          this.emit({ op: "MakeArray", capacity: ops.length, target: l });
          for (const o of ops) this.emit({ op: "ArrayAppend", value: o, array: l });
          k({ kind: "local", local: l });
        });
      case "set":
        return this.planTerms(t.items, (ops) => {
          const l = this.fb.newLocal();
          this.emit({ op: "MakeSet", target: l });
          for (const o of ops) this.emit({ op: "SetAdd", value: o, set: l });
          k({ kind: "local", local: l });
        });
      case "object":
        return this.planTerms(t.items.flat(), (ops) => {
          const l = this.fb.newLocal();
          this.emit({ op: "MakeObject", target: l });
          for (let i = 0; i + 1 < ops.length; i += 2) {
            this.emit({ op: "ObjectInsertOnce", key: ops[i], value: ops[i + 1], object: l, conflict: "object" });
          }
          k({ kind: "local", local: l });
        });
      case "arraycomprehension":
      case "setcomprehension":
      case "objectcomprehension":
        return this.planComprehension(t, k);
      case "call": {
        const name = refName(t.operator);
        if (name === "internal.member_2" || name === "internal.member_3") {
          return this.planMember(t, (found) => {
            const r = this.fb.newLocal();
            this.emit({ op: "AssignVar", source: { kind: "bool", value: false }, target: r });
            this.fb.group(() => {
              this.emit({ op: "IsDefined", source: found });
              this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: r });
            });
            k({ kind: "local", local: r });
          });
        }
        return this.planCall(t, false, k);
      }
    }
  }
  number(text) {
    const l = this.fb.newLocal();
    const n = Number(text);
    if (/^-?\d+$/.test(text) && Number.isSafeInteger(n)) this.emit({ op: "MakeNumberInt", value: n, target: l });
    else this.emit({ op: "MakeNumberRef", index: this.p.strIndex(text), target: l });
    return { kind: "local", local: l };
  }
  planComprehension(t, k) {
    const c = this.fb.newLocal();
    if (t.type === "arraycomprehension") this.emit({ op: "MakeArray", capacity: 0, target: c });
    else if (t.type === "setcomprehension") this.emit({ op: "MakeSet", target: c });
    else this.emit({ op: "MakeObject", target: c });
    this.fb.group(() => this.scoped(
      () => this.planBody(t.body, () => {
        if (t.type === "arraycomprehension") {
          this.planTerm(t.term, (v) => this.emit({ op: "ArrayAppend", value: v, array: c }));
        } else if (t.type === "setcomprehension") {
          this.planTerm(t.term, (v) => this.emit({ op: "SetAdd", value: v, set: c }));
        } else {
          this.planTerms(
            [t.key, t.value],
            ([kk, vv]) => this.emit({ op: "ObjectInsertOnce", key: kk, value: vv, object: c, conflict: "object" })
          );
        }
      })
    ));
    k({ kind: "local", local: c });
  }
  // ------------------------------------------------------------------------------------------
  // References
  planRef(terms, k) {
    const head = terms[0];
    if (head.type === "var" && !this.vars.has(head.name)) {
      if (head.name === "data") return this.planDataRef(this.p.tree, terms, 1, k);
      if (head.name === "input") {
        if (terms.length === 1) this.emit({ op: "IsDefined", source: this.input });
        return this.planRefRest(this.input, terms, 1, k);
      }
    }
    this.planTerm(head, (h) => this.planRefRest(this.local(h), terms, 1, k));
  }
  /** Walks the rest of a ref over a value: lookups for known keys, Scan for unbound ones. */
  planRefRest(src, terms, i, k) {
    if (i >= terms.length) return k({ kind: "local", local: src });
    const t = terms[i];
    if (this.isUnbound(t) || this.hasPatternVars(t)) {
      const key = this.fb.newLocal();
      const val = this.fb.newLocal();
      const blk = this.fb.block(
        () => this.unifyValue(t, { kind: "local", local: key }, () => this.planRefRest(val, terms, i + 1, k))
      );
      this.emit({ op: "Scan", source: src, key, value: val, block: blk });
      return;
    }
    this.planTerm(t, (kv) => {
      const out = this.fb.newLocal();
      this.emit({ op: "Dot", source: { kind: "local", local: src }, key: kv, target: out });
      this.planRefRest(out, terms, i + 1, k);
    });
  }
  /** The value of data at a constant path (entrypoints). */
  planDataPath(path, k) {
    const terms = [
      { type: "var", name: "data", loc: nowhere },
      ...path.map((value) => ({ type: "string", value, raw: false, loc: nowhere }))
    ];
    this.planDataRef(this.p.tree, terms, 1, k);
  }
  /** Resolves `data.…` against the rule tree: node is where terms[0..i) led. */
  planDataRef(node, terms, i, k) {
    if (isMocked(node.path, this.ctx)) return this.planBase(node.path, terms, i, k);
    if (node.rules.length > 0) {
      const kind = nodeKind(node);
      if (kind === "function") throw new PlanError(`function data.${node.path.join(".")} used as a value`, terms[0].loc);
      const r = this.fb.newLocal();
      const fname = this.p.ruleFunc(node, this.ctx);
      const args = this.docArgs();
      this.emit({ op: "Call", func: fname, args, result: r, conflicts: this.earlyExit ? "generic" : "named" });
      return this.planRefRest(r, terms, i, k);
    }
    if (i < terms.length) {
      const t = terms[i];
      if (t.type === "string") {
        const child = node.children.get(t.value);
        if (child) return this.planDataRef(child, terms, i + 1, k);
        return this.planBase([...node.path, t.value], terms, i + 1, k);
      }
      if (!this.isUnbound(t) && !this.hasPatternVars(t)) {
        return this.planTerm(t, (key) => {
          const res = this.fb.newLocal();
          this.emit({ op: "ResetLocal", target: res });
          for (const [name, child] of node.children) {
            if (nodeKind(child) === "function") continue;
            this.fb.group(() => {
              this.emit({ op: "Equal", a: key, b: this.p.str(name) });
              const v2 = this.docValue(child);
              this.emit({ op: "AssignVar", source: { kind: "local", local: v2 }, target: res });
            });
          }
          this.fb.group(() => {
            this.emit({ op: "IsUndefined", source: res });
            const base = this.baseAt(node.path);
            const v2 = this.baseDot(base, t, key);
            this.emit({ op: "AssignVar", source: { kind: "local", local: v2 }, target: res });
          });
          this.emit({ op: "IsDefined", source: res });
          this.planRefRest(res, terms, i + 1, k);
        });
      }
    }
    const v = this.materialize(node);
    this.planRefRest(v, terms, i, k);
  }
  /** Base data at path, then the rest of the ref. */
  planBase(path, terms, i, k) {
    let src = this.baseAt(path);
    for (; i < terms.length; i++) {
      const t = terms[i];
      if (t.type !== "number") break;
      src = this.baseDot(src, t, this.number(t.text));
    }
    this.planRefRest(src, terms, i, k);
  }
  /** src[key] for base data; a number constant key also tries its text as an object key. */
  baseDot(src, t, key) {
    const out = this.fb.newLocal();
    if (t.type !== "number") {
      this.emit({ op: "Dot", source: { kind: "local", local: src }, key, target: out });
      return out;
    }
    this.emit({ op: "ResetLocal", target: out });
    this.fb.group(() => this.emit({ op: "Dot", source: { kind: "local", local: src }, key, target: out }));
    this.fb.group(() => {
      this.emit({ op: "IsUndefined", source: out });
      this.emit({ op: "Dot", source: { kind: "local", local: src }, key: this.p.str(t.text), target: out });
    });
    this.emit({ op: "IsDefined", source: out });
    return out;
  }
  /** Lookups of base data at a constant path (fail when absent). */
  baseAt(path) {
    let cur = this.data;
    for (const seg of path) {
      const out = this.fb.newLocal();
      this.emit({ op: "Dot", source: { kind: "local", local: cur }, key: this.p.str(seg), target: out });
      cur = out;
    }
    return cur;
  }
  /** The whole document at a node: rule value, mocked base data, or materialised prefix. */
  docValue(node) {
    if (isMocked(node.path, this.ctx)) return this.baseAt(node.path);
    if (node.rules.length > 0) {
      const r = this.fb.newLocal();
      const args = this.docArgs();
      this.emit({ op: "Call", func: this.p.ruleFunc(node, this.ctx), args, result: r, conflicts: "named" });
      return r;
    }
    return this.materialize(node);
  }
  /** The document at a prefix node: its virtual object merged with the base data there. */
  materialize(node) {
    const virt = this.fb.newLocal();
    const fname = this.p.virtualFunc(node, this.ctx);
    this.emit({ op: "Call", func: fname, args: this.docArgs(), result: virt, conflicts: "named" });
    const res = this.fb.newLocal();
    this.emit({ op: "AssignVar", source: { kind: "local", local: virt }, target: res });
    this.fb.group(() => {
      let cur = this.data;
      for (const seg of node.path) {
        const out = this.fb.newLocal();
        this.emit({ op: "Dot", source: { kind: "local", local: cur }, key: this.p.str(seg), target: out });
        cur = out;
      }
      const m = this.fb.newLocal();
      this.emit({ op: "ObjectMerge", a: cur, b: virt, target: m });
      this.emit({ op: "AssignVar", source: { kind: "local", local: m }, target: res });
    });
    return res;
  }
  /** Inserts the values of node's children (rules and prefixes below) into the object `obj`. */
  insertChildren(node, obj) {
    for (const [name, child] of node.children) {
      if (isMocked(child.path, this.ctx)) continue;
      const kind = nodeKind(child);
      if (kind === "function") continue;
      this.fb.group(() => {
        const v = this.fb.newLocal();
        const fname = kind === "none" ? this.p.virtualFunc(child, this.ctx) : this.p.ruleFunc(child, this.ctx);
        this.emit({ op: "Call", func: fname, args: this.docArgs(), result: v, conflicts: "named" });
        this.mergeInsert(obj, this.p.str(name), v);
      });
    }
  }
  /** obj[key] := v, deep-merging when both the present value and v are objects. */
  mergeInsert(obj, key, v) {
    const present = this.fb.newLocal();
    this.emit({ op: "ResetLocal", target: present });
    this.fb.group(() => this.emit({ op: "Dot", source: { kind: "local", local: obj }, key, target: present }));
    this.fb.group(() => {
      this.emit({ op: "IsUndefined", source: present });
      this.emit({ op: "ObjectInsert", key, value: { kind: "local", local: v }, object: obj });
    });
    this.fb.group(() => {
      this.emit({ op: "IsDefined", source: present });
      const m = this.fb.newLocal();
      this.emit({ op: "ObjectMerge", a: present, b: v, target: m });
      this.emit({ op: "ObjectInsert", key, value: { kind: "local", local: m }, object: obj });
    });
  }
};

// engine/compiler/plan/builder.ts
var FuncBuilder = class {
  nextLocal;
  /** Statement lists of the open blocks, innermost last; index = block depth. */
  stack = [];
  constructor(firstFree) {
    this.nextLocal = firstFree;
  }
  newLocal() {
    return this.nextLocal++;
  }
  emit(s2) {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error("planner bug: emit outside a block");
    top.push(s2);
  }
  /** Depth of the innermost open block (1 for a function's top-level block). */
  get depth() {
    return this.stack.length;
  }
  /** Builds a block whose statements `fill` emits; the block is one level deeper. */
  block(fill) {
    const stmts = [];
    this.stack.push(stmts);
    try {
      fill();
    } finally {
      this.stack.pop();
    }
    return { stmts };
  }
  /** Emits `Block{[block]}`: a group that failures inside leave without failing the caller. */
  group(fill) {
    this.emit({ op: "Block", blocks: [this.block(fill)] });
  }
  /** The Break index that, emitted here, leaves the block at `depth` and carries on after it. */
  breakTo(depth) {
    return { op: "Break", index: this.depth - depth };
  }
};

// engine/compiler/plan/rules.ts
var RulePlanner = class {
  constructor(p, node, ctx) {
    this.p = p;
    this.node = node;
    this.ctx = ctx;
  }
  p;
  node;
  ctx;
  planFunc(name) {
    const node = this.node;
    const kind = nodeKind(node);
    const nargs = kind === "function" ? node.rules[0].rule.head.args?.length ?? 0 : 0;
    const params = Array.from({ length: CACHE + 1 + nargs }, (_, i) => i);
    const fb = new FuncBuilder(params.length);
    const ret = fb.newLocal();
    const blocks = [];
    const fresh = () => new BodyPlanner(this.p, fb, this.ctx);
    blocks.push(
      fb.block(() => {
        fb.emit({ op: "ResetLocal", target: ret });
        if (kind === "set") fb.emit({ op: "MakeSet", target: ret });
        if (kind === "object") fb.emit({ op: "MakeObject", target: ret });
      })
    );
    const defaults = [];
    for (const pr of node.rules) {
      if (pr.rule.isDefault) {
        defaults.push(pr);
        continue;
      }
      blocks.push(fb.block(() => this.planChain(fresh(), fb, pr, kind, ret, params.slice(CACHE + 1))));
    }
    if (kind === "object") {
      blocks.push(fb.block(() => fresh().insertChildren(node, ret)));
    }
    for (const d of defaults) {
      blocks.push(
        fb.block(() => {
          fb.emit({ op: "IsUndefined", source: ret });
          const b2 = fresh();
          const value = d.rule.head.value ?? trueTerm(d.rule.loc);
          const run = () => b2.planTerm(value, (v) => {
            fb.emit({ op: "AssignVar", source: v, target: ret });
          });
          if (kind === "function") this.bindArgs(b2, d.rule, params.slice(CACHE + 1), run);
          else run();
        })
      );
    }
    if (kind === "function") {
      blocks.push(fb.block(() => fb.emit({ op: "ReturnLocal", source: ret })));
      return { name, params, return: ret, blocks, path: node.path };
    }
    return { name, params, return: ret, blocks: withCache(this.p, fb, name, ret, blocks), path: node.path };
  }
  bindArgs(b2, rule, argLocals, k) {
    const args = rule.head.args ?? [];
    const step = (i) => {
      if (i >= args.length) return k();
      b2.unifyValue(args[i], { kind: "local", local: argLocals[i] }, () => step(i + 1));
    };
    step(0);
  }
  /** One rule with its else chain: the first alternative with a solution gives the value. */
  planChain(b2, fb, pr, kind, ret, argLocals) {
    const conflict = kind === "function" ? "function" : "complete";
    if (!pr.rule.else) {
      return this.planAlternative(b2, pr.rule, pr, kind, argLocals, (v) => {
        if (kind === "set") fb.emit({ op: "SetAdd", value: v, set: ret });
        else if (kind === "object") this.insertRefHead(b2, fb, pr, ret, v);
        else fb.emit({ op: "AssignVarOnce", source: v, target: ret, conflict });
      });
    }
    const chainRes = fb.newLocal();
    fb.emit({ op: "ResetLocal", target: chainRes });
    const alts = [];
    for (let r = pr.rule; r; r = r.else) {
      const alt = r;
      const scope = new BodyPlanner(this.p, fb, this.ctx);
      alts.push(
        fb.block(() => {
          fb.emit({ op: "IsUndefined", source: chainRes });
          this.planAlternative(scope, alt, pr, kind, argLocals, (v) => {
            fb.emit({ op: "AssignVarOnce", source: v, target: chainRes, conflict });
          });
        })
      );
    }
    fb.emit({ op: "Block", blocks: alts });
    fb.emit({ op: "IsDefined", source: chainRes });
    fb.emit({ op: "AssignVarOnce", source: { kind: "local", local: chainRes }, target: ret, conflict });
  }
  /** Plans one body (after binding function args) and hands the head value to `k`. */
  planAlternative(b2, rule, pr, kind, argLocals, k) {
    const value = rule.head.value ?? pr.rule.head.value;
    b2.earlyExit = kind === "complete" && (value === void 0 || value === null || isGround(value));
    const afterArgs = () => b2.planBody(rule.body, () => {
      if (kind === "set" || pr.rule.kind === "partial-set") return b2.planTerm(rule.head.key ?? pr.rule.head.key, k);
      const value2 = rule.head.value ?? pr.rule.head.value ?? trueTerm(rule.loc);
      if (kind === "object") {
        return b2.planTerm(value2, k);
      }
      b2.planTerm(value2, k);
    });
    if (kind === "function") this.bindArgs(b2, pr.rule, argLocals, afterArgs);
    else afterArgs();
  }
  /** obj[k1][k2]…[kn] := v for a rule `a.b[k1]…[kn] := v` hanging at a.b. */
  insertRefHead(b2, fb, pr, ret, v) {
    const keys = pr.rest;
    if (keys.length === 0) {
      fb.emit({ op: "AssignVarOnce", source: v, target: ret, conflict: "complete" });
      return;
    }
    const conflict = pr.rule.kind === "partial-object" ? "object" : "complete";
    const leafSet = pr.rule.kind === "partial-set";
    b2.planTerms(keys, (ops) => {
      let cur = ret;
      for (let j = 0; j < (leafSet ? ops.length : ops.length - 1); j++) {
        const last = j === ops.length - 1;
        const t = fb.newLocal();
        fb.emit({ op: "ResetLocal", target: t });
        fb.group(() => fb.emit({ op: "Dot", source: { kind: "local", local: cur }, key: ops[j], target: t }));
        fb.group(() => {
          fb.emit({ op: "IsUndefined", source: t });
          fb.emit(last ? { op: "MakeSet", target: t } : { op: "MakeObject", target: t });
          fb.emit({ op: "ObjectInsert", key: ops[j], value: { kind: "local", local: t }, object: cur });
        });
        cur = t;
      }
      if (leafSet) fb.emit({ op: "SetAdd", value: v, set: cur });
      else fb.emit({ op: "ObjectInsertOnce", key: ops[ops.length - 1], value: v, object: cur, conflict });
    });
  }
};

// engine/compiler/plan/planner.ts
function plan(program, entrypoints) {
  try {
    return { ok: true, value: new Planner(program).run(entrypoints) };
  } catch (e) {
    if (e instanceof PlanError) {
      const err = { code: "rego_unsupported_error", message: e.message, location: e.location };
      if (e.rule !== void 0) err.rule = e.rule;
      return { ok: false, errors: [err] };
    }
    throw e;
  }
}
var Planner = class {
  constructor(program) {
    this.program = program;
    this.root = buildTree(program.rules, program.packages);
  }
  program;
  root;
  strings = [];
  stringIndex = /* @__PURE__ */ new Map();
  builtins = /* @__PURE__ */ new Map();
  funcs = [];
  /** ctx key + node path → function name (planned or being planned). */
  funcNames = /* @__PURE__ */ new Map();
  mockCounter = 0;
  run(entrypoints) {
    const plans = [];
    for (const ep of entrypoints) {
      const path = ep.split("/").filter((s2) => s2.length > 0);
      const b2 = new BodyPlanner(this, new FuncBuilder(CACHE + 1), rootCtx);
      const top = b2.fb.block(() => {
        b2.fb.emit({ op: "MakeObject", target: CACHE });
        b2.planDataPath(path, (v) => {
          const r = b2.fb.newLocal();
          b2.fb.emit({ op: "MakeObject", target: r });
          b2.fb.emit({ op: "ObjectInsert", key: this.str("result"), value: v, object: r });
          b2.fb.emit({ op: "ResultSetAdd", value: r });
        });
      });
      plans.push({ name: path.join("/"), blocks: [top] });
    }
    const builtins = [...this.builtins].map(([name, arity]) => ({ name, arity }));
    return { strings: this.strings, builtins, plans, funcs: this.funcs };
  }
  str(s2) {
    return { kind: "string", index: this.strIndex(s2) };
  }
  strIndex(s2) {
    let i = this.stringIndex.get(s2);
    if (i === void 0) {
      i = this.strings.length;
      this.strings.push(s2);
      this.stringIndex.set(s2, i);
    }
    return i;
  }
  useBuiltin(name, arity) {
    this.builtins.set(name, arity);
  }
  arity(name) {
    return builtinArity(name, this.program.builtins);
  }
  isBuiltin(name) {
    return this.arity(name) !== void 0;
  }
  get tree() {
    return this.root;
  }
  nextMockKey() {
    return `__mock${this.mockCounter++}__`;
  }
  /** Name of the function computing the value of a rule node (or a user function) under ctx. */
  ruleFunc(node, ctx) {
    const memo = `${ctx.key}|${node.path.join("\0")}`;
    const known = this.funcNames.get(memo);
    if (known) return known;
    const name = `g0.data.${node.path.join(".")}${ctx.key ? `#${this.funcNames.size}` : ""}`;
    this.funcNames.set(memo, name);
    try {
      this.funcs.push(new RulePlanner(this, node, ctx).planFunc(name));
    } catch (e) {
      if (e instanceof PlanError && e.rule === void 0) e.rule = node.path.join(".");
      throw e;
    }
    return name;
  }
  /** Name of the function building the object of everything below a prefix node (no base data). */
  virtualFunc(node, ctx) {
    const memo = `${ctx.key}|virtual|${node.path.join("\0")}`;
    const known = this.funcNames.get(memo);
    if (known) return known;
    const name = `g0.virtual.data${node.path.map((p) => "." + p).join("")}${ctx.key ? `#${this.funcNames.size}` : ""}`;
    this.funcNames.set(memo, name);
    const fb = new FuncBuilder(CACHE + 1);
    const b2 = new BodyPlanner(this, fb, ctx);
    const ret = fb.newLocal();
    const top = fb.block(() => {
      fb.emit({ op: "MakeObject", target: ret });
      b2.insertChildren(node, ret);
    });
    const blocks = withCache(this, fb, name, ret, [top]);
    this.funcs.push({ name, params: [0, 1, CACHE], return: ret, blocks, path: node.path });
    return name;
  }
};

// node_modules/js-yaml/dist/js-yaml.mjs
var NOT_RESOLVED = /* @__PURE__ */ Symbol("NOT_RESOLVED");
function defineScalarTag(tagName, options) {
  return {
    tagName,
    nodeKind: "scalar",
    implicit: options.implicit ?? false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    implicitFirstChars: options.implicitFirstChars ?? null,
    resolve: options.resolve,
    identify: options.identify,
    represent: options.represent ?? ((data) => String(data)),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineSequenceTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "sequence",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addItem: options.addItem,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineMappingTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "mapping",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addPair: options.addPair,
    has: options.has,
    keys: options.keys,
    get: options.get,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
  resolve: (source) => source,
  identify: (data) => typeof data === "string"
});
var NULL_VALUES$1 = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES$1.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: ["n"],
  resolve: (source, isExplicit) => {
    if (source === "null" || isExplicit && source === "") return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var NULL_VALUES = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var TRUE_VALUES$2 = [
  "true",
  "True",
  "TRUE"
];
var FALSE_VALUES$2 = [
  "false",
  "False",
  "FALSE"
];
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "t",
    "T",
    "f",
    "F"
  ],
  resolve: (source) => {
    if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["t", "f"],
  resolve: (source) => {
    if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES = [
  "true",
  "True",
  "TRUE",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "on",
  "On",
  "ON"
];
var FALSE_VALUES = [
  "false",
  "False",
  "FALSE",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "off",
  "Off",
  "OFF"
];
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "y",
    "Y",
    "n",
    "N",
    "t",
    "T",
    "f",
    "F",
    "o",
    "O"
  ],
  resolve: (source) => {
    if (TRUE_VALUES.indexOf(source) !== -1) return true;
    if (FALSE_VALUES.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$2(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger$2,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$1(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlInteger$1,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
  let value = source.replace(/_/g, "");
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  if (value.includes(":")) {
    let result = 0;
    for (const part of value.split(":")) result = result * 60 + Number(part);
    return sign * result;
  }
  if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
  if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
  if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase();
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  const result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat$2,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$2
});
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
    let value = source.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".includes(value[0])) value = value.slice(1);
    if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (value === ".nan") return NaN;
    const result2 = sign * parseFloat(value);
    return Number.isFinite(result2) ? result2 : NOT_RESOLVED;
  }
  if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = Number(source);
  if (Number.isFinite(result)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlFloat$1,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$1
});
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
  if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase().replace(/_/g, "");
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  let result = 0;
  if (value.includes(":")) {
    for (const part of value.split(":")) result = result * 60 + Number(part);
    result *= sign;
  } else result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat
});
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
  implicit: true,
  implicitFirstChars: ["<"],
  resolve: (source, isExplicit) => {
    if (source === "<<" || isExplicit && source === "") return "<<";
    return NOT_RESOLVED;
  },
  identify: () => false
});
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
  const input = source.replace(/\s/g, "");
  if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
  const binary2 = atob(input);
  const result = new Uint8Array(binary2.length);
  for (let index = 0; index < binary2.length; index++) result[index] = binary2.charCodeAt(index);
  return result;
}
function representYamlBinary(object) {
  let binary2 = "";
  for (let index = 0; index < object.length; index++) binary2 += String.fromCharCode(object[index]);
  return btoa(binary2);
}
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
  resolve: resolveYamlBinary,
  identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
  represent: representYamlBinary
});
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
  date.setUTCFullYear(year, month, day);
  return date;
}
function resolveYamlTimestamp(source) {
  let match = YAML_DATE_REGEXP.exec(source);
  if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
  if (match === null) return NOT_RESOLVED;
  const year = +match[1];
  const month = +match[2] - 1;
  const day = +match[3];
  if (!match[4]) {
    const date2 = makeUtcDate(year, month, day);
    if (date2.getUTCFullYear() !== year || date2.getUTCMonth() !== month || date2.getUTCDate() !== day) return NOT_RESOLVED;
    return date2;
  }
  const hour = +match[4];
  const minute = +match[5];
  const second = +match[6];
  let fraction = 0;
  if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
  if (match[7]) {
    let value = match[7].slice(0, 3);
    while (value.length < 3) value += "0";
    fraction = +value;
  }
  const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
  if (match[9]) {
    const offsetHour = +match[10];
    const offsetMinute = +(match[11] || 0);
    if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
    const offset = (offsetHour * 60 + offsetMinute) * 6e4;
    date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
  }
  return date;
}
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
  implicit: true,
  implicitFirstChars: [..."0123456789"],
  resolve: resolveYamlTimestamp,
  identify: (object) => object instanceof Date,
  represent: (object) => object.toISOString()
});
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
  create: () => [],
  addItem: (container, item) => {
    container.push(item);
  },
  identify: Array.isArray
});
function isPlainObject(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const prototype = Object.getPrototypeOf(data);
  return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
  const result = {};
  for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
  return result;
}
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
  create: () => ({
    list: [],
    seen: /* @__PURE__ */ new Set()
  }),
  addItem: (carrier, item) => {
    let key;
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve an ordered map item";
      key = item.keys().next().value;
    } else if (isPlainObject(item)) {
      const itemKeys = Object.keys(item);
      if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
      key = itemKeys[0];
    } else return "cannot resolve an ordered map item";
    if (carrier.seen.has(key)) return "duplicate key in ordered map";
    carrier.seen.add(key);
    carrier.list.push(item);
    return "";
  },
  finalize: (carrier) => carrier.list,
  identify: () => false
});
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
  create: () => [],
  addItem: (container, item) => {
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve a pairs item";
      container.push(item.entries().next().value);
      return "";
    }
    if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
    const object = item;
    const keys = Object.keys(object);
    if (keys.length !== 1) return "cannot resolve a pairs item";
    container.push([keys[0], object[keys[0]]]);
    return "";
  },
  identify: () => false
});
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
    const normalizedKey = String(key);
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    if (key !== null && typeof key === "object") return false;
    return Object.prototype.hasOwnProperty.call(container, String(key));
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
  create: () => /* @__PURE__ */ new Set(),
  identify: (data) => data instanceof Set,
  represent: (data) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of data) map.set(key, null);
    return map;
  },
  addPair: (container, key, value) => {
    if (value !== null) return "cannot resolve a set item";
    container.add(key);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: () => null
});
function createTagDefinitionMap() {
  return {
    scalar: /* @__PURE__ */ Object.create(null),
    sequence: /* @__PURE__ */ Object.create(null),
    mapping: /* @__PURE__ */ Object.create(null)
  };
}
function createTagDefinitionListMap() {
  return {
    scalar: [],
    sequence: [],
    mapping: []
  };
}
function compileTags(tags) {
  const result = [];
  for (const tag of tags) {
    let index = result.length;
    for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
      const previous = result[previousIndex];
      if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
        index = previousIndex;
        break;
      }
    }
    result[index] = tag;
  }
  return result;
}
var Schema = class Schema2 {
  tags;
  /** @internal */
  implicitScalarTags;
  /**
  * Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
  * the resolvers that may match that key, in schema order; a key absent from
  * the map uses
  * {@link Schema.implicitScalarAnyFirstChar}
  * (resolvers that declared no first-char constraint, so they apply to any
  * first character).
  */
  implicitScalarByFirstChar;
  implicitScalarAnyFirstChar;
  /**
  * The default scalar tag (`!!str`), resolved once so the composer's fallback
  * for unresolved plain scalars avoids a keyed lookup per scalar.
  *
  * @internal
  */
  defaultScalarTag;
  /**
  * The default container tags (`!!seq` / `!!map`), used by the dumper: when a
  * value is identified by its default tag, the tag is implicit and not
  * printed. Undefined if the schema does not define them (then such values
  * can't be dumped).
  *
  * @internal
  */
  defaultSequenceTag;
  /** @internal */
  defaultMappingTag;
  exact;
  prefix;
  constructor(tags) {
    const compiledTags = compileTags(tags);
    const implicitScalarTags = [];
    const exact = createTagDefinitionMap();
    const prefix = createTagDefinitionListMap();
    for (const tag of compiledTags) {
      if (tag.nodeKind === "scalar" && tag.implicit) {
        if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
        implicitScalarTags.push(tag);
      }
      switch (tag.nodeKind) {
        case "scalar":
          if (tag.matchByTagPrefix) prefix.scalar.push(tag);
          else exact.scalar[tag.tagName] = tag;
          break;
        case "sequence":
          if (tag.matchByTagPrefix) prefix.sequence.push(tag);
          else exact.sequence[tag.tagName] = tag;
          break;
        case "mapping":
          if (tag.matchByTagPrefix) prefix.mapping.push(tag);
          else exact.mapping[tag.tagName] = tag;
      }
    }
    const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
    const keys = /* @__PURE__ */ new Set();
    for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
    const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
    for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
    const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
    if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
    this.tags = compiledTags;
    this.implicitScalarTags = implicitScalarTags;
    this.implicitScalarByFirstChar = implicitScalarByFirstChar;
    this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
    this.defaultScalarTag = defaultScalarTag;
    this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
    this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
    this.exact = exact;
    this.prefix = prefix;
  }
  /** @internal */
  lookupScalarTag(tagName) {
    const exactTag = this.exact.scalar[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupSequenceTag(tagName) {
    const exactTag = this.exact.sequence[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupMappingTag(tagName) {
    const exactTag = this.exact.mapping[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  resolveImplicitScalarTag(source) {
    const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
    for (const tag2 of candidates) {
      const value = tag2.resolve(source, false, tag2.tagName);
      if (value !== NOT_RESOLVED) return {
        value,
        tag: tag2
      };
    }
    const tag = this.defaultScalarTag;
    return {
      value: tag.resolve(source, false, tag.tagName),
      tag
    };
  }
  /**
  * Creates a new schema with the specified tags added. If a tag already
  * exists, it is replaced by the specified tag.
  *
  * @example
  *
  * ```javascript
  * import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
  *
  * const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
  * ```
  */
  withTags(...tags) {
    let flatTags = [];
    for (const tag of tags) flatTags = flatTags.concat(tag);
    return new Schema2([...this.tags, ...flatTags]);
  }
};
var FAILSAFE_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag
]);
var JSON_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullJsonTag,
  boolJsonTag,
  intJsonTag,
  floatJsonTag
]);
var CORE_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullCoreTag,
  boolCoreTag,
  intCoreTag,
  floatCoreTag
]);
var YAML11_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  timestampTag,
  mergeTag,
  binaryTag,
  omapTag,
  pairsTag,
  setTag
]);
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
  ...intYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = intYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
  }
}, {
  ...floatYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
  }
});
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => /* @__PURE__ */ new Map(),
  addPair: (container, key, value) => {
    container.set(key, value);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: (container, key) => container.get(key),
  identify: (data) => data instanceof Map || isPlainObject(data),
  represent: (data) => {
    if (data instanceof Map) return data;
    const map = /* @__PURE__ */ new Map();
    const obj = data;
    for (const key of Object.keys(obj)) map.set(key, obj[key]);
    return map;
  }
});
function normalizeKey(key) {
  if (Array.isArray(key)) {
    const array = Array.prototype.slice.call(key);
    for (let index = 0; index < array.length; index++) {
      if (Array.isArray(array[index])) return null;
      if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
    }
    return String(array);
  }
  if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
  return String(key);
}
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    const normalizedKey = normalizeKey(key);
    if (normalizedKey === null) return "nested arrays are not supported inside keys";
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    const normalizedKey = normalizeKey(key);
    return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var DEFAULT_SNIPPET_OPTIONS = {
  maxLength: 79,
  indent: 1,
  linesBefore: 3,
  linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
  let head = "";
  let tail = "";
  const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
  if (position - lineStart > maxHalfLength) {
    head = " ... ";
    lineStart = position - maxHalfLength + head.length;
  }
  if (lineEnd - position > maxHalfLength) {
    tail = " ...";
    lineEnd = position + maxHalfLength - tail.length;
  }
  return {
    str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
    pos: position - lineStart + head.length
  };
}
function padStart(string, max) {
  return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
  if (!mark.buffer) return null;
  const opts = {
    ...DEFAULT_SNIPPET_OPTIONS,
    ...options
  };
  const re = /\r?\n|\r|\0/g;
  const lineStarts = [0];
  const lineEnds = [];
  let match;
  let foundLineNo = -1;
  while (match = re.exec(mark.buffer)) {
    lineEnds.push(match.index);
    lineStarts.push(match.index + match[0].length);
    if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
  }
  if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
  let result = "";
  const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
  const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
  for (let i = 1; i <= opts.linesBefore; i++) {
    if (foundLineNo - i < 0) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
    result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line2.str}
${result}`;
  }
  const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
  result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}
`;
  result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^
`;
  for (let i = 1; i <= opts.linesAfter; i++) {
    if (foundLineNo + i >= lineEnds.length) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
    result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line2.str}
`;
  }
  return result.replace(/\n$/, "");
}
function formatError(exception, compact) {
  let where = "";
  if (!exception.mark) return exception.reason;
  if (exception.mark.name) where += `in "${exception.mark.name}" `;
  where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
  if (!compact && exception.mark.snippet) where += `

${exception.mark.snippet}`;
  return `${exception.reason} ${where}`;
}
var YAMLException = class YAMLException2 extends Error {
  reason;
  mark;
  /**
  * Optional `mark` contains source snippet data. Usually, use
  * {@link YAMLException.throwAt} instead of passing it directly.
  */
  constructor(reason, mark) {
    super();
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
  }
  /**
  * Returns the formatted error, omitting the source snippet in compact mode.
  */
  toString(compact) {
    return `${this.name}: ${formatError(this, compact)}`;
  }
  /**
  * Builds a YAMLException with a source snippet and throws it. `source` is
  * the raw input text; `position` is an offset into it.
  */
  static throwAt(source, position, message, filename = "") {
    let line = 0;
    let lineStart = 0;
    for (let index = 0; index < position; index++) {
      const ch = source.charCodeAt(index);
      if (ch === 10) {
        line++;
        lineStart = index + 1;
      } else if (ch === 13) {
        line++;
        if (source.charCodeAt(index + 1) === 10) index++;
        lineStart = index + 1;
      }
    }
    const mark = {
      name: filename,
      buffer: source,
      position,
      line,
      column: position - lineStart
    };
    mark.snippet = makeSnippet(mark);
    throw new YAMLException2(message, mark);
  }
};
var EVENT_ID = {
  DOCUMENT: 1,
  SEQUENCE: 2,
  MAPPING: 3,
  SCALAR: 4,
  ALIAS: 5,
  POP: 6
};
var SCALAR_STYLE = {
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL_BLOCK: 4,
  FOLDED_BLOCK: 5
};
var COLLECTION_STYLE = {
  BLOCK: 1,
  FLOW: 2
};
var CHOMPING_MODE = {
  CLIP: 1,
  STRIP: 2,
  KEEP: 3
};
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
  switch (c) {
    case 48:
      return "\0";
    case 97:
      return "\x07";
    case 98:
      return "\b";
    case 116:
      return "	";
    case 9:
      return "	";
    case 110:
      return "\n";
    case 118:
      return "\v";
    case 102:
      return "\f";
    case 114:
      return "\r";
    case 101:
      return "\x1B";
    case 32:
      return " ";
    case 34:
      return '"';
    case 47:
      return "/";
    case 92:
      return "\\";
    case 78:
      return "\x85";
    case 95:
      return "\xA0";
    case 76:
      return "\u2028";
    case 80:
      return "\u2029";
    default:
      return "";
  }
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
  simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
  simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
  if (c <= 65535) return String.fromCharCode(c);
  return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
  if (c >= 48 && c <= 57) return c - 48;
  return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  return 8;
}
function skipFoldedBreaks(input, position, end) {
  let breaks = 0;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10) {
      breaks++;
      position++;
    } else if (ch === 13) {
      breaks++;
      position++;
      if (input.charCodeAt(position) === 10) position++;
    } else if (ch === 32 || ch === 9) position++;
    else break;
  }
  return {
    position,
    breaks
  };
}
function foldedBreaks(count) {
  if (count === 1) return " ";
  return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 39) {
      result += input.slice(captureStart, position) + "'";
      position += 2;
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 92) {
      result += input.slice(captureStart, position);
      position++;
      const escaped = input.charCodeAt(position);
      if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
      else if (escaped < 256 && simpleEscapeCheck[escaped]) {
        result += simpleEscapeMap[escaped];
        position++;
      } else {
        let hexLength = escapedHexLen$1(escaped);
        let hexResult = 0;
        for (; hexLength > 0; hexLength--) {
          position++;
          const digit = fromHexCode$1(input.charCodeAt(position));
          hexResult = (hexResult << 4) + digit;
        }
        result += charFromCodepoint(hexResult);
        position++;
      }
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
  const textIndent = indent < 0 ? 0 : indent;
  const region = input.slice(start, end).replace(/\r\n?/g, "\n");
  const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
  let result = "";
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  for (const line of lines) {
    let column = 0;
    while (column < textIndent && line.charCodeAt(column) === 32) column++;
    if (indent < 0 || column >= line.length) {
      emptyLines++;
      continue;
    }
    const content = line.slice(textIndent);
    const first = content.charCodeAt(0);
    if (folded) {
      if (first === 32 || first === 9) {
        atMoreIndented = true;
        result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
      } else if (atMoreIndented) {
        atMoreIndented = false;
        result += "\n".repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += " ";
      } else result += "\n".repeat(emptyLines);
    } else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
    result += content;
    didReadContent = true;
    emptyLines = 0;
  }
  if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
  else if (chomping !== CHOMPING_MODE.STRIP) {
    if (didReadContent) result += "\n";
  }
  return result;
}
function getScalarValue(input, scalar) {
  if (scalar.valueStart === NO_RANGE$3) return "";
  const { valueStart, valueEnd } = scalar;
  if (scalar.fast) return input.slice(valueStart, valueEnd);
  switch (scalar.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
      return getSingleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return getDoubleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.LITERAL_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
    case SCALAR_STYLE.FOLDED_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
    default:
      return getPlainValue(input, valueStart, valueEnd);
  }
}
var DEFAULT_TAG_HANDLERS = Object.assign(/* @__PURE__ */ Object.create(null), {
  "!": "!",
  "!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
function tagPercentDecode(source) {
  let result = "";
  let index = 0;
  while (index < source.length) {
    if (source.charCodeAt(index) !== 37) {
      result += source[index++];
      continue;
    }
    let ch = parseInt(source.slice(index + 1, index + 3), 16);
    index += 3;
    if (ch >= 192) {
      let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
      ch &= (1 << 6 - remaining) - 1;
      while (remaining-- > 0) {
        ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
        index += 3;
      }
    }
    if (ch < 65536) result += String.fromCharCode(ch);
    else {
      ch -= 65536;
      result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
    }
  }
  return result;
}
function tagNameFull(rawTag, tagHandlers) {
  if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
  const handleEnd = rawTag.indexOf("!", 1);
  const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
  return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
  filename: "",
  schema: CORE_SCHEMA,
  json: false,
  maxTotalMergeKeys: 1e4,
  maxAliases: -1
};
function eventPosition$1(event) {
  if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
  if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
  if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
  if ("start" in event) return event.start;
  return 0;
}
function throwError$1(state, message) {
  YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
  try {
    return tag.finalize(carrier);
  } catch (error) {
    if (error instanceof YAMLException) throw error;
    YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
  }
}
function constructScalar(state, event) {
  const source = getScalarValue(state.source, event);
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  const strTag2 = state.schema.defaultScalarTag;
  if (rawTag !== "") {
    if (rawTag === "!") return {
      value: source,
      tag: strTag2
    };
    const tagName = tagNameFull(rawTag, state.tagHandlers);
    const scalarTag = state.schema.lookupScalarTag(tagName);
    if (scalarTag) {
      const result = scalarTag.resolve(source, true, tagName);
      if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      return {
        value: result,
        tag: scalarTag
      };
    }
    const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
    if (collectionTagDef) {
      if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      const carrier = collectionTagDef.create(tagName);
      return {
        value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
        tag: collectionTagDef
      };
    }
    throwError$1(state, `unknown scalar tag !<${tagName}>`);
  }
  if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
  return {
    value: strTag2.resolve(source, false, strTag2.tagName),
    tag: strTag2
  };
}
function collectionTagName(state, event, defaultTagName) {
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
  return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
  state.totalMergeKeys++;
  if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
  chargeMergeWork(state);
  for (const sourceKey of sourceTag.keys(source)) {
    chargeMergeWork(state);
    if (frame.tag.has(frame.value, sourceKey)) continue;
    const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
    if (err) throwError$1(state, err);
    frame.overridable ??= /* @__PURE__ */ new Set();
    frame.overridable.add(sourceKey);
  }
}
function mergeSource(state, frame, source, sourceTag) {
  state.position = frame.keyPosition;
  if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
  else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
    if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
    for (const element of source) {
      const elementTag = state.nodeTags.get(element);
      if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
      mergeKeys(state, frame, element, elementTag);
    }
  } else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
  state.position = frame.keyPosition;
  if (frame.keyIsMerge) {
    mergeSource(state, frame, value, tag);
    return;
  }
  if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
  const err = frame.tag.addPair(frame.value, key, value);
  if (err) throwError$1(state, err);
  frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
  const frame = state.frames[state.frames.length - 1];
  if (frame.kind === "document") {
    frame.value = value;
    frame.hasValue = true;
  } else if (frame.kind === "sequence") {
    if (isMappingTag(tag)) state.nodeTags.set(value, tag);
    const err = frame.tag.addItem(frame.value, value, frame.index++);
    if (err) throwError$1(state, err);
  } else if (frame.hasKey) {
    const key = frame.key;
    frame.key = void 0;
    frame.hasKey = false;
    addMappingValue(state, frame, key, value, tag);
  } else {
    frame.key = value;
    frame.keyPosition = state.position;
    frame.hasKey = true;
    frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
  }
}
function storeAnchor(state, event, value, tag, isValueFinal) {
  if (event.anchorStart !== NO_RANGE$2) {
    const anchor = {
      value,
      tag,
      isValueFinal
    };
    state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
    return anchor;
  }
  return null;
}
function constructFromEvents(events, options) {
  const state = {
    ...DEFAULT_CONSTRUCTOR_OPTIONS,
    ...options,
    events,
    documents: [],
    eventIndex: 0,
    position: 0,
    frames: [],
    anchors: /* @__PURE__ */ new Map(),
    nodeTags: /* @__PURE__ */ new Map(),
    tagHandlers: /* @__PURE__ */ Object.create(null),
    totalMergeKeys: 0,
    aliasCount: 0
  };
  while (state.eventIndex < state.events.length) {
    const event = state.events[state.eventIndex++];
    state.position = eventPosition$1(event);
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        state.anchors = /* @__PURE__ */ new Map();
        state.nodeTags = /* @__PURE__ */ new Map();
        state.aliasCount = 0;
        state.tagHandlers = /* @__PURE__ */ Object.create(null);
        for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
        state.frames.push({
          kind: "document",
          position: state.position,
          value: void 0,
          hasValue: false
        });
        break;
      case EVENT_ID.SCALAR: {
        const { value, tag } = constructScalar(state, event);
        storeAnchor(state, event, value, tag, true);
        addValue(state, value, tag);
        break;
      }
      case EVENT_ID.SEQUENCE: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
        const tag = state.schema.lookupSequenceTag(tagName);
        if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "sequence",
          position: state.position,
          value,
          tag,
          anchor,
          index: 0
        });
        break;
      }
      case EVENT_ID.MAPPING: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
        const tag = state.schema.lookupMappingTag(tagName);
        if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "mapping",
          position: state.position,
          value,
          tag,
          anchor,
          key: void 0,
          keyPosition: state.position,
          hasKey: false,
          keyIsMerge: false,
          overridable: null
        });
        break;
      }
      case EVENT_ID.ALIAS: {
        if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
        const name = state.source.slice(event.anchorStart, event.anchorEnd);
        const anchor = state.anchors.get(name);
        if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
        if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
        addValue(state, anchor.value, anchor.tag);
        break;
      }
      case EVENT_ID.POP: {
        const frame = state.frames.pop();
        if (frame.kind === "mapping" && frame.hasKey) {
          state.position = frame.keyPosition;
          throwError$1(state, "incomplete mapping pair in event stream");
        }
        if (frame.kind === "document") state.documents.push(frame.value);
        else {
          const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
          if (frame.anchor) {
            frame.anchor.value = value;
            frame.anchor.isValueFinal = true;
          }
          addValue(state, value, frame.tag);
        }
        break;
      }
    }
  }
  return state.documents;
}
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
  filename: "",
  maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
  state.events.push({
    type: EVENT_ID.DOCUMENT,
    explicitStart,
    explicitEnd,
    directives: state.directives
  });
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.SEQUENCE,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.MAPPING,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function insertFlowPairMappingEvent(state, snapshot) {
  state.events.splice(snapshot.eventsLength, 0, {
    type: EVENT_ID.MAPPING,
    start: snapshot.position,
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1,
    style: COLLECTION_STYLE.FLOW
  });
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
  state.events.push({
    type: EVENT_ID.SCALAR,
    valueStart,
    valueEnd,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style,
    chomping,
    indent,
    fast
  });
}
function addAliasEvent(state, anchorStart, anchorEnd) {
  state.events.push({
    type: EVENT_ID.ALIAS,
    anchorStart,
    anchorEnd
  });
}
function addPopEvent(state) {
  state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
  addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
  return {
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1
  };
}
function snapshotState(state) {
  return {
    position: state.position,
    line: state.line,
    lineStart: state.lineStart,
    lineIndent: state.lineIndent,
    firstTabInLine: state.firstTabInLine,
    eventsLength: state.events.length
  };
}
function restoreState(state, snapshot) {
  state.position = snapshot.position;
  state.line = snapshot.line;
  state.lineStart = snapshot.lineStart;
  state.lineIndent = snapshot.lineIndent;
  state.firstTabInLine = snapshot.firstTabInLine;
  state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
  YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
  return c === 10 || c === 13;
}
function isWhiteSpace(c) {
  return c === 9 || c === 32;
}
function isWsOrEol(c) {
  return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
  return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}
function escapedHexLen(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  if (c === 85) return 8;
  return 0;
}
function isSimpleEscape(c) {
  return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
  if (state.input.charCodeAt(state.position) === 10) state.position++;
  else {
    state.position++;
    if (state.input.charCodeAt(state.position) === 10) state.position++;
  }
  state.line++;
  state.lineStart = state.position;
  state.lineIndent = 0;
  state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
  let lineBreaks = 0;
  let ch = state.input.charCodeAt(state.position);
  let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
  while (ch !== 0) {
    while (isWhiteSpace(ch)) {
      hasSeparation = true;
      if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
      ch = state.input.charCodeAt(++state.position);
    }
    if (allowComments && hasSeparation && ch === 35) do
      ch = state.input.charCodeAt(++state.position);
    while (!isEol(ch) && ch !== 0);
    if (!isEol(ch)) break;
    consumeLineBreak(state);
    lineBreaks++;
    hasSeparation = true;
    ch = state.input.charCodeAt(state.position);
    while (ch === 32) {
      state.lineIndent++;
      ch = state.input.charCodeAt(++state.position);
    }
  }
  return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
  const ch = state.input.charCodeAt(position);
  if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
    const following = state.input.charCodeAt(position + 3);
    return following === 0 || isWsOrEol(following);
  }
  return false;
}
function skipByteOrderMark(state) {
  if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
    state.position++;
    state.lineStart = state.position;
  }
}
function testDocumentBoundary(state) {
  if (state.position !== state.lineStart) return false;
  if (testDocumentSeparator(state)) return true;
  if (state.input.charCodeAt(state.position) !== 65279) return false;
  const snapshot = snapshotState(state);
  skipByteOrderMark(state);
  skipSeparationSpace(state, true);
  const ch = state.input.charCodeAt(state.position);
  const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
  restoreState(state, snapshot);
  return result;
}
function skipUntilLineEnd(state) {
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
  const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
  if (match !== null) {
    state.position = start + match.index + match[0].length - 1;
    throwError(state, "the stream contains non-printable characters");
  }
}
function readTagProperty(state, props, inFlow) {
  if (state.input.charCodeAt(state.position) !== 33) return false;
  if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
  const start = state.position;
  let isVerbatim = false;
  let isNamed = false;
  let tagHandle = "!";
  let ch = state.input.charCodeAt(++state.position);
  if (ch === 60) {
    isVerbatim = true;
    ch = state.input.charCodeAt(++state.position);
  } else if (ch === 33) {
    isNamed = true;
    tagHandle = "!!";
    ch = state.input.charCodeAt(++state.position);
  }
  let suffixStart = state.position;
  let tagName;
  if (isVerbatim) {
    while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
    if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
    tagName = state.input.slice(suffixStart, state.position);
    state.position++;
  } else {
    while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
      if (ch === 33) {
        if (!isNamed) {
          tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
          if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
          isNamed = true;
          suffixStart = state.position + 1;
        } else throwError(state, "tag suffix cannot contain exclamation marks");
      }
      ch = state.input.charCodeAt(++state.position);
    }
    tagName = state.input.slice(suffixStart, state.position);
    if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
  }
  if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
  if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
  props.tagStart = start;
  props.tagEnd = state.position;
  return true;
}
function readAnchorProperty(state, props) {
  if (state.input.charCodeAt(state.position) !== 38) return false;
  if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
  props.anchorStart = start;
  props.anchorEnd = state.position;
  return true;
}
function readAlias(state, props) {
  if (state.input.charCodeAt(state.position) !== 42) return false;
  if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
  addAliasEvent(state, start, state.position);
  return true;
}
function readFlowScalarBreak(state, nodeIndent) {
  skipSeparationSpace(state, false);
  if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 39) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 39) {
      if (state.input.charCodeAt(state.position + 1) === 39) {
        simple = false;
        state.position += 2;
        continue;
      }
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 34) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 34) {
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (ch === 92) {
      simple = false;
      const escaped = state.input.charCodeAt(++state.position);
      if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
      else if (isSimpleEscape(escaped)) state.position++;
      else {
        let hexLength = escapedHexLen(escaped);
        if (hexLength === 0) throwError(state, "unknown escape sequence");
        while (hexLength-- > 0) {
          state.position++;
          if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
        }
        state.position++;
      }
    } else if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  let chomping = CHOMPING_MODE.CLIP;
  let indent = -1;
  let detectedIndent = false;
  if (ch !== 124 && ch !== 62) return false;
  const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    const current = state.input.charCodeAt(state.position);
    const digit = fromDecimalCode(current);
    if (current === 43 || current === 45) {
      if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
      chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
      state.position++;
    } else if (digit >= 0) {
      if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
      if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
      indent = parentIndent + digit - 1;
      detectedIndent = true;
      state.position++;
    } else break;
  }
  let hadWhitespace = false;
  while (isWhiteSpace(state.input.charCodeAt(state.position))) {
    hadWhitespace = true;
    state.position++;
  }
  if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
  let contentIndent = detectedIndent ? indent : -1;
  let maxLeadingIndent = 0;
  const valueStart = state.position;
  let valueEnd = state.position;
  while (state.input.charCodeAt(state.position) !== 0) {
    const linePosition = state.position;
    let column = 0;
    while (state.input.charCodeAt(linePosition + column) === 32) column++;
    const first = state.input.charCodeAt(linePosition + column);
    if (first === 0) {
      if (contentIndent >= 0) {
        if (column > contentIndent) valueEnd = linePosition + column;
      } else if (column > 0) valueEnd = linePosition + column;
      break;
    }
    if (testDocumentBoundary(state)) break;
    if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
    if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
      if (first === 9 && column < parentIndent) {
        state.position = linePosition + column;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (column >= parentIndent && column < maxLeadingIndent) {
        state.position = linePosition + column;
        throwError(state, "bad indentation of a mapping entry");
      }
    }
    if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
    const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
    if (first !== 0 && !isEol(first) && column < requiredIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    skipUntilLineEnd(state);
    valueEnd = state.position;
    if (isEol(state.input.charCodeAt(state.position))) {
      consumeLineBreak(state);
      valueEnd = state.position;
    }
  }
  checkPrintable(state, valueStart, valueEnd);
  addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
  return true;
}
function canStartPlainScalar(state, nodeContext) {
  const ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
  if (ch === 63 || ch === 45) {
    const following = state.input.charCodeAt(state.position + 1);
    if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
  }
  return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
  if (!canStartPlainScalar(state, nodeContext)) return false;
  const start = state.position;
  let end = state.position;
  let ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  let multiline = false;
  while (ch !== 0) {
    if (testDocumentBoundary(state)) break;
    if (ch === 58) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
    } else if (ch === 35) {
      if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
    } else if (inFlow && isFlowIndicator(ch)) break;
    else if (isEol(ch)) {
      const savedPosition = state.position;
      const savedLine = state.line;
      const savedLineStart = state.lineStart;
      const savedLineIndent = state.lineIndent;
      skipSeparationSpace(state, false);
      if (state.lineIndent >= nodeIndent) {
        multiline = true;
        ch = state.input.charCodeAt(state.position);
        continue;
      }
      state.position = savedPosition;
      state.line = savedLine;
      state.lineStart = savedLineStart;
      state.lineIndent = savedLineIndent;
      break;
    }
    if (!isWhiteSpace(ch)) end = state.position + 1;
    ch = state.input.charCodeAt(++state.position);
  }
  if (end === start) return false;
  checkPrintable(state, start, end);
  addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
  return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
  const startLine = state.line;
  skipSeparationSpace(state, true);
  if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  const isMapping = ch === 123;
  const start = state.position;
  let readNext = true;
  if (ch !== 91 && ch !== 123) return false;
  const terminator = isMapping ? 125 : 93;
  if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    skipFlowSeparationSpace(state, nodeIndent);
    let ch2 = state.input.charCodeAt(state.position);
    if (ch2 === terminator) {
      state.position++;
      addPopEvent(state);
      return true;
    } else if (!readNext) throwError(state, "missed comma between flow collection entries");
    else if (ch2 === 44) throwError(state, "expected the node content, but found ','");
    let isPair = false;
    let isExplicitPair = false;
    if (ch2 === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
      isPair = isExplicitPair = true;
      state.position += 1;
      skipFlowSeparationSpace(state, nodeIndent);
    }
    const entryLine = state.line;
    const entryStart = snapshotState(state);
    const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
    skipFlowSeparationSpace(state, nodeIndent);
    ch2 = state.input.charCodeAt(state.position);
    if ((isMapping || isExplicitPair || state.line === entryLine) && ch2 === 58) {
      isPair = true;
      state.position++;
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) {
        insertFlowPairMappingEvent(state, entryStart);
        if (!keyWasRead) addEmptyScalarEvent(state);
      } else if (!keyWasRead) addEmptyScalarEvent(state);
      if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) addPopEvent(state);
    } else if (isMapping && isPair) {
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
    } else if (isMapping) addEmptyScalarEvent(state);
    else if (isPair) {
      insertFlowPairMappingEvent(state, entryStart);
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
      addPopEvent(state);
    }
    ch2 = state.input.charCodeAt(state.position);
    if (ch2 === 44) {
      readNext = true;
      state.position++;
    } else readNext = false;
  }
  throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
  if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
  addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
  while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
    if (state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const entryLine = state.line;
    state.position++;
    const hadBreak = skipSeparationSpace(state, true) > 0;
    if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
    if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
    else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
    skipSeparationSpace(state, true);
    if (state.lineIndent < nodeIndent || state.position >= state.length) break;
    if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
    if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
  }
  addPopEvent(state);
  return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
  let atExplicitKey = false;
  let detected = false;
  let mappingOpened = false;
  let pendingExplicitKey = false;
  if (state.firstTabInLine !== -1) return false;
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0) {
    if (!atExplicitKey && state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const following = state.input.charCodeAt(state.position + 1);
    const entryLine = state.line;
    if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
      if (!mappingOpened) {
        addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
        mappingOpened = true;
      }
      if (ch === 63) {
        if (atExplicitKey) addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = true;
      } else if (atExplicitKey) atExplicitKey = false;
      else {
        addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = false;
      }
      state.position += 1;
      pendingExplicitKey = true;
    } else {
      if (atExplicitKey) {
        addEmptyScalarEvent(state);
        atExplicitKey = false;
      }
      const beforeKey = snapshotState(state);
      if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
      if (state.line === entryLine) {
        ch = state.input.charCodeAt(state.position);
        while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
        if (ch === 58) {
          ch = state.input.charCodeAt(++state.position);
          if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
          if (!mappingOpened) {
            state.events.splice(beforeKey.eventsLength, 0, {
              type: EVENT_ID.MAPPING,
              start: beforeKey.position,
              anchorStart: props.anchorStart,
              anchorEnd: props.anchorEnd,
              tagStart: props.tagStart,
              tagEnd: props.tagEnd,
              style: COLLECTION_STYLE.BLOCK
            });
            mappingOpened = true;
          }
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
        } else if (detected) throwError(state, "expected ':' after a mapping key");
        else {
          if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
            restoreState(state, beforeKey);
            return false;
          }
          return true;
        }
      } else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
      else {
        if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
          restoreState(state, beforeKey);
          return false;
        }
        return true;
      }
    }
    if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
    if (!atExplicitKey) {
      if (pendingExplicitKey) {
        addEmptyScalarEvent(state);
        pendingExplicitKey = false;
      }
    }
    skipSeparationSpace(state, true);
    ch = state.input.charCodeAt(state.position);
    if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
    else if (state.lineIndent < nodeIndent) break;
  }
  if (!detected) return false;
  if (atExplicitKey) addEmptyScalarEvent(state);
  if (mappingOpened) addPopEvent(state);
  return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
  if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
  state.depth++;
  let indentStatus = 1;
  let atNewLine = false;
  let hasContent = false;
  let propertyStart = null;
  const props = emptyProperties();
  let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
  let allowBlockCollections = allowBlockScalars;
  const allowBlockStyles = allowBlockScalars;
  if (allowToSeek && skipSeparationSpace(state, true)) {
    atNewLine = true;
    if (state.lineIndent > parentIndent) indentStatus = 1;
    else if (state.lineIndent === parentIndent) indentStatus = 0;
    else indentStatus = -1;
  }
  if (indentStatus === 1) while (true) {
    const ch = state.input.charCodeAt(state.position);
    const propertyState = snapshotState(state);
    if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
    if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
      const fallbackState = snapshotState(state);
      const flowIndent = parentIndent + 1;
      if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
        state.depth--;
        return true;
      }
      restoreState(state, fallbackState);
    }
    if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
    if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
    if (propertyStart === null) propertyStart = propertyState;
    if (skipSeparationSpace(state, true)) {
      atNewLine = true;
      allowBlockCollections = allowBlockStyles;
      if (state.lineIndent > parentIndent) indentStatus = 1;
      else if (state.lineIndent === parentIndent) indentStatus = 0;
      else indentStatus = -1;
    } else allowBlockCollections = false;
  }
  if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
  if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
    const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
    const blockIndent = state.position - state.lineStart;
    if (indentStatus === 1) {
      if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
      else {
        const ch = state.input.charCodeAt(state.position);
        if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
          const fallbackState = snapshotState(state);
          const propertyIndent = propertyStart.position - propertyStart.lineStart;
          restoreState(state, propertyStart);
          if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
          else restoreState(state, fallbackState);
        }
        if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
      }
    } else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
  }
  allowBlockScalars = allowBlockScalars && !hasContent;
  if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
    addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
    hasContent = true;
  }
  state.depth--;
  return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
  if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
  state.position++;
  const nameStart = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
  const name = state.input.slice(nameStart, state.position);
  const args = [];
  if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
  while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
    while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
    if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
    const start = state.position;
    while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
    args.push(state.input.slice(start, state.position));
  }
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  if (name === "YAML") {
    if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
    if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
    const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
    if (match === null) throwError(state, "ill-formed argument of the YAML directive");
    if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
    state.directives.push({
      kind: "yaml",
      version: args[0]
    });
  } else if (name === "TAG") {
    if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
    const [handle, prefix] = args;
    if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
    if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
    if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
    state.tagHandlers[handle] = prefix;
    state.directives.push({
      kind: "tag",
      handle,
      prefix
    });
  }
  return true;
}
function readDocument(state) {
  state.directives = [];
  state.tagHandlers = /* @__PURE__ */ Object.create(null);
  let hasDirectives = false;
  skipSeparationSpace(state, true);
  while (readDirective(state)) {
    hasDirectives = true;
    skipSeparationSpace(state, true);
  }
  let explicitStart = false;
  let explicitEnd = false;
  let allowCompact = true;
  if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
    explicitStart = true;
    const markerLine = state.line;
    state.position += 3;
    skipSeparationSpace(state, true);
    allowCompact = state.line > markerLine;
  } else if (hasDirectives) throwError(state, "directives end mark is expected");
  const documentEventIndex = state.events.length;
  if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
    state.position += 3;
    skipSeparationSpace(state, true);
    return;
  }
  addDocumentEvent(state, explicitStart, false);
  if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
  skipSeparationSpace(state, true);
  if (state.position === state.lineStart && testDocumentSeparator(state)) {
    explicitEnd = state.input.charCodeAt(state.position) === 46;
    if (explicitEnd) {
      const markerLine = state.line;
      state.position += 3;
      skipSeparationSpace(state, true);
      if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
    }
  }
  const documentEvent = state.events[documentEventIndex];
  if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
  addPopEvent(state);
  if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
function parseEvents(input, options) {
  const length = input.length;
  const state = {
    ...DEFAULT_PARSER_OPTIONS,
    ...options,
    input: `${input}\0`,
    length,
    position: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTabInLine: -1,
    depth: 0,
    directives: [],
    tagHandlers: /* @__PURE__ */ Object.create(null),
    events: []
  };
  const nullpos = input.indexOf("\0");
  if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
  while (state.position < state.length) {
    skipByteOrderMark(state);
    skipSeparationSpace(state, true);
    if (state.position >= state.length) break;
    const documentStart = state.position;
    readDocument(state);
    if (state.position === documentStart)
      throwError(state, "can not read a document");
  }
  return state.events;
}
var DEFAULT_LOAD_OPTIONS = {
  ...DEFAULT_PARSER_OPTIONS,
  ...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
  const opts = {
    ...DEFAULT_LOAD_OPTIONS,
    ...options
  };
  const source = String(input);
  const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
  const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
  return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
    ...pick(opts, CONSTRUCTOR_OPT_KEYS),
    source
  });
}
function load(input, options) {
  const documents = loadDocuments(input, options);
  if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
  if (documents.length === 1) return documents[0];
  throw new YAMLException("expected a single document in the stream, but found more");
}
function hasBit(mask, bit) {
  return (mask & 1 << bit) !== 0;
}
var DEFAULT_SCALAR_STYLE_RULES = {
  applyQuoteFlowKeysOption,
  doubleQuoteForInvisibles,
  doubleQuoteWhitespaceOnly,
  applyForceQuotesOption,
  tryLongOrMultilineAsBlock,
  quoteInvalidPlain,
  fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
  if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
  return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
  if (!layout.presenterOptions.quoteFlowKeys) return;
  if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
  layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
  if (!layout.presenterOptions.forceQuotes) return;
  if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
  if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
  layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
  const value = layout.node.value;
  const multiline = value.indexOf("\n") !== -1;
  if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
    if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
    return;
  }
  const w = layout.presenterOptions.lineWidth;
  if (w === -1) {
    if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
    return;
  }
  const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
  let position = 0;
  let shouldFold = false;
  while (position <= value.length) {
    let lineEnd = value.length;
    const nextLineBreak = value.indexOf("\n", position);
    if (nextLineBreak !== -1) lineEnd = nextLineBreak;
    const line = value.slice(position, lineEnd);
    if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
    if (nextLineBreak === -1) break;
    position = nextLineBreak + 1;
  }
  if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
  else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
  if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var DEFAULT_PRESENTER_OPTIONS = {
  indent: 2,
  seqNoIndent: false,
  seqInlineFirst: true,
  lineWidth: 80,
  flowBracketPadding: false,
  flowSkipCommaSpace: false,
  flowSkipColonSpace: false,
  quoteFlowKeys: false,
  quoteStyle: "single",
  forceQuotes: false,
  scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
  tagBeforeAnchor: false
};
var DEFAULT_DUMP_OPTIONS = {
  ...DEFAULT_PRESENTER_OPTIONS,
  schema: DUMP_SCHEMA,
  skipInvalid: false,
  noRefs: false,
  flowLevel: -1,
  sortKeys: false,
  transform: () => {
  }
};
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
var EVENT_MAPPING = EVENT_ID.MAPPING;
var EVENT_SCALAR = EVENT_ID.SCALAR;
var EVENT_ALIAS = EVENT_ID.ALIAS;
var EVENT_POP = EVENT_ID.POP;
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;

// engine/compiler/syntax/metadata.ts
function findMetadataBlocks(comments) {
  const blocks = [];
  let current = null;
  let prevLine = -1;
  const flush = () => {
    if (current) blocks.push({ loc: current.loc, yaml: current.lines.join(""), endLine: current.endLine });
    current = null;
  };
  for (const c of comments) {
    if (current && c.loc.line === prevLine + 1 && c.loc.col === 1) {
      current.lines.push(`${c.text.startsWith(" ") ? c.text.slice(1) : c.text}
`);
      current.endLine = c.loc.line;
      prevLine = c.loc.line;
      continue;
    }
    flush();
    if (c.text.trim().startsWith("METADATA")) current = { loc: c.loc, lines: [], endLine: c.loc.line };
    prevLine = c.loc.line;
  }
  flush();
  return blocks;
}
var SCOPES = ["rule", "document", "package", "subpackages"];
function parseMetadataBlock(block) {
  const fail = (message) => ({ ok: false, error: { code: "rego_parse_error", message, location: block.loc } });
  if (block.yaml.trim() === "") return fail("expected METADATA block, found whitespace");
  let doc;
  try {
    doc = load(block.yaml);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] ?? e.message : String(e);
    return fail(`invalid METADATA block: ${reason}`);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return fail("invalid METADATA block: expected a YAML mapping");
  }
  const { scope, title, description, entrypoint, ...other } = doc;
  if (scope !== void 0 && typeof scope !== "string") return fail("invalid METADATA block: scope must be a string");
  if (title !== void 0 && typeof title !== "string") return fail("invalid METADATA block: title must be a string");
  if (description !== void 0 && typeof description !== "string") {
    return fail("invalid METADATA block: description must be a string");
  }
  if (entrypoint !== void 0 && typeof entrypoint !== "boolean") {
    return fail("invalid METADATA block: entrypoint must be a boolean");
  }
  const value = { scope: null, other, loc: block.loc };
  if (title !== void 0) value.title = title;
  if (description !== void 0) value.description = description;
  if (entrypoint !== void 0) value.entrypoint = entrypoint;
  return { ok: true, value, scope: scope ?? null };
}
function resolveScope(written, target, entrypoint) {
  if (written === null && target === null) {
    return { ok: false, message: "METADATA block is not followed by a package or rule" };
  }
  const scope = written ?? (target === "rule" ? "rule" : target === "package" ? "package" : target ?? "");
  const have = target ? ` (have ${target})` : "";
  if (!SCOPES.includes(scope)) {
    return {
      ok: false,
      message: `invalid annotation scope '${scope}'. Use one of 'rule', 'document', 'package', or 'subpackages'`
    };
  }
  const s2 = scope;
  if ((s2 === "rule" || s2 === "document") && target !== "rule") {
    return { ok: false, message: `annotation scope '${s2}' must be applied to rule${have}` };
  }
  if ((s2 === "package" || s2 === "subpackages") && target !== "package") {
    return { ok: false, message: `annotation scope '${s2}' must be applied to package${have}` };
  }
  if (entrypoint && s2 !== "rule" && s2 !== "package") {
    return { ok: false, message: `annotation entrypoint applied to non-rule or package scope '${s2}'` };
  }
  return { ok: true, scope: s2 };
}

// engine/compiler/syntax/literals.ts
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function decodeString(literal) {
  const inner = literal.slice(1, -1);
  if (!inner.includes("\\")) return { ok: true, value: inner };
  try {
    const value = JSON.parse(literal);
    if (typeof value === "string") return { ok: true, value: value.replace(LONE_SURROGATE, "\uFFFD") };
  } catch {
  }
  return { ok: false, reason: `illegal string literal: ${literal}` };
}
function decodeRawString(literal) {
  return literal.slice(1, -1);
}
var MAX_DECIMAL_EXPONENT = Math.floor(1e5 / Math.log2(10));
var numberShape = /^-?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
function checkNumber(text) {
  const m = numberShape.exec(text);
  if (!m) return { ok: false, reason: "invalid float" };
  const intPart = m[1] ?? "";
  const frac = m[2] ?? "";
  const exp = m[3] === void 0 ? 0 : Number(m[3]);
  const hasDecimalPrefix = intPart === "" && m[2] !== void 0;
  if (!hasDecimalPrefix && intPart.length > 1 && intPart[0] === "0") {
    return { ok: false, reason: "expected number without leading zero" };
  }
  const digits = intPart.replace(/^0+/, "");
  let decimalExponent;
  if (digits.length > 0) decimalExponent = digits.length - 1 + exp;
  else {
    const firstNonZero = frac.search(/[1-9]/);
    decimalExponent = firstNonZero < 0 ? null : -(firstNonZero + 1) + exp;
  }
  if (decimalExponent !== null && (!Number.isFinite(decimalExponent) || Math.abs(decimalExponent) > MAX_DECIMAL_EXPONENT)) {
    return { ok: false, reason: "number too big" };
  }
  const normalised = hasDecimalPrefix ? text.replace(".", "0.") : text;
  return { ok: true, value: normalised };
}

// engine/compiler/syntax/tokens.ts
var KEYWORDS = [
  "package",
  "import",
  "as",
  "default",
  "else",
  "not",
  "some",
  "with",
  "null",
  "true",
  "false",
  "in",
  "every",
  "contains",
  "if"
];
var keywordSet = new Set(KEYWORDS);
function isKeyword(word) {
  return keywordSet.has(word);
}
function tokenName(kind) {
  switch (kind) {
    case "ident":
      return "identifier";
    default:
      return kind;
  }
}
function tokenClass(kind) {
  return isKeyword(kind) ? "keyword" : "token";
}

// engine/compiler/syntax/parser-core.ts
var ParseFailure = class {
  constructor(error) {
    this.error = error;
  }
  error;
};
var ParserCore = class {
  constructor(file, text, tokens2, bodyLookahead = true) {
    this.file = file;
    this.text = text;
    this.tokens = tokens2;
    this.bodyLookahead = bodyLookahead;
  }
  file;
  text;
  tokens;
  bodyLookahead;
  pos = 0;
  /** End offset of the last consumed token, for the source text of rules. */
  prevEnd = 0;
  wildcards = 0;
  /** Current nesting of terms, bounded by the expression parser. */
  depth = 0;
  /** `not { … }` over a whole body: enabled by `import future.keywords.not` or `import rego.v2`. */
  notBody = false;
  // -------------------------------------------------------------------------------------------
  // Token plumbing
  cur() {
    return this.tokens[this.pos];
  }
  peek(n = 1) {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)];
  }
  advance() {
    this.prevEnd = this.cur().end;
    if (this.pos < this.tokens.length - 1) this.pos++;
    this.checkScanError();
  }
  /** A lexer error is reported as soon as the parser reaches the token, like OPA's scanner. */
  checkScanError() {
    const t = this.cur();
    if (t.kind === "illegal" && t.error !== void 0) this.fail(this.locOf(t), t.error);
  }
  mark() {
    return { pos: this.pos, prevEnd: this.prevEnd, wildcards: this.wildcards };
  }
  reset(m) {
    this.pos = m.pos;
    this.prevEnd = m.prevEnd;
    this.wildcards = m.wildcards;
  }
  /** The token's location; one object per token, shared by the nodes that start there. */
  locOf(t) {
    return t.loc ??= { file: this.file, line: t.line, col: t.col, offset: t.start };
  }
  get loc() {
    return this.locOf(this.cur());
  }
  fail(loc, message) {
    throw new ParseFailure({ code: "rego_parse_error", message, location: loc });
  }
  /** OPA's "unexpected <token> token[: note]" at the current token. */
  illegal(note = "") {
    const t = this.cur();
    if (t.kind === "illegal") this.fail(this.loc, "illegal token");
    const what = `unexpected ${tokenName(t.kind)} ${tokenClass(t.kind)}`;
    this.fail(this.loc, note ? `${what}: ${note}` : what);
  }
  expect(kind, note) {
    if (this.cur().kind !== kind) this.illegal(note);
    this.advance();
  }
  /** Try a parse; on a parse error, rewind and return null. */
  attempt(fn) {
    const m = this.mark();
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof ParseFailure)) throw e;
      this.reset(m);
      return null;
    }
  }
  /** The next token directly follows the current one (no whitespace): `a.b`, `f(x)`, `a[0]`. */
  adjacentNext(...kinds) {
    const next = this.peek();
    return !next.wsBefore && kinds.includes(next.kind);
  }
  /** A keyword immediately followed by `.` or `[` starts a ref (`else.x`), as OPA allows. */
  keywordStartsRef() {
    return isKeyword(this.cur().kind) && this.adjacentNext(".", "[");
  }
  newWildcard(loc) {
    return varTerm(`$wildcard${this.wildcards++}`, loc);
  }
  varFromToken() {
    const t = this.cur();
    const loc = this.locOf(t);
    this.advance();
    return t.text === "_" ? this.newWildcard(loc) : varTerm(t.text, loc);
  }
  textFrom(offset) {
    return this.text.slice(offset, this.prevEnd);
  }
};

// engine/compiler/syntax/expressions.ts
var RELATION_OPS = /* @__PURE__ */ new Set(["equal", "neq", "lt", "gt", "lte", "gte"]);
var ROOT_DOCUMENTS = /* @__PURE__ */ new Set(["data", "input"]);
var MAX_DEPTH = 300;
var ExpressionParser = class extends ParserCore {
  // -------------------------------------------------------------------------------------------
  // Bodies and expressions
  /** `{ … }` contents up to (not including) `end`. */
  parseBody(end) {
    return this.nested(() => this.parseQuery(false, end));
  }
  /**
   * Expressions separated by `;` or line breaks until `end`. With `requireSemi` (top-level
   * statements), only `;` continues the statement.
   */
  parseQuery(requireSemi, end) {
    if (this.cur().kind === end) this.fail(this.loc, "found empty body");
    const body2 = [];
    for (; ; ) {
      body2.push(this.parseLiteral());
      if (this.cur().kind === ";") {
        this.advance();
        continue;
      }
      if (this.cur().kind === end || requireSemi) return body2;
      if (!this.cur().nlBefore) this.illegal(`expected \\n or ; or ${tokenName(end)}`);
    }
  }
  parseLiteral() {
    const loc = this.loc;
    if (this.keywordStartsRef()) return this.parseLiteralExpr(false, loc);
    let negated = false;
    if (this.cur().kind === "not") {
      this.advance();
      negated = true;
    }
    switch (this.cur().kind) {
      case "some":
        if (negated) this.illegal("illegal negation of 'some'");
        return this.parseSome(loc);
      case "every":
        if (negated) this.illegal("illegal negation of 'every'");
        return this.parseEvery(loc);
      case "{":
        if (negated && this.notBody) return this.parseNotBody(loc);
    }
    return this.parseLiteralExpr(negated, loc);
  }
  parseLiteralExpr(negated, loc) {
    const node = this.parseExpr();
    const withs = this.cur().kind === "with" ? this.parseWith() : [];
    return { node, negated, with: withs, loc };
  }
  parseExpr() {
    const lhs = this.parseTermInfixCall();
    const t = this.cur();
    if (t.kind === "assign" || t.kind === "eq") {
      this.advance();
      const rhs = this.parseTermInfixCall();
      return { type: "term", term: builtinCall(t.kind, this.locOf(t), [lhs, rhs], lhs.loc) };
    }
    return { type: "term", term: lhs };
  }
  /**
   * `not { a; b }` (negation of a whole body). The AST has no node for it, so it is written as
   * the equivalent `not [true | a; b][0]`: the ref is defined exactly when the body has a
   * solution, and variables first bound inside stay local, as in the body.
   */
  parseNotBody(loc) {
    const braceLoc = this.loc;
    this.advance();
    const body2 = this.parseBody("}");
    this.advance();
    const compr = { type: "arraycomprehension", term: { type: "boolean", value: true, loc: braceLoc }, body: body2, loc: braceLoc };
    const term2 = refOf([compr, { type: "number", text: "0", loc: braceLoc }], braceLoc);
    const withs = this.cur().kind === "with" ? this.parseWith() : [];
    return { node: { type: "term", term: term2 }, negated: true, with: withs, loc };
  }
  parseWith() {
    const withs = [];
    while (this.cur().kind === "with") {
      const loc = this.loc;
      this.advance();
      if (this.cur().kind !== "ident") this.illegal("expected ident");
      const target = this.parseTerm();
      if (target.type !== "var" && target.type !== "ref") this.illegal("expected with target path");
      if (this.cur().kind !== "as") this.illegal("expected as keyword");
      this.advance();
      const value = this.parseTermInfixCall();
      withs.push({ target: target.type === "var" ? refOf([target], target.loc) : target, value, loc });
    }
    return withs;
  }
  parseSome(loc) {
    const m = this.mark();
    this.advance();
    const term2 = this.attempt(() => this.parseTermInfixCall());
    if (term2?.type === "call") {
      const op = operatorName(term2.operator);
      let node;
      if (op === "internal.member_2") {
        node = { type: "some-in", key: null, value: term2.args[0], collection: term2.args[1] };
      } else if (op === "internal.member_3") {
        node = {
          type: "some-in",
          key: term2.args[0],
          value: term2.args[1],
          collection: term2.args[2]
        };
      } else {
        this.illegal("expected `x in xs` or `x, y in xs` expression");
      }
      const withs = this.cur().kind === "with" ? this.parseWith() : [];
      return { node, negated: false, with: withs, loc };
    }
    this.reset(m);
    const vars = [];
    do {
      this.advance();
      if (this.cur().kind !== "ident") this.illegal("expected var");
      vars.push(this.varFromToken());
    } while (this.cur().kind === ",");
    return { node: { type: "some-decl", vars }, negated: false, with: [], loc };
  }
  parseEvery(loc) {
    this.advance();
    const term2 = this.parseTermInfixCall();
    const op = term2.type === "call" ? operatorName(term2.operator) : null;
    if (term2.type !== "call" || op !== "internal.member_2" && op !== "internal.member_3") {
      this.illegal("expected `x[, y] in xs { ... }` expression");
    }
    const withKey = op === "internal.member_3";
    const key = withKey ? term2.args[0] : null;
    const value = term2.args[withKey ? 1 : 0];
    const domain = term2.args[withKey ? 2 : 1];
    if (key && key.type !== "var") this.illegal("expected key to be a variable");
    if (value.type !== "var") this.illegal("expected value to be a variable");
    if (this.cur().kind !== "{") this.illegal("missing body");
    this.advance();
    const body2 = this.parseBody("}");
    this.advance();
    const withs = this.cur().kind === "with" ? this.parseWith() : [];
    return { node: { type: "every", key, value, domain, body: body2 }, negated: false, with: withs, loc };
  }
  // -------------------------------------------------------------------------------------------
  // Terms with operators (precedence climbing, one method per level)
  /** A term with operators, where `k, v in xs` is allowed (expression level). */
  parseTermInfixCall() {
    return this.parseTermIn(true);
  }
  /** A term with operators inside a list (`[a, b]`, `f(a, b)`): commas separate items. */
  parseTermInfixCallInList() {
    return this.parseTermIn(false);
  }
  parseTermIn(keyVal, lhsIn) {
    let lhs = lhsIn ?? this.parseTermRelation();
    for (; ; ) {
      if (keyVal && this.cur().kind === ",") {
        const left = lhs;
        const call2 = this.attempt(() => {
          this.advance();
          const mhs = this.parseTermRelation();
          if (this.cur().kind !== "in") this.illegal();
          const opLoc2 = this.loc;
          this.advance();
          const rhs2 = this.parseTermRelation();
          return builtinCall("internal.member_3", opLoc2, [left, mhs, rhs2], left.loc);
        });
        if (call2) {
          lhs = call2;
          if (this.cur().kind === "in") continue;
          return lhs;
        }
      }
      if (this.cur().kind !== "in") return lhs;
      const opLoc = this.loc;
      this.advance();
      const rhs = this.parseTermRelation();
      lhs = builtinCall("internal.member_2", opLoc, [lhs, rhs], lhs.loc);
      if (this.cur().kind !== "in") return lhs;
    }
  }
  parseTermRelation() {
    let lhs = this.parseTermOr();
    while (RELATION_OPS.has(this.cur().kind)) lhs = this.binary(lhs, () => this.parseTermOr());
    return lhs;
  }
  parseTermOr() {
    let lhs = this.parseTermAnd();
    while (this.cur().kind === "or") lhs = this.binary(lhs, () => this.parseTermAnd());
    return lhs;
  }
  parseTermAnd() {
    let lhs = this.parseTermArith();
    while (this.cur().kind === "and") lhs = this.binary(lhs, () => this.parseTermArith());
    return lhs;
  }
  parseTermArith() {
    let lhs = this.parseTermFactor();
    while (this.cur().kind === "plus" || this.cur().kind === "minus") lhs = this.binary(lhs, () => this.parseTermFactor());
    return lhs;
  }
  parseTermFactor() {
    let lhs = this.parseTerm();
    while (this.cur().kind === "mul" || this.cur().kind === "div" || this.cur().kind === "rem") {
      lhs = this.binary(lhs, () => this.parseTerm());
    }
    return lhs;
  }
  binary(lhs, operand) {
    const op = this.cur();
    this.advance();
    const rhs = operand();
    return builtinCall(op.kind, this.locOf(op), [lhs, rhs], lhs.loc);
  }
  // -------------------------------------------------------------------------------------------
  // Terms
  /**
   * One term with its ref/call suffixes. `keywordsAsVars` lets package and import paths start
   * with a keyword.
   */
  parseTerm(keywordsAsVars = false) {
    this.enter();
    try {
      return this.parseTermUnguarded(keywordsAsVars);
    } finally {
      this.depth--;
    }
  }
  enter() {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      this.fail(this.loc, "max parsing recursion depth exceeded");
    }
  }
  /** Nesting is bounded so that hostile input gets a parse error, not a stack overflow. */
  nested(fn) {
    this.enter();
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }
  parseTermUnguarded(keywordsAsVars) {
    const t = this.cur();
    const loc = this.loc;
    let term2;
    switch (t.kind) {
      case "null":
        this.advance();
        term2 = { type: "null", loc };
        break;
      case "true":
      case "false":
        this.advance();
        term2 = { type: "boolean", value: t.kind === "true", loc };
        break;
      case "number":
      case ".":
        term2 = this.parseNumber("");
        break;
      case "minus": {
        const next = this.peek();
        if (next.kind === "number" || next.kind === "." && this.peek(2).kind === "number") {
          this.advance();
          term2 = this.parseNumber("-", loc);
          break;
        }
        this.advance();
        const operand = this.parseTerm();
        return builtinCall("minus", loc, [{ type: "number", text: "0", loc }, operand], loc);
      }
      case "string": {
        this.advance();
        if (t.raw) term2 = { type: "string", value: decodeRawString(t.text), raw: true, loc };
        else {
          const decoded = decodeString(t.text);
          if (!decoded.ok) this.fail(loc, decoded.reason);
          term2 = { type: "string", value: decoded.value, raw: false, loc };
        }
        break;
      }
      case "ident":
      case "contains":
        term2 = this.varFromToken();
        break;
      case "[":
        term2 = this.parseArray();
        break;
      case "{":
        term2 = this.parseSetOrObject();
        break;
      case "(": {
        this.advance();
        const inner = this.parseTermInfixCall();
        if (this.cur().kind !== ")") this.fail(this.loc, "non-terminated expression");
        this.advance();
        term2 = inner;
        break;
      }
      default:
        if (isKeyword(t.kind) && (keywordsAsVars || this.keywordStartsRef())) {
          term2 = this.varFromToken();
          break;
        }
        this.illegal();
    }
    return this.parseTermFinish(term2);
  }
  parseTermFinish(head) {
    const t = this.cur();
    if (!t.wsBefore && (t.kind === "(" || t.kind === "." || t.kind === "[")) return this.parseRef(head);
    if (head.type === "var" && ROOT_DOCUMENTS.has(head.name)) return refOf([head], head.loc);
    return head;
  }
  parseNumber(sign, loc = this.loc) {
    let text = sign;
    if (this.cur().kind === ".") {
      text += ".";
      this.advance();
      if (this.cur().kind !== "number" || this.cur().wsBefore) this.illegal("expected number");
    }
    const checked = checkNumber(text + this.cur().text);
    if (!checked.ok) {
      if (checked.reason === "number too big") this.fail(this.loc, checked.reason);
      this.illegal(checked.reason);
    }
    this.advance();
    return { type: "number", text: checked.value, loc };
  }
  /** Ref and call suffixes after `head`: `.name`, `[term]`, `(args)`, all without whitespace. */
  parseRef(head) {
    const loc = head.loc;
    switch (head.type) {
      case "var":
      case "array":
      case "object":
      case "set":
      case "arraycomprehension":
      case "setcomprehension":
      case "objectcomprehension":
      case "call":
        break;
      default:
        this.fail(loc, `illegal ref (head cannot be ${head.type})`);
    }
    let terms = [head];
    for (let first = true; ; first = false) {
      const t = this.cur();
      if (!first && t.wsBefore) break;
      if (t.kind === ".") {
        this.advance();
        const name = this.cur();
        if (name.wsBefore) {
          const at = t.end;
          const pos = this.lineCol(at);
          this.fail({ file: this.file, line: pos.line, col: pos.col, offset: at }, "unexpected whitespace token: expected identifier");
        }
        if (name.kind !== "ident" && !isKeyword(name.kind)) this.illegal("expected identifier");
        terms.push({ type: "string", value: name.text, raw: false, loc: this.locOf(name) });
        this.advance();
      } else if (t.kind === "[") {
        this.advance();
        const index = this.parseTermInfixCall();
        if (this.cur().kind !== "]") this.illegal("expected ]");
        this.advance();
        terms.push(index);
      } else if (t.kind === "(") {
        const operator = refOf(terms, loc);
        const call2 = this.parseCall(operator, loc);
        const after = this.cur();
        if (after.wsBefore || after.kind !== "." && after.kind !== "[") return call2;
        terms = [call2];
      } else break;
    }
    return refOf(terms, loc);
  }
  lineCol(offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, col: offset - lineStart + 1 };
  }
  parseCall(operator, loc) {
    this.advance();
    if (this.cur().kind === ")") {
      this.advance();
      const only = operator.terms[0];
      if (operator.terms.length === 1 && only?.type === "var" && only.name === "set") return { type: "set", items: [], loc };
      return { type: "call", operator, args: [], loc };
    }
    const args = this.parseTermList(")", []);
    this.advance();
    return { type: "call", operator, args, loc };
  }
  /** Comma-separated terms up to `end` (not consumed); a trailing comma is allowed. */
  parseTermList(end, items) {
    if (this.cur().kind === end) return items;
    for (; ; ) {
      items.push(this.parseTermInfixCallInList());
      if (this.cur().kind === end) return items;
      if (this.cur().kind !== ",") this.illegal(`expected "," or "${end}"`);
      this.advance();
      if (this.cur().kind === end) return items;
    }
  }
  parseArray() {
    const loc = this.loc;
    this.advance();
    if (this.cur().kind === "]") {
      this.advance();
      return { type: "array", items: [], loc };
    }
    let potentialComprehension = true;
    if (this.cur().kind === ",") {
      potentialComprehension = false;
      this.advance();
    }
    const m = this.mark();
    const head = this.parseTerm();
    switch (this.cur().kind) {
      case "]":
        this.advance();
        return { type: "array", items: [head], loc };
      case ",": {
        this.advance();
        const items2 = this.parseTermList("]", [head]);
        this.advance();
        return { type: "array", items: items2, loc };
      }
      case "or":
        if (potentialComprehension) {
          const body2 = this.comprehensionBody("]");
          if (body2) return { type: "arraycomprehension", term: head, body: body2, loc };
        }
    }
    this.reset(m);
    const items = this.parseTermList("]", []);
    this.expect("]", `expected "," or "]"`);
    return { type: "array", items, loc };
  }
  /**
   * After the head of a possible comprehension, at `|`: the body up to `end`, consumed. If the
   * body does not parse but a comma follows, it was a collection after all (`[a | b, c]`): null.
   */
  comprehensionBody(end) {
    this.advance();
    try {
      const body2 = this.parseBody(end);
      this.advance();
      return body2;
    } catch (e) {
      if (e instanceof ParseFailure && this.cur().kind === ",") return null;
      throw e;
    }
  }
  parseSetOrObject() {
    const loc = this.loc;
    this.advance();
    if (this.cur().kind === "}") {
      this.advance();
      return { type: "object", items: [], loc };
    }
    let potentialComprehension = true;
    if (this.cur().kind === ",") {
      potentialComprehension = false;
      this.advance();
    }
    const m = this.mark();
    const head = this.parseTerm();
    switch (this.cur().kind) {
      case "or":
        if (potentialComprehension) return this.parseSet(m, head, true, loc);
        break;
      case "}":
      case ",":
        return this.parseSet(m, head, potentialComprehension, loc);
      case ":":
        return this.parseObject(head, potentialComprehension, loc);
    }
    this.reset(m);
    const key = this.parseTermInfixCallInList();
    switch (this.cur().kind) {
      case "}":
      case ",":
        return this.parseSet(m, key, false, loc);
      case ":":
        return this.parseObject(key, potentialComprehension, loc);
    }
    this.illegal("non-terminated set");
  }
  parseSet(m, head, potentialComprehension, loc) {
    switch (this.cur().kind) {
      case "}":
        this.advance();
        return { type: "set", items: [head], loc };
      case ",": {
        this.advance();
        const items = this.parseTermList("}", [head]);
        this.advance();
        return { type: "set", items, loc };
      }
      case "or": {
        if (potentialComprehension) {
          const body2 = this.comprehensionBody("}");
          if (body2) return { type: "setcomprehension", term: head, body: body2, loc };
        }
        this.reset(m);
        const items = this.parseTermList("}", []);
        this.expect("}", `expected "," or "}"`);
        return { type: "set", items, loc };
      }
    }
    this.illegal("non-terminated set");
  }
  parseObject(key, potentialComprehension, loc) {
    this.advance();
    const m = this.mark();
    const value = this.parseTerm();
    let potentialRelation = true;
    if (potentialComprehension) {
      const k = this.cur().kind;
      if (k === "}" || k === ",") potentialRelation = false;
      if (k === "}" || k === "," || k === "or") {
        const m2 = this.mark();
        const done = this.attempt(() => this.parseObjectFinish(key, value, true, loc));
        if (done) return done;
        this.reset(m2);
      }
    }
    this.reset(m);
    if (potentialRelation) {
      const v = this.parseTermInfixCallInList();
      if (this.cur().kind === "}" || this.cur().kind === ",") return this.parseObjectFinish(key, v, false, loc);
    }
    this.illegal("non-terminated object");
  }
  parseObjectFinish(key, value, potentialComprehension, loc) {
    switch (this.cur().kind) {
      case "}":
        this.advance();
        return { type: "object", items: [[key, value]], loc };
      case "or": {
        if (!potentialComprehension) this.illegal("non-terminated object");
        this.advance();
        const body2 = this.parseBody("}");
        this.advance();
        return { type: "objectcomprehension", key, value, body: body2, loc };
      }
      case ",": {
        this.advance();
        const items = [[key, value]];
        while (this.cur().kind !== "}") {
          const k = this.parseTermInfixCallInList();
          if (this.cur().kind !== ":") this.illegal(`expected ":"`);
          this.advance();
          const v = this.parseTermInfixCallInList();
          items.push([k, v]);
          if (this.cur().kind === "}") break;
          if (this.cur().kind !== ",") this.illegal(`expected "," or "}"`);
          this.advance();
        }
        this.advance();
        return { type: "object", items, loc };
      }
    }
    this.illegal("non-terminated object");
  }
};

// engine/compiler/syntax/parser.ts
var HEAD_ADJACENT_OPS = /* @__PURE__ */ new Set([
  "plus",
  "minus",
  "mul",
  "div",
  "rem",
  "and",
  "or",
  "equal",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte"
]);
var FUTURE_KEYWORDS = /* @__PURE__ */ new Set(["contains", "every", "if", "in", "not"]);
var TERM_ENDS = /* @__PURE__ */ new Set(["ident", "number", "string", "]", "}", ")", "true", "false", "null"]);
var TERM_STARTS = /* @__PURE__ */ new Set([
  "ident",
  "number",
  "string",
  "[",
  "{",
  "(",
  "true",
  "false",
  "null",
  "not",
  "some",
  "every",
  "contains"
]);
var Parser = class extends ExpressionParser {
  flags = /* @__PURE__ */ new Map();
  // -------------------------------------------------------------------------------------------
  // Statements
  /** Parses a whole module's statements (or, with `rules` false, a query's). */
  parseStatements(rules) {
    this.checkScanError();
    const out = [];
    while (this.cur().kind !== "eof") {
      if (this.cur().kind === "package" && !this.adjacentNext(".", "[")) {
        out.push({ kind: "package", node: this.parsePackage() });
        continue;
      }
      if (this.cur().kind === "import" && !this.adjacentNext(".", "[")) {
        out.push({ kind: "import", node: this.parseImport() });
        continue;
      }
      if (rules) {
        const m = this.mark();
        const parsed = this.parseRules();
        if (parsed) {
          out.push({ kind: "rules", nodes: parsed });
          continue;
        }
        this.reset(m);
      }
      const start = this.cur();
      const body2 = this.parseQuery(true, "eof");
      out.push({ kind: "body", body: body2, loc: this.locOf(start), text: this.textFrom(start.start) });
    }
    return out;
  }
  parsePackage() {
    const loc = this.loc;
    this.advance();
    if (this.cur().kind !== "ident" && !isKeyword(this.cur().kind)) this.illegal();
    const term2 = this.parseTerm(true);
    const path = [];
    if (term2.type === "var") path.push(term2.name);
    else if (term2.type === "ref") {
      const [head, ...rest] = term2.terms;
      if (head?.type !== "var") this.fail(head?.loc ?? loc, `unexpected ${head?.type} token: expecting var`);
      path.push(head.name);
      for (const t of rest) {
        if (t.type !== "string") this.fail(t.loc, `unexpected ${t.type} token: expecting string`);
        path.push(t.value);
      }
    } else this.illegal();
    return { path, loc };
  }
  parseImport() {
    const loc = this.loc;
    this.advance();
    if (this.cur().kind !== "ident" && !isKeyword(this.cur().kind)) this.illegal();
    const term2 = this.parseTerm(true);
    let path;
    if (term2.type === "var") path = refOf([term2], term2.loc);
    else if (term2.type === "ref") {
      for (const t of term2.terms.slice(1)) {
        if (t.type !== "string") this.fail(t.loc, `unexpected ${t.type} token: expecting string`);
      }
      path = term2;
    } else this.fail(this.loc, "expected path");
    const head = path.terms[0];
    if (!["data", "input", "future", "rego"].includes(head.name)) {
      this.fail(
        path.loc,
        `unexpected import path, must begin with one of: {data, future, input, rego}, got: ${head.name}`
      );
    }
    let alias = null;
    if (this.cur().kind === "as") {
      this.advance();
      if (this.cur().kind !== "ident") this.illegal("expected var");
      alias = this.cur().text;
      this.advance();
    } else {
      const last = path.terms[path.terms.length - 1];
      const lastName = last.type === "var" ? last.name : last.type === "string" ? last.value : "";
      if ((path.terms.length === 1 || head.name !== "future") && isKeyword(lastName)) {
        this.fail(last.loc, `unexpected import path, must not end with a keyword, got: ${lastName}`);
      }
    }
    const imp = { path, alias, loc };
    if (head.name === "future") this.futureImport(imp);
    if (head.name === "rego") this.regoImport(imp);
    return imp;
  }
  futureImport(imp) {
    const parts = imp.path.terms;
    const second = parts[1];
    if (parts.length === 1 || second?.type !== "string" || second.value !== "keywords") {
      this.fail(imp.path.loc, "invalid import, must be `future.keywords`");
    }
    if (imp.alias !== null) this.fail(imp.path.loc, "`future` imports cannot be aliased");
    const third = parts[2];
    if (parts.length === 3 && third?.type === "string") {
      if (!FUTURE_KEYWORDS.has(third.value)) {
        this.fail(imp.path.loc, "unexpected keyword, must be one of [contains every if in not]");
      }
      if (third.value === "not") this.notBody = true;
    }
  }
  regoImport(imp) {
    const parts = imp.path.terms;
    const version = parts[1];
    const name = version?.type === "string" ? version.value : "";
    if (parts.length !== 2 || name !== "v1" && name !== "v2") {
      const shown = ["rego", ...parts.slice(1).map((t) => t.type === "string" ? t.value : "?")].join(".");
      this.fail(imp.path.loc, `invalid import \`${shown}\`, must be \`rego.v1\``);
    }
    if (name === "v2") this.notBody = true;
  }
  // -------------------------------------------------------------------------------------------
  // Rules
  /**
   * Parses a rule (with its else chain and any chained bodies). Returns null, consuming nothing
   * that matters, when the statement is not a rule with a body or keyword: such statements
   * (`p := 1`, `f(x) = y`) are parsed as bodies and turned into rules by the module assembler.
   */
  parseRules() {
    const startTok = this.cur();
    const ruleLoc = this.loc;
    let isDefault = false;
    if (this.cur().kind === "default" && !this.keywordStartsRef()) {
      this.advance();
      isDefault = true;
    }
    if (this.cur().kind !== "ident" && !this.keywordStartsRef()) return null;
    const head = this.parseHead(isDefault);
    if (!head) return null;
    if (isDefault) return [this.defaultRule(head, ruleLoc, startTok.start)];
    const hasIf = this.cur().kind === "if";
    let multiValue = false;
    if (hasIf && !head.usesContains && head.ref.length === 2) {
      if (head.value === null) {
        head.value = { type: "boolean", value: true, loc: head.loc };
        head.generatedValue = true;
      }
    }
    if (!hasIf && !head.usesContains && head.args === null && head.ref.length === 2 && head.value === null) {
      multiValue = true;
      head.key = head.ref[1];
      head.ref = head.ref.slice(0, 1);
    }
    let body2;
    let generatedBody = false;
    if (hasIf) {
      this.advance();
      body2 = this.parseIfBody();
    } else if (this.cur().kind === "{") {
      this.advance();
      body2 = this.parseBody("}");
      this.advance();
    } else if (head.usesContains) {
      body2 = [];
      generatedBody = true;
    } else {
      return null;
    }
    const kind = ruleKind(head, multiValue);
    const key = kind === "partial-object" ? head.ref[head.ref.length - 1] : head.key;
    const flags = {
      hasIf,
      hasContains: head.usesContains,
      generatedBody,
      generatedValue: head.generatedValue,
      multiValue
    };
    const rule = {
      kind,
      head: { ref: head.ref, args: head.args, key, value: head.value, assign: head.assign, loc: head.loc },
      body: body2,
      isDefault: false,
      else: null,
      annotations: null,
      loc: ruleLoc,
      text: ""
    };
    this.flags.set(rule, flags);
    if (!generatedBody && this.cur().kind === "else" && !this.keywordStartsRef()) {
      if (head.ref.length > 1 && !head.ref.slice(1).every(isGround)) {
        this.fail(this.loc, "else keyword cannot be used on rules with variables in head");
      }
      if (head.key !== null || multiValue) this.fail(this.loc, "else keyword cannot be used on multi-value rules");
      rule.else = this.nested(() => this.parseElse(rule, flags));
    }
    rule.text = this.textFrom(startTok.start);
    const rules = [rule];
    while (!generatedBody && this.cur().kind === "{") {
      if (rule.else) this.fail(this.loc, "expected else keyword");
      const loc = this.loc;
      const start = this.cur().start;
      this.advance();
      const nextBody = this.parseBody("}");
      this.advance();
      const next = {
        ...rule,
        head: this.copyHead(rule, loc),
        body: nextBody,
        else: null,
        loc,
        text: this.textFrom(start)
      };
      this.flags.set(next, { ...flags });
      rules.push(next);
    }
    return rules;
  }
  /**
   * At `{`: whether the braces hold something only a body can, directly inside and before any
   * `|` that could make them a comprehension: `;`, `:=`, `=`, `some`, `every`, `not`, `with`, or
   * two terms on separate lines with no operator or comma between them. Trying a set or object
   * literal first, as the grammar otherwise requires, would then fail anyway; skipping that
   * attempt keeps parsing linear. (A test checks that the AST is the same without it.)
   */
  braceHoldsStatements() {
    let depth = 0;
    for (let i = this.pos; i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (depth === 1 && t.nlBefore && TERM_STARTS.has(t.kind) && TERM_ENDS.has(this.tokens[i - 1].kind)) {
        return true;
      }
      switch (t.kind) {
        case "{":
        case "[":
        case "(":
          depth++;
          break;
        case "}":
        case "]":
        case ")":
          if (--depth === 0) return false;
          break;
        case "eof":
          return false;
        case "or":
          if (depth === 1) return false;
          break;
        case ";":
        case "assign":
        case "eq":
        case "some":
        case "every":
        case "not":
        case "with": {
          const next = this.tokens[i + 1];
          const keywordRef = next !== void 0 && !next.wsBefore && (next.kind === "." || next.kind === "[");
          if (depth === 1 && !keywordRef) return true;
          break;
        }
      }
    }
    return false;
  }
  /** After `if`: one expression (`p if x > 1`), or a `{ body }`. */
  parseIfBody() {
    const m = this.mark();
    const startsWithBrace = this.cur().kind === "{";
    if (startsWithBrace && this.bodyLookahead && this.braceHoldsStatements()) {
      this.advance();
      const body3 = this.parseBody("}");
      this.advance();
      return body3;
    }
    let literalError = null;
    try {
      const expr2 = this.parseLiteral();
      const isSet = expr2.node.type === "term" && expr2.node.term.type === "set";
      if (!isSet || !startsWithBrace) return [expr2];
    } catch (e) {
      if (!(e instanceof ParseFailure)) throw e;
      literalError = e;
    }
    if (!startsWithBrace && literalError) throw literalError;
    this.reset(m);
    this.advance();
    const body2 = this.parseBody("}");
    this.advance();
    return body2;
  }
  parseElse(parent, parentFlags) {
    const loc = this.loc;
    const start = this.cur().start;
    this.advance();
    let value;
    let assign = parent.head.assign;
    let generatedValue = false;
    switch (this.cur().kind) {
      case "{":
      case "if":
        value = { type: "boolean", value: true, loc };
        generatedValue = true;
        break;
      case "assign":
      case "eq":
        assign = this.cur().kind === "assign";
        this.advance();
        value = this.parseTermInfixCall();
        break;
      default:
        this.illegal("expected else value term or rule body");
    }
    const head = { ...this.copyHead(parent, loc), value, assign };
    const rule = {
      kind: parent.kind,
      head,
      body: [],
      isDefault: false,
      else: null,
      annotations: null,
      loc,
      text: ""
    };
    const flags = {
      hasIf: parentFlags.hasIf,
      hasContains: false,
      generatedBody: false,
      generatedValue,
      multiValue: false
    };
    this.flags.set(rule, flags);
    if (this.cur().kind !== "if" && this.cur().kind !== "{") {
      flags.generatedBody = true;
      rule.text = this.textFrom(start);
      return rule;
    }
    if (this.cur().kind === "if") {
      flags.hasIf = true;
      this.advance();
    }
    if (this.cur().kind === "{") {
      this.advance();
      rule.body = this.parseBody("}");
      this.advance();
    } else if (this.cur().kind !== "eof") {
      rule.body = [this.parseLiteral()];
    } else {
      this.illegal("rule body expected");
    }
    if (this.cur().kind === "else") rule.else = this.nested(() => this.parseElse(parent, parentFlags));
    rule.text = this.textFrom(start);
    return rule;
  }
  /** A copy of a rule's head for an else branch or a chained body; wildcard args renamed. */
  copyHead(rule, loc) {
    const h = rule.head;
    const fresh = (v) => v.name.startsWith("$wildcard") ? this.newWildcard(v.loc) : v;
    return {
      ref: h.ref.map(cloneTerm),
      args: h.args && h.args.map((a) => mapTerm(a, fresh)),
      key: h.key && cloneTerm(h.key),
      value: h.value && cloneTerm(h.value),
      assign: h.assign,
      loc
    };
  }
  defaultRule(head, loc, start) {
    if (head.value === null) this.fail(loc, "illegal default rule (must have a value)");
    const bad = firstNonConstant(head.value);
    if (bad) this.fail(loc, `illegal default rule (value cannot contain ${bad})`);
    if (head.args) {
      const seen = /* @__PURE__ */ new Set();
      for (const a of head.args) {
        if (a.type !== "var") this.fail(loc, `illegal default rule (arguments cannot contain ${a.type})`);
        if (seen.has(a.name)) this.fail(loc, `illegal default rule (arguments cannot be repeated ${a.name})`);
        seen.add(a.name);
      }
    }
    const rule = {
      kind: ruleKind(head, false),
      head: { ref: head.ref, args: head.args, key: null, value: head.value, assign: head.assign, loc: head.loc },
      body: [],
      isDefault: true,
      else: null,
      annotations: null,
      loc,
      text: this.textFrom(start)
    };
    if (rule.kind === "partial-object") rule.head.key = head.ref[head.ref.length - 1];
    this.flags.set(rule, {
      hasIf: false,
      hasContains: false,
      generatedBody: false,
      generatedValue: head.generatedValue,
      multiValue: false
    });
    return rule;
  }
  parseHead(isDefault) {
    const loc = this.loc;
    const name = this.varFromToken();
    let term2 = name;
    if (HEAD_ADJACENT_OPS.has(this.cur().kind) && !this.cur().wsBefore) this.illegal();
    if (this.cur().kind === "(" || this.cur().kind === "." || this.cur().kind === "[") term2 = this.parseRef(name);
    let ref;
    let args = null;
    if (term2.type === "var") ref = [term2];
    else if (term2.type === "ref") ref = term2.terms;
    else if (term2.type === "call") {
      ref = term2.operator.terms;
      args = term2.args;
    } else return null;
    if (ref[0]?.type !== "var") this.fail(loc, "invalid rule head");
    const shown = () => refString(ref);
    const head = {
      ref,
      args,
      key: null,
      value: null,
      assign: false,
      usesContains: false,
      generatedValue: false,
      loc
    };
    switch (this.cur().kind) {
      case "contains": {
        if (args !== null) {
          this.illegal(
            `the contains keyword can only be used with multi-value rule definitions (e.g., ${shown()} contains <VALUE> { ... })`
          );
        }
        this.advance();
        head.key = this.parseTermInfixCall();
        head.usesContains = true;
        return head;
      }
      case "eq":
      case "assign": {
        const n = shown();
        head.assign = this.cur().kind === "assign";
        this.advance();
        if (!this.startsTerm()) {
          if (!head.assign) this.illegal(`expected rule value term (e.g., ${n} = <VALUE> { ... })`);
          if (args) this.illegal(`expected function value term (e.g., ${n}(...) := <VALUE> { ... })`);
          if (isDefault) this.illegal(`expected default rule value term (e.g., default ${n} := <VALUE>)`);
          this.illegal(`expected rule value term (e.g., ${n} := <VALUE> { ... })`);
        }
        head.value = this.parseTermInfixCall();
        break;
      }
    }
    if (head.value === null && (ref.length !== 2 || args !== null)) {
      head.value = { type: "boolean", value: true, loc };
      head.generatedValue = true;
    }
    return head;
  }
  /** Whether the current token can begin a term (so "missing value" errors can be precise). */
  startsTerm() {
    switch (this.cur().kind) {
      case "null":
      case "true":
      case "false":
      case "number":
      case "string":
      case "ident":
      case "contains":
      case "minus":
      case ".":
      case "[":
      case "{":
      case "(":
        return true;
      default:
        return this.keywordStartsRef();
    }
  }
};
function ruleKind(head, multiValue) {
  if (head.usesContains || multiValue) return "partial-set";
  if (head.args !== null) return "function";
  return head.ref.slice(1).every(isGround) ? "complete" : "partial-object";
}
function firstNonConstant(t) {
  switch (t.type) {
    case "var":
    case "ref":
    case "call":
      return t.type;
    case "array":
    case "set":
      for (const x of t.items) {
        const bad = firstNonConstant(x);
        if (bad) return bad;
      }
      return null;
    case "object":
      for (const [k, v] of t.items) {
        const bad = firstNonConstant(k) ?? firstNonConstant(v);
        if (bad) return bad;
      }
      return null;
    default:
      return null;
  }
}
function refString(ref) {
  return ref.map((t, i) => {
    if (i === 0 && t.type === "var") return t.name;
    if (t.type === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.value)) return `.${t.value}`;
    if (t.type === "string") return `[${JSON.stringify(t.value)}]`;
    if (t.type === "var") return `[${t.name}]`;
    if (t.type === "number") return `[${t.text}]`;
    return `[${t.type}]`;
  }).join("");
}

// engine/compiler/syntax/lexer.ts
function isLetter(c) {
  return c >= 97 /* LowerA */ && c <= 122 /* LowerZ */ || c >= 65 /* UpperA */ && c <= 90 /* UpperZ */ || c === 95 /* Underscore */;
}
function isDecimal(c) {
  return c >= 48 /* D0 */ && c <= 57 /* D9 */;
}
var unicodeDigit = new RegExp("\\p{Nd}", "u");
function isIdentPart(text, i) {
  const c = text.charCodeAt(i);
  if (isLetter(c) || isDecimal(c)) return true;
  return c >= 128 && unicodeDigit.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}
var singleCharTokens = {
  [91 /* LBrack */]: "[",
  [93 /* RBrack */]: "]",
  [123 /* LBrace */]: "{",
  [125 /* RBrace */]: "}",
  [40 /* LParen */]: "(",
  [41 /* RParen */]: ")",
  [44 /* Comma */]: ",",
  [59 /* Semi */]: ";",
  [46 /* Dot */]: ".",
  [43 /* Plus */]: "plus",
  [45 /* Minus */]: "minus",
  [42 /* Star */]: "mul",
  [47 /* Slash */]: "div",
  [37 /* Percent */]: "rem",
  [38 /* Amp */]: "and",
  [124 /* Pipe */]: "or"
};
function tokenize(text) {
  const tokens2 = [];
  const comments = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let wsBefore = false;
  let nlBefore = false;
  if (text.charCodeAt(0) === 65279 /* BOM */) {
    i = 1;
    lineStart = 1;
  }
  const push = (kind, start, end, startLine, startCol, error) => {
    const tok = { kind, text: text.slice(start, end), start, end, line: startLine, col: startCol, wsBefore, nlBefore };
    if (error !== void 0) tok.error = error;
    tokens2.push(tok);
    wsBefore = false;
    nlBefore = false;
    return tok;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 /* Space */ || c === 9 /* Tab */ || c === 13 /* CR */) {
      wsBefore = true;
      i++;
      continue;
    }
    if (c === 10 /* LF */) {
      wsBefore = true;
      nlBefore = true;
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === 35 /* Hash */) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 10 /* LF */) j++;
      let end = j;
      if (end > i + 1 && text.charCodeAt(end - 1) === 13 /* CR */) end--;
      comments.push({ text: text.slice(i + 1, end), start: i, line, col: i - lineStart + 1 });
      wsBefore = true;
      i = j;
      continue;
    }
    const start = i;
    const col = i - lineStart + 1;
    const startLine = line;
    if (isLetter(c)) {
      i++;
      while (i < n && isIdentPart(text, i)) i++;
      const word = text.slice(start, i);
      push(isKeyword(word) ? word : "ident", start, i, startLine, col);
      continue;
    }
    if (isDecimal(c)) {
      let error2;
      while (i < n && isDecimal(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46 /* Dot */) {
        i++;
        const fracStart = i;
        while (i < n && isDecimal(text.charCodeAt(i))) i++;
        if (i === fracStart) error2 ??= "expected fraction";
      }
      if ((text.charCodeAt(i) | 32) === 101 /* LowerE */) {
        i++;
        const sign = text.charCodeAt(i);
        if (sign === 43 /* Plus */ || sign === 45 /* Minus */) i++;
        const expStart = i;
        while (i < n && isDecimal(text.charCodeAt(i))) i++;
        if (i === expStart) error2 ??= "expected exponent";
      }
      if (i < n && isLetter(text.charCodeAt(i))) {
        error2 ??= "illegal number format";
        while (i < n && isIdentPart(text, i)) i++;
      }
      push(error2 ? "illegal" : "number", start, i, startLine, col, error2);
      continue;
    }
    if (c === 34 /* Quote */) {
      i++;
      let error2;
      for (; ; ) {
        if (i >= n || text.charCodeAt(i) === 10 /* LF */) {
          error2 ??= "non-terminated string";
          break;
        }
        const d = text.charCodeAt(i++);
        if (d === 34 /* Quote */) break;
        if (d === 92 /* Backslash */) {
          const e = text[i];
          if (e !== void 0 && '\\"/bfnrt'.includes(e)) i++;
          else if (e === "u") for (let k = 0; k < 4 && i < n && text.charCodeAt(i) !== 10 /* LF */; k++) i++;
          else error2 ??= "illegal escape sequence";
        }
      }
      push(error2 ? "illegal" : "string", start, i, startLine, col, error2);
      continue;
    }
    if (c === 96 /* Backquote */) {
      i++;
      let terminated = false;
      while (i < n) {
        const d = text.charCodeAt(i++);
        if (d === 96 /* Backquote */) {
          terminated = true;
          break;
        }
        if (d === 10 /* LF */) {
          line++;
          lineStart = i;
        }
      }
      const tok = push(terminated ? "string" : "illegal", start, i, startLine, col, terminated ? void 0 : "non-terminated string");
      tok.raw = true;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    let kind = singleCharTokens[c];
    let len = 1;
    let error;
    switch (c) {
      case 58 /* Colon */:
        [kind, len] = next === 61 /* Eq */ ? ["assign", 2] : [":", 1];
        break;
      case 61 /* Eq */:
        [kind, len] = next === 61 /* Eq */ ? ["equal", 2] : ["eq", 1];
        break;
      case 62 /* Gt */:
        [kind, len] = next === 61 /* Eq */ ? ["gte", 2] : ["gt", 1];
        break;
      case 60 /* Lt */:
        [kind, len] = next === 61 /* Eq */ ? ["lte", 2] : ["lt", 1];
        break;
      case 33 /* Bang */:
        if (next === 61 /* Eq */) [kind, len] = ["neq", 2];
        else error = "illegal ! character";
        break;
      case 36 /* Dollar */:
        error = next === 34 /* Quote */ || next === 96 /* Backquote */ ? "template strings are not supported" : "illegal $ character";
        break;
      case 0:
        error = "illegal null character";
        break;
      case 65279 /* BOM */:
        error = "illegal byte-order mark";
        break;
    }
    if (kind === void 0) {
      const cp = text.codePointAt(i) ?? c;
      len = cp > 65535 ? 2 : 1;
      push("illegal", start, i + len, startLine, col, error);
    } else {
      push(kind, start, i + len, startLine, col);
    }
    i += len;
  }
  tokens2.push({
    kind: "eof",
    text: "",
    start: n,
    end: n,
    line,
    col: n - lineStart + 1,
    wsBefore,
    nlBefore
  });
  return { tokens: tokens2, comments };
}

// engine/compiler/syntax/module.ts
var OPERATOR_BUILTINS = /* @__PURE__ */ new Set([
  "plus",
  "minus",
  "mul",
  "div",
  "rem",
  "and",
  "or",
  "equal",
  "neq",
  "lt",
  "lte",
  "gt",
  "gte",
  "internal.member_2",
  "internal.member_3"
]);
var parseError = (location, message) => ({
  code: "rego_parse_error",
  message,
  location
});
function parseModule(file, text) {
  return parseModuleWith(file, text, true);
}
function parseModuleWith(file, text, bodyLookahead) {
  const { tokens: tokens2, comments: rawComments } = tokenize(text);
  const parser = new Parser(file, text, tokens2, bodyLookahead);
  let stmts;
  try {
    stmts = parser.parseStatements(true);
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, errors: [e.error] };
    throw e;
  }
  const comments = rawComments.map((c) => ({
    text: c.text,
    loc: { file, line: c.line, col: c.col, offset: c.start }
  }));
  const first = stmts[0];
  if (!first) return { ok: false, errors: [parseError({ file, line: 1, col: 1, offset: 0 }, "empty module")] };
  const errors = [];
  let pkg = null;
  if (first.kind === "package") pkg = first.node;
  else errors.push(parseError(statementLoc(first), "package expected"));
  const imports = [];
  const rules = [];
  const placed = [];
  if (pkg) placed.push({ line: pkg.loc.line, target: "package" });
  for (const stmt of stmts.slice(pkg ? 1 : 0)) {
    switch (stmt.kind) {
      case "package":
        errors.push(parseError(stmt.node.loc, "unexpected package"));
        break;
      case "import":
        imports.push(stmt.node);
        placed.push({ line: stmt.node.loc.line, target: "import" });
        break;
      case "rules":
        for (const r of stmt.nodes) {
          rules.push(r);
          placed.push({ line: r.loc.line, target: "rule", rule: r });
        }
        break;
      case "body": {
        const converted = ruleFromBody(stmt.body, stmt.text, parser.flags);
        if ("error" in converted) errors.push(parseError(converted.loc, converted.error));
        else {
          rules.push(converted.rule);
          placed.push({ line: converted.rule.loc.line, target: "rule", rule: converted.rule });
        }
        break;
      }
    }
  }
  for (const rule of rules) {
    for (let r = rule; r; r = r.else) errors.push(...checkRegoV1(r, parser.flags.get(r)));
  }
  if (errors.length > 0 || !pkg) return { ok: false, errors };
  const module = { file, package: pkg, imports, rules, annotations: [], comments };
  const annotationErrors = attachAnnotations(module, comments, placed);
  if (annotationErrors.length > 0) return { ok: false, errors: annotationErrors };
  return { ok: true, value: module };
}
function statementLoc(s2) {
  switch (s2.kind) {
    case "package":
    case "import":
      return s2.node.loc;
    case "rules":
      return s2.nodes[0].loc;
    case "body":
      return s2.loc;
  }
}
var WRITTEN_AS_EXPRESSION = {
  hasIf: false,
  hasContains: false,
  generatedBody: true,
  generatedValue: false,
  multiValue: false
};
function checkRegoV1(rule, flags = WRITTEN_AS_EXPRESSION) {
  const what = rule.kind === "function" ? "function" : "rule";
  const errors = [];
  const name = rule.head.ref[0];
  if (name?.type === "var" && isKeyword(name.name)) {
    errors.push(parseError(rule.loc, `${name.name} keyword cannot be used for rule name`));
  }
  if (flags.generatedBody && flags.generatedValue) {
    errors.push(parseError(rule.loc, `${what} must have value assignment and/or body declaration`));
  }
  if (!flags.generatedBody && !flags.hasIf && !rule.isDefault) {
    errors.push(parseError(rule.loc, `\`if\` keyword is required before ${what} body`));
  }
  if (flags.multiValue && !flags.hasContains) {
    errors.push(parseError(rule.loc, "`contains` keyword is required for partial set rules"));
  }
  return errors;
}
function ruleFromBody(body2, text, flags) {
  const expr2 = body2[0];
  const loc = expr2.loc;
  const fail = (error) => ({ error, loc });
  if (body2.length !== 1) return fail("multiple expressions cannot be used for rule head");
  if (expr2.with.length > 0) return fail("expressions using with keyword cannot be used for rule head");
  if (expr2.negated) return fail("negated expressions cannot be used for rule head");
  const node = expr2.node;
  if (node.type === "some-decl" || node.type === "some-in") return fail("'some' declarations cannot be used for rule head");
  if (node.type !== "term") return fail("expression cannot be used for rule head");
  const term2 = node.term;
  const make = (ref, args, value, assign, generatedValue, multiValue = false) => {
    if (ref[0]?.type !== "var") return fail(`invalid rule head: ${text}`);
    let kind;
    let key = null;
    if (multiValue) {
      kind = "partial-set";
      key = ref[1];
      ref = ref.slice(0, 1);
    } else if (args) kind = "function";
    else if (ref.slice(1).every(isGround)) kind = "complete";
    else {
      kind = "partial-object";
      key = ref[ref.length - 1];
    }
    const rule = {
      kind,
      head: { ref, args, key, value, assign, loc },
      body: [],
      isDefault: false,
      else: null,
      annotations: null,
      loc,
      text
    };
    flags.set(rule, { hasIf: false, hasContains: false, generatedBody: true, generatedValue, multiValue });
    return { rule };
  };
  if (term2.type === "call") {
    const op = operatorName(term2.operator);
    if ((op === "assign" || op === "eq") && term2.args.length === 2) {
      const [lhs, rhs] = term2.args;
      const assign = op === "assign";
      if (lhs.type === "call") return make(lhs.operator.terms, lhs.args, rhs, assign, false);
      if (lhs.type === "ref") return make(lhs.terms, null, rhs, assign, false);
      if (lhs.type === "var") return make([lhs], null, rhs, assign, false);
      return fail(`${lhs.type} cannot be used for rule name`);
    }
    if (op !== null && OPERATOR_BUILTINS.has(op)) return fail("rule name conflicts with built-in function");
    if (term2.args.length === 0) return fail("rule argument list must take at least one argument");
    return make(term2.operator.terms, term2.args, { type: "boolean", value: true, loc }, false, false);
  }
  if (term2.type === "ref") {
    if (term2.terms.length > 2) return make(term2.terms, null, { type: "boolean", value: true, loc }, false, true);
    if (term2.terms.length === 2) return make(term2.terms, null, null, false, false, true);
    return fail("refs cannot be used for rule head");
  }
  return fail(`${term2.type} cannot be used for rule name`);
}
function attachAnnotations(module, comments, placed) {
  const errors = [];
  let nextIndex = 0;
  for (const block of findMetadataBlocks(comments)) {
    const parsed = parseMetadataBlock(block);
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    while (nextIndex < placed.length && (placed[nextIndex]?.line ?? 0) <= block.loc.line) nextIndex++;
    const next = placed[nextIndex] ?? null;
    const scope = resolveScope(parsed.scope, next?.target ?? null, parsed.value.entrypoint === true);
    if (!scope.ok) {
      errors.push(parseError(block.loc, scope.message));
      continue;
    }
    const annotations = { ...parsed.value, scope: scope.scope };
    if (scope.scope === "package" || scope.scope === "subpackages") module.annotations.push(annotations);
    else if (next?.rule && (next.rule.annotations === null || scope.scope === "rule")) next.rule.annotations = annotations;
  }
  return errors;
}

// engine/compiler/compile.ts
function normalizeEntrypoint(ep) {
  const t = ep.trim();
  if (t === "data" || t.startsWith("data.")) return t.split(".").slice(1).join("/");
  return t.replace(/^\/+|\/+$/g, "");
}
async function compile(req) {
  return (await compileWithTimings(req)).result;
}
function unsupported(message) {
  return { code: "rego_unsupported_error", message, location: null };
}
async function compileWithTimings(req) {
  const t0 = performance.now();
  const timings = { parse: 0, check: 0, plan: 0, emit: 0, total: 0 };
  const done = (result, policy) => {
    timings.total = performance.now() - t0;
    return policy ? { result, timings, policy } : { result, timings };
  };
  const emitModule = loadEmitter(req.baselineBinaryen ?? true);
  const modules = [];
  const errors = [];
  for (const m of req.modules) {
    const r = parseModule(m.file, m.text ?? m.source ?? "");
    if (r.ok) modules.push(r.value);
    else errors.push(...r.errors);
  }
  timings.parse = performance.now() - t0;
  if (errors.length > 0) return done({ ok: false, errors });
  if (req.entrypoints.length === 0) return done({ ok: false, errors: [unsupported("no entrypoint given")] });
  let t = performance.now();
  const entrypoints = req.entrypoints.map(normalizeEntrypoint);
  const checked = check(modules, { entrypoints });
  timings.check = performance.now() - t;
  if (!checked.ok) return done(checked);
  t = performance.now();
  const planned = plan(checked.value, entrypoints);
  timings.plan = performance.now() - t;
  if (!planned.ok) return done(planned);
  t = performance.now();
  try {
    const { emitWasmWithInfo } = await emitModule;
    const binaryenLoad = performance.now() - t;
    const runtime = req.runtime ?? defaultRuntime();
    const { wasm, info } = emitWasmWithInfo(planned.value, runtime, {
      optimize: req.optimize ?? false,
      validate: req.validate ?? false,
      strictBuiltinErrors: req.strictBuiltinErrors ?? false
    });
    timings.emit = performance.now() - t;
    timings.emitDetail = { binaryenLoad, ...info.timings };
    return done({ ok: true, value: wasm }, planned.value);
  } catch (e) {
    timings.emit = performance.now() - t;
    const message = e instanceof Error ? e.message : String(e);
    return done({ ok: false, errors: [{ code: "rego_compile_error", message: `wasm: ${message}`, location: null }] }, planned.value);
  }
}
var emitter = null;
function loadEmitter(baseline) {
  if (emitter) return emitter;
  const switchFlag = baseline && !process.execArgv.some((a) => /^--(no-)?liftoff-only$/.test(a));
  if (switchFlag) setFlagsFromString("--liftoff-only");
  const loading = import("./emit-T24OU7FS.js");
  emitter = loading;
  const restore = () => {
    if (switchFlag) setFlagsFromString("--no-liftoff-only");
  };
  loading.then(restore, () => {
    restore();
    emitter = null;
  });
  return loading;
}
var runtimeCache = null;
function defaultRuntime() {
  if (runtimeCache) return runtimeCache;
  let dir = dirname2(fileURLToPath(import.meta.url));
  for (; ; ) {
    const candidate = join2(dir, "build", "opa-runtime.wasm");
    if (existsSync(candidate) && existsSync(join2(dir, "package.json"))) {
      runtimeCache = new Uint8Array(readFileSync2(candidate));
      return runtimeCache;
    }
    const up = dirname2(dir);
    if (up === dir) throw new Error("build/opa-runtime.wasm not found: run `npm run build:runtime`");
    dir = up;
  }
}
async function readRegoDirectory(dir) {
  const out = [];
  const walk = async (d) => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b2) => a.name.localeCompare(b2.name))) {
      const p = join2(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith(".rego") && !e.name.endsWith("_test.rego")) {
        out.push({ file: relative(process.cwd(), p) || p, text: await readFile(p, "utf8") });
      }
    }
  };
  if (!(await stat(dir)).isDirectory()) throw new Error(`${dir} is not a directory`);
  await walk(resolve(dir));
  return out;
}
async function compileDirectory(dir, entrypoints, options = {}) {
  const modules = await readRegoDirectory(dir);
  return compileWithTimings({ ...options, modules, entrypoints });
}

// node_modules/@open-policy-agent/opa-wasm/src/index.mjs
var src_exports = {};
__export(src_exports, {
  default: () => src_default,
  loadPolicy: () => loadPolicy
});
var import_opa = __toESM(require_opa(), 1);
var loadPolicy = import_opa.default.loadPolicy;
var src_default = import_opa.default;

// engine/compiler/builtins/host/encoding.ts
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// engine/compiler/builtins/host/util.ts
function isString(x) {
  return typeof x === "string";
}
function isNumber(x) {
  return typeof x === "number" && Number.isFinite(x);
}
function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}
function asInt(x) {
  return isNumber(x) && Number.isInteger(x) ? x : void 0;
}
function exactInt(n) {
  const bytes = new TextEncoder().encode(n.toString());
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
function stringList(x) {
  if (isString(x)) return [x];
  if (Array.isArray(x) && x.every(isString)) return x;
  return void 0;
}

// engine/compiler/builtins/host/encoding.ts
var b64 = (s2) => Buffer.from(s2, "utf8").toString("base64");
var validB64 = (s2) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s2);
var validB64Url = (s2) => /^[A-Za-z0-9_-]*={0,2}$/.test(s2) && s2.replace(/=+$/, "").length % 4 !== 1;
function goJson(x) {
  return JSON.stringify(x).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
function queryEscape(s2) {
  return encodeURIComponent(s2).replace(/[!'()*~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%20/g, "+").replace(/%7E/g, "~");
}
function queryUnescape(s2) {
  try {
    return decodeURIComponent(s2.replace(/\+/g, " "));
  } catch {
    return void 0;
  }
}
function hash(alg) {
  return (s2) => isString(s2) ? createHash(alg).update(s2, "utf8").digest("hex") : void 0;
}
function hmac(alg) {
  return (s2, key) => isString(s2) && isString(key) ? createHmac(alg, key).update(s2, "utf8").digest("hex") : void 0;
}
function jsonText(s2) {
  try {
    JSON.parse(s2);
  } catch {
    return void 0;
  }
  const bytes = new TextEncoder().encode(s2);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
var encodingBuiltins = {
  "base64.encode": (s2) => isString(s2) ? b64(s2) : void 0,
  "base64.decode": (s2) => isString(s2) && validB64(s2) ? Buffer.from(s2, "base64").toString("utf8") : void 0,
  "base64.is_valid": (s2) => isString(s2) ? validB64(s2) : void 0,
  "base64url.encode": (s2) => isString(s2) ? Buffer.from(s2, "utf8").toString("base64url") + "=".repeat(padLen(s2)) : void 0,
  "base64url.encode_no_pad": (s2) => isString(s2) ? Buffer.from(s2, "utf8").toString("base64url") : void 0,
  "base64url.decode": (s2) => isString(s2) && validB64Url(s2) ? Buffer.from(s2.replace(/=+$/, ""), "base64url").toString("utf8") : void 0,
  "hex.encode": (s2) => isString(s2) ? Buffer.from(s2, "utf8").toString("hex") : void 0,
  "hex.decode": (s2) => isString(s2) && /^(?:[0-9a-fA-F]{2})*$/.test(s2) ? Buffer.from(s2, "hex").toString("utf8") : void 0,
  "urlquery.encode": (s2) => isString(s2) ? queryEscape(s2) : void 0,
  "urlquery.decode": (s2) => isString(s2) ? queryUnescape(s2) : void 0,
  "urlquery.encode_object": (o) => {
    if (!isObject(o)) return void 0;
    const parts = [];
    for (const k of Object.keys(o).sort()) {
      const vs = stringList(o[k]);
      if (!vs) return void 0;
      for (const v of vs) parts.push(`${queryEscape(k)}=${queryEscape(v)}`);
    }
    return parts.join("&");
  },
  "urlquery.decode_object": (s2) => {
    if (!isString(s2)) return void 0;
    const out = {};
    for (const pair of s2.split(/[&;]/)) {
      if (pair === "") continue;
      const [k = "", v = ""] = pair.split(/=(.*)/s);
      const dk = queryUnescape(k);
      const dv = queryUnescape(v);
      if (dk === void 0 || dv === void 0) return void 0;
      (out[dk] ??= []).push(dv);
    }
    return out;
  },
  "json.marshal": (x) => goJson(x),
  "json.unmarshal": (s2) => isString(s2) ? jsonText(s2) : void 0,
  "crypto.md5": hash("md5"),
  "crypto.sha1": hash("sha1"),
  "crypto.sha256": hash("sha256"),
  "crypto.hmac.md5": hmac("md5"),
  "crypto.hmac.sha1": hmac("sha1"),
  "crypto.hmac.sha256": hmac("sha256"),
  "crypto.hmac.sha512": hmac("sha512"),
  "crypto.hmac.equal": (a, b2) => {
    if (!isString(a) || !isString(b2)) return void 0;
    const x = Buffer.from(a);
    const y = Buffer.from(b2);
    return x.length === y.length && timingSafeEqual(x, y);
  },
  "io.jwt.decode": (t) => {
    if (!isString(t)) return void 0;
    const parts = t.split(".");
    if (parts.length !== 3) return void 0;
    try {
      const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
      const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
      return [header, payload, Buffer.from(parts[2], "base64url").toString("hex")];
    } catch {
      return void 0;
    }
  }
};
function padLen(s2) {
  const n = Buffer.byteLength(s2, "utf8") % 3;
  return n === 0 ? 0 : 3 - n;
}

// engine/compiler/builtins/host/json.ts
function parsePaths(x) {
  if (!Array.isArray(x)) return void 0;
  const out = [];
  for (const p of x) {
    if (isString(p)) out.push(p.replace(/^\/+/, "").split("/").filter((s2, i, a) => !(s2 === "" && a.length === 1)));
    else if (Array.isArray(p) && p.every((s2) => isString(s2) || typeof s2 === "number")) out.push(p.map(String));
    else return void 0;
  }
  return out;
}
function trieOf(paths) {
  const root = {};
  for (const p of paths) {
    let node = root;
    for (const k of p) node = node[k] ??= {};
  }
  return root;
}
var isLeaf = (t) => Object.keys(t).length === 0;
function filter(v, t) {
  if (isLeaf(t)) return v;
  if (Array.isArray(v)) {
    const out = [];
    v.forEach((item, i) => {
      const sub = t[String(i)];
      if (sub) {
        const f = filter(item, sub);
        if (f !== void 0) out.push(f);
      }
    });
    return out;
  }
  if (isObject(v)) {
    const out = {};
    for (const [k, sub] of Object.entries(t)) {
      if (k in v) {
        const f = filter(v[k], sub);
        if (f !== void 0) out[k] = f;
      }
    }
    return out;
  }
  return void 0;
}
function remove(v, t) {
  if (Array.isArray(v)) {
    const out = [];
    v.forEach((item, i) => {
      const sub = t[String(i)];
      if (!sub) out.push(item);
      else if (!isLeaf(sub)) out.push(remove(item, sub));
    });
    return out;
  }
  if (isObject(v)) {
    const out = {};
    for (const [k, item] of Object.entries(v)) {
      const sub = t[k];
      if (!sub) out[k] = item;
      else if (!isLeaf(sub)) out[k] = remove(item, sub);
    }
    return out;
  }
  return v;
}
var jsonBuiltins = {
  "json.filter": (obj, paths) => {
    const ps = parsePaths(paths);
    if (!isObject(obj) || !ps) return void 0;
    return ps.length === 0 ? {} : filter(obj, trieOf(ps));
  },
  "json.remove": (obj, paths) => {
    const ps = parsePaths(paths);
    if (!isObject(obj) || !ps) return void 0;
    return remove(obj, trieOf(ps));
  }
};

// engine/compiler/builtins/host/net.ts
function parseV4(s2) {
  const parts = s2.split(".");
  if (parts.length !== 4) return void 0;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return void 0;
    n = n << 8n | BigInt(Number(p));
  }
  return n;
}
function parseV6(s2) {
  let text = s2;
  let tail = [];
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = parseV4(v4[1]);
    if (n === void 0) return void 0;
    tail = [n >> 16n, n & 0xffffn];
    text = text.slice(0, v4.index + 1) + "";
    if (text.endsWith(":") && !text.endsWith("::")) text = text.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return void 0;
  const group = (h) => h === "" ? [] : h.split(":");
  const head = group(halves[0]);
  const rest = halves.length === 2 ? group(halves[1]) : [];
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return void 0;
  const words = [];
  for (const g of head) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return void 0;
    words.push(BigInt(parseInt(g, 16)));
  }
  for (let i = 0; i < 8 - given; i++) words.push(0n);
  for (const g of rest) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return void 0;
    words.push(BigInt(parseInt(g, 16)));
  }
  words.push(...tail);
  return words.reduce((acc, w) => acc << 16n | w, 0n);
}
function parseNet(s2, requirePrefix) {
  const [addr = "", prefix] = s2.split("/");
  if (requirePrefix && prefix === void 0) return void 0;
  const v6 = addr.includes(":");
  const a = v6 ? parseV6(addr) : parseV4(addr);
  if (a === void 0) return void 0;
  const width = v6 ? 128 : 32;
  let bits = width;
  if (prefix !== void 0) {
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > width) return void 0;
    bits = Number(prefix);
  }
  const mask = (1n << BigInt(width)) - 1n ^ (1n << BigInt(width - bits)) - 1n;
  return { v6, base: a & mask, bits };
}
function size(n) {
  return 1n << BigInt((n.v6 ? 128 : 32) - n.bits);
}
function contains(outer, inner) {
  return outer.v6 === inner.v6 && inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}
function intersects(a, b2) {
  return a.v6 === b2.v6 && a.base < b2.base + size(b2) && b2.base < a.base + size(a);
}
var netBuiltins = {
  "net.cidr_contains": (c, x) => {
    if (!isString(c) || !isString(x)) return void 0;
    const outer = parseNet(c, true);
    const inner = parseNet(x, false);
    return outer && inner ? contains(outer, inner) : void 0;
  },
  "net.cidr_intersects": (a, b2) => {
    if (!isString(a) || !isString(b2)) return void 0;
    const x = parseNet(a, true);
    const y = parseNet(b2, true);
    return x && y ? intersects(x, y) : void 0;
  },
  "net.cidr_overlap": (c, x) => netBuiltins["net.cidr_contains"]?.(c, x),
  "net.cidr_is_valid": (c) => isString(c) ? parseNet(c, true) !== void 0 : false
};

// engine/compiler/builtins/host/regex.ts
var cache = /* @__PURE__ */ new Map();
function goRegExp(pattern, global2 = false) {
  const k = `${global2 ? "g" : "-"}${pattern}`;
  if (cache.has(k)) return cache.get(k) ?? null;
  let src = pattern;
  let flags = global2 ? "g" : "";
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]) {
      if (f === "U") return null;
      if (!flags.includes(f)) flags += f;
    }
    src = src.slice(lead[0].length);
  }
  src = src.replace(/\(\?P</g, "(?<").replace(/\\z/g, "$(?![\\s\\S])").replace(/\\A/g, "^(?<![\\s\\S])");
  let re;
  try {
    re = new RegExp(src, flags);
  } catch {
    re = null;
  }
  if (cache.size > 1e3) cache.clear();
  cache.set(k, re);
  return re;
}
function globRegExp(pattern, delimiters) {
  const delim = delimiters.map((d) => d.replace(/[\\\]^-]/g, "\\$&")).join("");
  const notDelim = delim ? `[^${delim}]` : "[\\s\\S]";
  let out = "";
  let inAlt = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const n = pattern[++i];
      if (n === void 0) return null;
      out += n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else if (c === "*") {
      if (pattern[i + 1] === "*") {
        out += "[\\s\\S]*";
        i++;
      } else out += `${notDelim}*`;
    } else if (c === "?") out += notDelim;
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) return null;
      let body2 = pattern.slice(i + 1, end);
      const neg = body2.startsWith("!");
      if (neg) body2 = body2.slice(1);
      out += `[${neg ? "^" : ""}${body2.replace(/[\\\]^]/g, "\\$&")}]`;
      i = end;
    } else if (c === "{") {
      inAlt++;
      out += "(?:";
    } else if (c === "}" && inAlt > 0) {
      inAlt--;
      out += ")";
    } else if (c === "," && inAlt > 0) out += "|";
    else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  if (inAlt > 0) return null;
  try {
    return new RegExp(`^${out}$`);
  } catch {
    return null;
  }
}
var regexBuiltins = {
  "regex.match": (p, s2) => {
    if (!isString(p) || !isString(s2)) return void 0;
    const re = goRegExp(p);
    return re ? re.test(s2) : void 0;
  },
  re_match: (p, s2) => regexBuiltins["regex.match"]?.(p, s2),
  "regex.is_valid": (p) => isString(p) ? goRegExp(p) !== null : false,
  "regex.find_n": (p, s2, n) => {
    const max = asInt(n);
    if (!isString(p) || !isString(s2) || max === void 0) return void 0;
    const re = goRegExp(p, true);
    if (!re) return void 0;
    const all = [...s2.matchAll(re)].map((m) => m[0]);
    return max < 0 ? all : all.slice(0, max);
  },
  "regex.find_all_string_submatch_n": (p, s2, n) => {
    const max = asInt(n);
    if (!isString(p) || !isString(s2) || max === void 0) return void 0;
    const re = goRegExp(p, true);
    if (!re) return void 0;
    const all = [...s2.matchAll(re)].map((m) => Array.from(m, (g) => g ?? ""));
    return max < 0 ? all : all.slice(0, max);
  },
  "regex.replace": (s2, p, v) => {
    if (!isString(s2) || !isString(p) || !isString(v)) return void 0;
    const re = goRegExp(p, true);
    return re ? s2.replace(re, v.replace(/\$\{(\d+)\}/g, "$$$1").replace(/\$\{?([A-Za-z_]\w*)\}?/g, "$$<$1>")) : void 0;
  },
  "regex.template_match": (tpl, s2, ds, de) => {
    if (!isString(tpl) || !isString(s2) || !isString(ds) || !isString(de)) return void 0;
    let src = "";
    let i = 0;
    while (i < tpl.length) {
      const a = tpl.indexOf(ds, i);
      if (a < 0) {
        src += tpl.slice(i).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        break;
      }
      const b2 = tpl.indexOf(de, a + ds.length);
      if (b2 < 0) return void 0;
      src += tpl.slice(i, a).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + `(?:${tpl.slice(a + ds.length, b2)})`;
      i = b2 + de.length;
    }
    const re = goRegExp(`^${src}$`);
    return re ? re.test(s2) : void 0;
  },
  "glob.match": (p, delims, s2) => {
    if (!isString(p) || !isString(s2)) return void 0;
    let d;
    if (delims === null) d = [];
    else {
      const l = Array.isArray(delims) ? stringList(delims) : void 0;
      if (!l) return void 0;
      d = l.length === 0 ? ["."] : l;
    }
    const re = globRegExp(p, d);
    return re ? re.test(s2) : void 0;
  },
  "glob.quote_meta": (p) => isString(p) ? p.replace(/[*?\\[\]{}]/g, "\\$&") : void 0
};

// engine/compiler/builtins/host/strings.ts
var cps = (s2) => Array.from(s2);
function trimSet(cutset) {
  return new Set(cps(cutset));
}
function trimLeft(s2, cut) {
  const set = trimSet(cut);
  const c = cps(s2);
  let i = 0;
  while (i < c.length && set.has(c[i])) i++;
  return c.slice(i).join("");
}
function trimRight(s2, cut) {
  const set = trimSet(cut);
  const c = cps(s2);
  let j = c.length;
  while (j > 0 && set.has(c[j - 1])) j--;
  return c.slice(0, j).join("");
}
function escapeRegExp(s2) {
  return s2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var stringBuiltins = {
  upper: (s2) => isString(s2) ? s2.toUpperCase() : void 0,
  lower: (s2) => isString(s2) ? s2.toLowerCase() : void 0,
  contains: (s2, sub) => isString(s2) && isString(sub) ? s2.includes(sub) : void 0,
  startswith: (s2, p) => isString(s2) && isString(p) ? s2.startsWith(p) : void 0,
  endswith: (s2, p) => isString(s2) && isString(p) ? s2.endsWith(p) : void 0,
  concat: (d, xs) => {
    const l = Array.isArray(xs) ? stringList(xs) : void 0;
    return isString(d) && l ? l.join(d) : void 0;
  },
  split: (s2, d) => isString(s2) && isString(d) ? d === "" ? cps(s2) : s2.split(d) : void 0,
  replace: (s2, o, n) => isString(s2) && isString(o) && isString(n) ? o === "" ? cps(s2).join(n).replace(/^/, n) + n : s2.split(o).join(n) : void 0,
  trim: (s2, c) => isString(s2) && isString(c) ? trimRight(trimLeft(s2, c), c) : void 0,
  trim_left: (s2, c) => isString(s2) && isString(c) ? trimLeft(s2, c) : void 0,
  trim_right: (s2, c) => isString(s2) && isString(c) ? trimRight(s2, c) : void 0,
  trim_prefix: (s2, p) => isString(s2) && isString(p) ? s2.startsWith(p) ? s2.slice(p.length) : s2 : void 0,
  trim_suffix: (s2, p) => isString(s2) && isString(p) ? p !== "" && s2.endsWith(p) ? s2.slice(0, s2.length - p.length) : s2 : void 0,
  trim_space: (s2) => isString(s2) ? s2.replace(/^[\s\u0085]+|[\s\u0085]+$/g, "") : void 0,
  indexof: (s2, sub) => {
    if (!isString(s2) || !isString(sub)) return void 0;
    const i = s2.indexOf(sub);
    return i < 0 ? -1 : cps(s2.slice(0, i)).length;
  },
  indexof_n: (s2, sub) => {
    if (!isString(s2) || !isString(sub)) return void 0;
    const out = [];
    if (sub === "") return out;
    for (let i = s2.indexOf(sub); i >= 0; i = s2.indexOf(sub, i + 1)) out.push(cps(s2.slice(0, i)).length);
    return out;
  },
  substring: (s2, start, len) => {
    const a = asInt(start);
    const n = asInt(len);
    if (!isString(s2) || a === void 0 || n === void 0 || a < 0) return void 0;
    const c = cps(s2);
    if (a >= c.length) return "";
    return (n < 0 ? c.slice(a) : c.slice(a, a + n)).join("");
  },
  format_int: (x, base) => {
    if (!isNumber(x) || ![2, 8, 10, 16].includes(base)) return void 0;
    return Math.trunc(x).toString(base);
  },
  "strings.reverse": (s2) => isString(s2) ? cps(s2).reverse().join("") : void 0,
  "strings.count": (s2, sub) => {
    if (!isString(s2) || !isString(sub)) return void 0;
    if (sub === "") return cps(s2).length + 1;
    return s2.split(sub).length - 1;
  },
  "strings.any_prefix_match": (s2, p) => {
    const a = stringList(s2);
    const b2 = stringList(p);
    return a && b2 ? a.some((x) => b2.some((y) => x.startsWith(y))) : void 0;
  },
  "strings.any_suffix_match": (s2, p) => {
    const a = stringList(s2);
    const b2 = stringList(p);
    return a && b2 ? a.some((x) => b2.some((y) => x.endsWith(y))) : void 0;
  },
  "strings.replace_n": (patterns, s2) => {
    if (!isObject(patterns) || !isString(s2)) return void 0;
    const keys = Object.keys(patterns);
    if (!keys.every((k) => isString(patterns[k]))) return void 0;
    if (keys.length === 0) return s2;
    const re = new RegExp(keys.map(escapeRegExp).join("|"), "g");
    return s2.replace(re, (m) => patterns[m]);
  }
};

// engine/compiler/builtins/host/time.ts
var NS_PER_MS = 1000000n;
var days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
function toBig(ns) {
  return isNumber(ns) ? BigInt(Math.trunc(ns)) : void 0;
}
function timeArg(x) {
  if (isNumber(x)) return { ns: BigInt(Math.trunc(x)), tz: "UTC" };
  if (Array.isArray(x) && (x.length === 2 || x.length === 3) && isNumber(x[0]) && isString(x[1])) {
    const layout = x.length === 3 ? x[2] : void 0;
    if (layout !== void 0 && !isString(layout)) return void 0;
    return { ns: BigInt(Math.trunc(x[0])), tz: x[1] === "" ? "UTC" : x[1], ...layout !== void 0 ? { layout } : {} };
  }
  return void 0;
}
function floorDiv(a, b2) {
  const q = a / b2;
  return a % b2 !== 0n && a < 0n !== b2 < 0n ? q - 1n : q;
}
function civil(ns, tz) {
  const ms = floorDiv(ns, NS_PER_MS);
  const nanos = Number(ns - floorDiv(ns, 1000000000n) * 1000000000n);
  const date = new Date(Number(ms));
  let offsetSec = 0;
  if (tz !== "UTC") {
    const zone = tz === "Local" ? void 0 : tz;
    const f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric"
    });
    const parts = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
    const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    offsetSec = Math.round((local - Math.floor(Number(ms) / 1e3) * 1e3) / 1e3);
  }
  const shifted = new Date(Number(ms) + offsetSec * 1e3);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    nanos,
    weekday: shifted.getUTCDay(),
    offsetSec,
    zone: tz
  };
}
function utcNs(y, mo, d, h, mi, s2, nanos) {
  const dt = /* @__PURE__ */ new Date(0);
  dt.setUTCFullYear(y, mo - 1, d);
  dt.setUTCHours(h, mi, s2, 0);
  return BigInt(dt.getTime()) * NS_PER_MS + BigInt(nanos);
}
var tokens = [
  "January",
  "Monday",
  "2006",
  "Z07:00:00",
  "-07:00:00",
  "Z07:00",
  "-07:00",
  "Z0700",
  "-0700",
  "Z07",
  "-07",
  "Jan",
  "Mon",
  "MST",
  "002",
  "__2",
  "_2",
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "15",
  "PM",
  "pm",
  "1",
  "2",
  "3",
  "4",
  "5"
];
function splitLayout(layout) {
  const out = [];
  let lit = "";
  for (let i = 0; i < layout.length; ) {
    const frac = /^[.,](0+|9+)(?!\d)/.exec(layout.slice(i));
    if (frac) {
      if (lit) out.push({ lit }), lit = "";
      out.push({ frac: frac[0] });
      i += frac[0].length;
      continue;
    }
    const t = tokens.find((tok) => layout.startsWith(tok, i));
    if (t) {
      if (lit) out.push({ lit }), lit = "";
      out.push({ tok: t });
      i += t.length;
    } else {
      lit += layout[i];
      i++;
    }
  }
  if (lit) out.push({ lit });
  return out;
}
var pad = (n, w, c = "0") => String(n).padStart(w, c);
function formatOffset(sec, tok) {
  if (sec === 0 && tok.startsWith("Z")) return "Z";
  const sign = sec < 0 ? "-" : "+";
  const a = Math.abs(sec);
  const h = pad(Math.floor(a / 3600), 2);
  const m = pad(Math.floor(a % 3600 / 60), 2);
  const s2 = pad(a % 60, 2);
  const body2 = tok.replace(/^[Z-]/, "");
  if (body2 === "07:00:00") return `${sign}${h}:${m}:${s2}`;
  if (body2 === "07:00") return `${sign}${h}:${m}`;
  if (body2 === "0700") return `${sign}${h}${m}`;
  return `${sign}${h}`;
}
function formatTime(c, layout) {
  return splitLayout(layout).map((p) => {
    if ("lit" in p) return p.lit;
    if ("frac" in p) {
      const digits = pad(c.nanos, 9).slice(0, p.frac.length - 1);
      if (p.frac[1] === "9") {
        const trimmed = pad(c.nanos, 9).slice(0, p.frac.length - 1).replace(/0+$/, "");
        return trimmed ? p.frac[0] + trimmed : "";
      }
      return p.frac[0] + digits;
    }
    switch (p.tok) {
      case "2006":
        return pad(c.year, 4);
      case "06":
        return pad(c.year % 100, 2);
      case "January":
        return months[c.month - 1];
      case "Jan":
        return months[c.month - 1]?.slice(0, 3);
      case "01":
        return pad(c.month, 2);
      case "1":
        return String(c.month);
      case "Monday":
        return days[c.weekday];
      case "Mon":
        return days[c.weekday]?.slice(0, 3);
      case "02":
        return pad(c.day, 2);
      case "_2":
        return pad(c.day, 2, " ");
      case "2":
        return String(c.day);
      case "15":
        return pad(c.hour, 2);
      case "03":
        return pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
      case "3":
        return String(c.hour % 12 === 0 ? 12 : c.hour % 12);
      case "04":
        return pad(c.minute, 2);
      case "4":
        return String(c.minute);
      case "05":
        return pad(c.second, 2);
      case "5":
        return String(c.second);
      case "PM":
        return c.hour >= 12 ? "PM" : "AM";
      case "pm":
        return c.hour >= 12 ? "pm" : "am";
      case "MST":
        return c.zone === "UTC" ? "UTC" : formatOffset(c.offsetSec, "-0700");
      default:
        return formatOffset(c.offsetSec, p.tok);
    }
  }).join("");
}
function parseTime(layout, value) {
  let rest = value;
  let y = 1, mo = 1, d = 1, h = 0, mi = 0, s2 = 0, nanos = 0, offset = 0, pm = null;
  const num = (re) => {
    const m = re.exec(rest);
    if (!m) return void 0;
    rest = rest.slice(m[0].length);
    return Number(m[0]);
  };
  const word = (list2, len) => {
    const i = list2.findIndex((w) => rest.toLowerCase().startsWith((len ? w.slice(0, len) : w).toLowerCase()));
    if (i < 0) return void 0;
    rest = rest.slice(len ?? list2[i].length);
    return i;
  };
  for (const p of splitLayout(layout)) {
    let v;
    if ("lit" in p) {
      if (!rest.startsWith(p.lit)) return void 0;
      rest = rest.slice(p.lit.length);
      continue;
    }
    if ("frac" in p) {
      const m = /^[.,](\d+)/.exec(rest);
      if (!m) {
        if (p.frac[1] === "9") continue;
        return void 0;
      }
      nanos = Number(m[1].slice(0, 9).padEnd(9, "0"));
      rest = rest.slice(m[0].length);
      continue;
    }
    switch (p.tok) {
      case "2006":
        v = num(/^\d{4}/);
        if (v !== void 0) y = v;
        break;
      case "06":
        v = num(/^\d{2}/);
        if (v !== void 0) y = v >= 69 ? 1900 + v : 2e3 + v;
        break;
      case "January":
        v = word(months);
        if (v !== void 0) mo = v + 1;
        break;
      case "Jan":
        v = word(months, 3);
        if (v !== void 0) mo = v + 1;
        break;
      case "01":
        v = num(/^\d{2}/);
        if (v !== void 0) mo = v;
        break;
      case "1":
        v = num(/^\d{1,2}/);
        if (v !== void 0) mo = v;
        break;
      case "Monday":
        v = word(days);
        break;
      case "Mon":
        v = word(days, 3);
        break;
      case "02":
        v = num(/^\d{2}/);
        if (v !== void 0) d = v;
        break;
      case "_2":
        rest = rest.replace(/^ /, "");
        v = num(/^\d{1,2}/);
        if (v !== void 0) d = v;
        break;
      case "2":
        v = num(/^\d{1,2}/);
        if (v !== void 0) d = v;
        break;
      case "15":
        v = num(/^\d{1,2}/);
        if (v !== void 0) h = v;
        break;
      case "03":
        v = num(/^\d{2}/);
        if (v !== void 0) h = v;
        break;
      case "3":
        v = num(/^\d{1,2}/);
        if (v !== void 0) h = v;
        break;
      case "04":
        v = num(/^\d{2}/);
        if (v !== void 0) mi = v;
        break;
      case "4":
        v = num(/^\d{1,2}/);
        if (v !== void 0) mi = v;
        break;
      case "05":
        v = num(/^\d{2}/);
        if (v !== void 0) s2 = v;
        break;
      case "5":
        v = num(/^\d{1,2}/);
        if (v !== void 0) s2 = v;
        break;
      case "PM":
      case "pm": {
        const m = /^(AM|PM)/i.exec(rest);
        if (m) {
          pm = m[1]?.toUpperCase() === "PM";
          rest = rest.slice(2);
          v = 0;
        }
        break;
      }
      case "MST": {
        const m = /^[A-Z]{3,5}/.exec(rest);
        if (m) {
          rest = rest.slice(m[0].length);
          v = 0;
        }
        break;
      }
      default: {
        if (p.tok.startsWith("Z") && /^Z/.test(rest)) {
          rest = rest.slice(1);
          offset = 0;
          v = 0;
          break;
        }
        const m = /^([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?/.exec(rest);
        if (m) {
          offset = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0));
          rest = rest.slice(m[0].length);
          v = 0;
        }
      }
    }
    if (v === void 0) return void 0;
  }
  if (rest !== "") return void 0;
  if (pm !== null) h = h % 12 + (pm ? 12 : 0);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s2 > 59) return void 0;
  if (d > daysIn(y, mo)) return void 0;
  return utcNs(y, mo, d, h, mi, s2, nanos) - BigInt(offset) * 1000000000n;
}
var durationUnits = { ns: 1, us: 1e3, "\xB5s": 1e3, "\u03BCs": 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 36e11 };
function parseDuration(s2) {
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(s2);
  if (s2 === "0") return 0n;
  if (!m) return void 0;
  const sign = m[1] === "-" ? -1n : 1n;
  let total = 0n;
  for (const part of s2.slice(m[1]?.length ?? 0).matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    const [intPart, fracPart = ""] = part[1].split(".");
    const unit = BigInt(durationUnits[part[2]]);
    total += BigInt(intPart || "0") * unit;
    if (fracPart) total += BigInt(fracPart) * unit / 10n ** BigInt(fracPart.length);
  }
  return sign * total;
}
function daysIn(y, m) {
  const dt = /* @__PURE__ */ new Date(0);
  dt.setUTCFullYear(y, m, 0);
  return dt.getUTCDate();
}
function timeBuiltins(now) {
  return {
    "time.now_ns": () => exactInt(now()),
    "time.parse_rfc3339_ns": (v) => {
      if (!isString(v) || !/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v)) return void 0;
      const ns = parseTime("2006-01-02T15:04:05.999999999Z07:00", v.replace("t", "T").replace(/z$/, "Z"));
      return ns === void 0 ? void 0 : exactInt(ns);
    },
    "time.parse_ns": (layout, v) => {
      if (!isString(layout) || !isString(v)) return void 0;
      const ns = parseTime(layout, v);
      return ns === void 0 ? void 0 : exactInt(ns);
    },
    "time.parse_duration_ns": (v) => {
      if (!isString(v)) return void 0;
      const ns = parseDuration(v);
      return ns === void 0 ? void 0 : exactInt(ns);
    },
    "time.format": (x) => {
      const t = timeArg(x);
      return t ? formatTime(civil(t.ns, t.tz), t.layout ?? "2006-01-02T15:04:05.999999999Z07:00") : void 0;
    },
    "time.date": (x) => {
      const t = timeArg(x);
      if (!t) return void 0;
      const c = civil(t.ns, t.tz);
      return [c.year, c.month, c.day];
    },
    "time.clock": (x) => {
      const t = timeArg(x);
      if (!t) return void 0;
      const c = civil(t.ns, t.tz);
      return [c.hour, c.minute, c.second];
    },
    "time.weekday": (x) => {
      const t = timeArg(x);
      return t ? days[civil(t.ns, t.tz).weekday] : void 0;
    },
    "time.add_date": (ns, years, monthsN, daysN) => {
      const t = toBig(ns);
      const [y, m, d] = [asInt(years), asInt(monthsN), asInt(daysN)];
      if (t === void 0 || y === void 0 || m === void 0 || d === void 0) return void 0;
      const c = civil(t, "UTC");
      return exactInt(utcNs(c.year + y, c.month + m, c.day + d, c.hour, c.minute, c.second, c.nanos));
    },
    "time.diff": (a, b2) => {
      const ta = timeArg(a);
      const tb = timeArg(b2);
      if (!ta || !tb) return void 0;
      let [x, y] = [civil(ta.ns, ta.tz), civil(tb.ns, tb.tz)];
      if (ta.ns > tb.ns) [x, y] = [y, x];
      let years = y.year - x.year, mons = y.month - x.month, dys = y.day - x.day;
      let hrs = y.hour - x.hour, mins = y.minute - x.minute, secs = y.second - x.second;
      if (secs < 0) {
        secs += 60;
        mins--;
      }
      if (mins < 0) {
        mins += 60;
        hrs--;
      }
      if (hrs < 0) {
        hrs += 24;
        dys--;
      }
      if (dys < 0) {
        dys += daysIn(x.year, x.month);
        mons--;
      }
      if (mons < 0) {
        mons += 12;
        years--;
      }
      return [years, mons, dys, hrs, mins, secs];
    }
  };
}

// engine/compiler/builtins/host/units.ts
var decimal = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15, e: 1e18 };
var binary = { ki: 2 ** 10, mi: 2 ** 20, gi: 2 ** 30, ti: 2 ** 40, pi: 2 ** 50, ei: 2 ** 60 };
function split(s2) {
  const m = /^([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*([A-Za-z]*)$/.exec(s2.trim().replace(/^"|"$/g, ""));
  return m ? [Number(m[1]), m[2]] : void 0;
}
function parseBytes(s2) {
  const p = split(s2);
  if (!p) return void 0;
  const [n, unitRaw] = p;
  const unit = unitRaw.toLowerCase().replace(/b$/, "");
  if (unit === "") return Math.trunc(n);
  const f = binary[unit] ?? decimal[unit];
  return f === void 0 ? void 0 : Math.trunc(n * f);
}
function parseUnits(s2) {
  const p = split(s2);
  if (!p) return void 0;
  const [n, unit] = p;
  if (unit === "") return n;
  if (unit === "m") return n / 1e3;
  const lower = unit.toLowerCase();
  const f = binary[lower] ?? (lower.length === 1 ? decimal[lower] : void 0);
  return f === void 0 ? void 0 : n * f;
}
var semverRe = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
function compareSemver(a, b2) {
  const x = semverRe.exec(a);
  const y = semverRe.exec(b2);
  if (!x || !y) return void 0;
  for (let i = 1; i <= 3; i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return Math.sign(d);
  }
  const px = x[4]?.split(".") ?? [];
  const py = y[4]?.split(".") ?? [];
  if (px.length === 0 || py.length === 0) return px.length === py.length ? 0 : px.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(px.length, py.length); i++) {
    const p = px[i];
    const q = py[i];
    if (p === void 0) return -1;
    if (q === void 0) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn && Number(p) !== Number(q)) return Math.sign(Number(p) - Number(q));
    if (pn !== qn) return pn ? -1 : 1;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}
var unitBuiltins = {
  "units.parse_bytes": (s2) => isString(s2) ? parseBytes(s2) : void 0,
  "units.parse": (s2) => isString(s2) ? parseUnits(s2) : void 0,
  "semver.is_valid": (s2) => isString(s2) && semverRe.test(s2),
  "semver.compare": (a, b2) => isString(a) && isString(b2) ? compareSemver(a, b2) : void 0
};

// engine/compiler/builtins/operands.ts
function jsonTypeName(x) {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (typeof x === "object") return "object";
  if (typeof x === "bigint") return "number";
  return typeof x;
}
var s = ["string"];
var ss = ["string", "string"];
var time = ["number", "array"];
var table2 = {
  "regex.match": ss,
  re_match: ss,
  "regex.find_n": ["string", "string", "number"],
  "regex.find_all_string_submatch_n": ["string", "string", "number"],
  "regex.replace": ["string", "string", "string"],
  "regex.template_match": ["string", "string", "string", "string"],
  "glob.match": ["string", ["array", "null"], "string"],
  "glob.quote_meta": s,
  "base64.encode": s,
  "base64.decode": s,
  "base64url.encode": s,
  "base64url.encode_no_pad": s,
  "base64url.decode": s,
  "hex.encode": s,
  "hex.decode": s,
  "urlquery.encode": s,
  "urlquery.decode": s,
  "urlquery.encode_object": ["object"],
  "urlquery.decode_object": s,
  "crypto.md5": s,
  "crypto.sha1": s,
  "crypto.sha256": s,
  "crypto.hmac.md5": ss,
  "crypto.hmac.sha1": ss,
  "crypto.hmac.sha256": ss,
  "crypto.hmac.sha512": ss,
  "crypto.hmac.equal": ss,
  "io.jwt.decode": s,
  "net.cidr_contains": ss,
  "net.cidr_intersects": ss,
  "net.cidr_overlap": ss,
  "json.filter": ["object", ["array", "set"]],
  "json.remove": ["object", ["array", "set"]],
  "units.parse_bytes": s,
  "units.parse": s,
  "semver.compare": ss,
  "time.parse_rfc3339_ns": s,
  "time.parse_ns": ss,
  "time.parse_duration_ns": s,
  "time.format": [time],
  "time.date": [time],
  "time.clock": [time],
  "time.weekday": [time],
  "time.add_date": ["number", "number", "number", "number"],
  "time.diff": [time, time],
  "rand.intn": ["string", "number"]
};
function accepts(t, got) {
  return t === "any" || t === got || t === "set" && got === "array";
}
function operandTypeError(name, args) {
  const spec = table2[name];
  if (!spec) return null;
  for (let i = 0; i < spec.length && i < args.length; i++) {
    const want = spec[i];
    const got = jsonTypeName(args[i]);
    const alternatives = Array.isArray(want) ? want : [want];
    if (alternatives.some((t) => accepts(t, got))) continue;
    const expected = alternatives.length === 1 ? alternatives[0] : `one of {${alternatives.join(", ")}}`;
    return `${name}: operand ${i + 1} must be ${expected} but got ${got}`;
  }
  return null;
}

// engine/compiler/builtins/errors.ts
var BuiltinError = class extends Error {
  constructor(code, detail) {
    super(`${code}: ${detail}`);
    this.code = code;
    this.detail = detail;
  }
  code;
  detail;
};
function genericFailure(name, args) {
  const typeError = operandTypeError(name, args);
  if (typeError !== null) return new BuiltinError("eval_type_error", typeError);
  return new BuiltinError("eval_builtin_error", `${name}: invalid arguments (${args.map(jsonTypeName).join(", ")})`);
}
function inErrorMode(name, fn, strict) {
  return (...args) => {
    let result;
    try {
      result = fn(...args);
    } catch (e) {
      if (e instanceof BuiltinError) {
        if (!strict) return void 0;
        throw e.detail.startsWith(`${name}:`) ? e : new BuiltinError(e.code, `${name}: ${e.detail}`);
      }
      if (e instanceof TypeError || e instanceof RangeError || e instanceof SyntaxError) {
        if (!strict) return void 0;
        const typeError = operandTypeError(name, args);
        throw typeError !== null ? new BuiltinError("eval_type_error", typeError) : new BuiltinError("eval_builtin_error", `${name}: ${e.message}`);
      }
      throw e;
    }
    if (result === void 0 && strict) throw genericFailure(name, args);
    return result;
  };
}

// engine/compiler/builtins/index.ts
var realNow = () => BigInt(Date.now()) * 1000000n;
function hostBuiltins(options = {}) {
  const print = options.print ?? ((l) => process.stderr.write(l + "\n"));
  return {
    ...stringBuiltins,
    ...regexBuiltins,
    ...encodingBuiltins,
    ...netBuiltins,
    ...jsonBuiltins,
    ...unitBuiltins,
    ...timeBuiltins(options.now ?? realNow),
    "rand.intn": (s2, n) => {
      const max = asInt(n);
      if (!isString(s2) || max === void 0) return void 0;
      return max === 0 ? 0 : Math.floor(Math.random() * Math.abs(max));
    },
    // print(x, y) is planned as internal.print([{x values}, {y values}]); it never fails.
    "internal.print": (groups) => {
      if (Array.isArray(groups)) {
        print(groups.map((g) => Array.isArray(g) && g.length > 0 ? g.map((v) => isString(v) ? v : JSON.stringify(v)).join(", ") : "<undefined>").join(" "));
      }
      return true;
    }
  };
}
var sdk = src_default ?? src_exports;
function opaWasm() {
  return sdk;
}
function customBuiltins(options, strict) {
  const all = { ...hostBuiltins(options), ...options.builtins };
  for (const [name, fn] of Object.entries(all)) all[name] = inErrorMode(name, fn, strict);
  return all;
}
function compiledStrict(wasm) {
  if (!(wasm instanceof Uint8Array)) return WebAssembly.Module.customSections(wasm, strictBuiltinErrorsSection).length > 0;
  const want = new TextEncoder().encode(strictBuiltinErrorsSection);
  for (const s2 of sections(wasm)) {
    if (s2.id !== 0) continue;
    const { value: len, next } = leb128(wasm, s2.start);
    if (len === want.length && want.every((b2, i) => wasm[next + i] === b2)) return true;
  }
  return false;
}
function leb128(wasm, at) {
  let value = 0;
  let shift = 0;
  for (; ; ) {
    const b2 = wasm[at++];
    if (b2 === void 0) throw new RangeError("truncated module");
    value |= (b2 & 127) << shift;
    if ((b2 & 128) === 0) return { value: value >>> 0, next: at };
    shift += 7;
  }
}
function* sections(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at++];
    let size2;
    try {
      size2 = leb128(wasm, at);
    } catch {
      return;
    }
    const end = size2.next + size2.value;
    if (end > wasm.length) return;
    yield { id, start: size2.next, end };
    at = end;
  }
}
function importedMemoryMinimum(wasm) {
  try {
    for (const s2 of sections(wasm)) {
      if (s2.id !== 2) continue;
      let at = s2.start;
      const u32 = () => {
        const r = leb128(wasm, at);
        at = r.next;
        return r.value;
      };
      const skipName = () => {
        const n = u32();
        at += n;
      };
      const count = u32();
      for (let i = 0; i < count; i++) {
        skipName();
        skipName();
        const kind = wasm[at++];
        if (kind === 0) u32();
        else if (kind === 1) {
          at++;
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 2) {
          u32();
          return u32();
        } else if (kind === 3) at += 2;
        else return 0;
      }
      return 0;
    }
  } catch {
    return 0;
  }
  return 0;
}
function memory(options, wasm) {
  const needed = wasm instanceof Uint8Array ? importedMemoryMinimum(wasm) : 0;
  const initial = Math.max(options.memoryPages ?? 5, needed);
  return options.memoryMaxPages !== void 0 ? { initial, maximum: Math.max(initial, options.memoryMaxPages) } : { initial };
}
function loadCompiledPolicy(wasm, options = {}) {
  return opaWasm().loadPolicy(wasm, memory(options, wasm), customBuiltins(options, compiledStrict(wasm)));
}
function loadCompiledPolicySync(wasm, options = {}) {
  return opaWasm().loadPolicySync(wasm, memory(options, wasm), customBuiltins(options, compiledStrict(wasm)));
}

// engine/compiler/errors.ts
function formatCompileError(e) {
  const where = e.location ? `${e.location.file}:${e.location.line}:${e.location.col}: ` : "";
  const rule = e.rule ? ` (rule ${e.rule})` : "";
  return `${where}${e.code}: ${e.message}${rule}`;
}

export {
  CORE_SCHEMA,
  YAMLException,
  EVENT_ID,
  getScalarValue,
  constructFromEvents,
  parseEvents,
  builtinSignatures,
  builtinSignature,
  normalizeEntrypoint,
  compile,
  compileWithTimings,
  defaultRuntime,
  readRegoDirectory,
  compileDirectory,
  hostBuiltins,
  loadCompiledPolicy,
  loadCompiledPolicySync,
  formatCompileError
};

import { describe, expect, it } from "vitest";
import { RowScanner } from "../../engine/inputs/json-stream.js";

function scan(text: string, chunkSize = text.length || 1) {
  const s = new RowScanner();
  const buf = Buffer.from(text, "utf8");
  const rows = [];
  for (let i = 0; i < buf.length; i += chunkSize) rows.push(...s.push(buf.subarray(i, i + chunkSize)));
  const problems = s.end();
  return { rows, problems };
}

const doc = `{
  "count": 3,
  "data": [
    {"name": "a", "properties": {"value": [1, 2], "data": "x \\" ] }"}},
    {"name": "b\\\\", "nested": [[{}]]},
    {"name": "é ü 漢"}
  ],
  "skip_token": null
}`;

describe("RowScanner", () => {
  it("yields each row of a {data:[…]} page with its line and index", () => {
    const { rows, problems } = scan(doc);
    expect(problems).toEqual([]);
    expect(rows.map((r) => JSON.parse(r.text).name)).toEqual(["a", "b\\", "é ü 漢"]);
    expect(rows.map((r) => r.line)).toEqual([4, 5, 6]);
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it("gives the same rows whatever the chunk boundaries (including inside UTF-8 characters)", () => {
    const whole = scan(doc).rows.map((r) => r.text);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) {
      expect(scan(doc, size).rows.map((r) => r.text)).toEqual(whole);
    }
  });

  it("reads the REST {value:[…], nextLink} shape and ignores other keys holding arrays", () => {
    const { rows, problems } = scan(`{"other":[{"name":"no"}],"value":[{"name":"yes"}],"nextLink":"https://x"}`);
    expect(problems).toEqual([]);
    expect(rows.map((r) => JSON.parse(r.text).name)).toEqual(["yes"]);
  });

  it("reads a bare array and several concatenated pages", () => {
    expect(scan(`[{"a":1},{"a":2}]`).rows).toHaveLength(2);
    const multi = scan(`{"data":[{"a":1}]}\n{"data":[{"a":2},{"a":3}]}`);
    expect(multi.rows.map((r) => [r.page, r.index])).toEqual([[0, 0], [1, 0], [1, 1]]);
    expect(multi.rows[1]!.line).toBe(2);
  });

  it("captures scalar rows so the caller can reject them", () => {
    const { rows } = scan(`{"data":[1, "two", null, {"x":1}]}`);
    expect(rows.map((r) => r.text)).toEqual(["1", `"two"`, "null", `{"x":1}`]);
  });

  it("reports a truncated file and a document without rows", () => {
    const t = scan(`{"data":[{"name":"a"},{"name":"b`);
    expect(t.rows).toHaveLength(1);
    expect(t.problems[0]!.message).toMatch(/unexpected end of file/);
    expect(scan(`{"rows":[]}`).problems[0]!.message).toMatch(/no "data" or "value" array/);
    expect(scan(``).problems[0]!.message).toMatch(/no JSON value/);
  });
});

// Which queries the runner can answer with a compiled entrypoint: `data.a.b = x` (result bound to
// x) and `data.a.b` (true when defined and not false). Anything else is skipped with its reason.

export type QueryPlan =
  | { kind: "binding"; entrypoint: string; variable: string }
  | { kind: "defined"; entrypoint: string }
  | { kind: "skip"; reason: string };

const ident = "[A-Za-z_][A-Za-z0-9_]*";
const path = `data((?:\\.${ident})+)`;
const bindingRe = new RegExp(`^${path}\\s*=\\s*(${ident})$`);
const definedRe = new RegExp(`^${path}$`);

export function planQuery(query: string): QueryPlan {
  const q = query.trim();
  const b = bindingRe.exec(q);
  if (b) {
    const variable = b[2] as string;
    if (variable === "_" || variable === "data" || variable === "input") {
      return { kind: "skip", reason: "query is not an entrypoint form (data.<path> = <var> or data.<path>)" };
    }
    return { kind: "binding", entrypoint: (b[1] as string).slice(1).split(".").join("/"), variable };
  }
  const d = definedRe.exec(q);
  if (d) return { kind: "defined", entrypoint: (d[1] as string).slice(1).split(".").join("/") };
  return { kind: "skip", reason: "query is not an entrypoint form (data.<path> = <var> or data.<path>)" };
}

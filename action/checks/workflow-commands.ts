// Workflow-command annotations (`::error file=…,line=…::message`), the fallback when the token
// may not create check runs. Escaping follows the runner's rules: in the message `%`, CR and LF
// are percent-encoded; in property values `:` and `,` are encoded as well, because they delimit
// properties.

export type AnnotationLevel = "notice" | "warning" | "error";

export interface CommandAnnotation {
  level: AnnotationLevel;
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  title?: string;
}

export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function annotationCommand(a: CommandAnnotation): string {
  const props: string[] = [];
  if (a.file !== undefined) props.push(`file=${escapeProperty(a.file)}`);
  if (a.line !== undefined) props.push(`line=${a.line}`);
  if (a.endLine !== undefined) props.push(`endLine=${a.endLine}`);
  if (a.col !== undefined) props.push(`col=${a.col}`);
  if (a.title !== undefined) props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level}${props.length ? " " + props.join(",") : ""}::${escapeData(a.message)}`;
}

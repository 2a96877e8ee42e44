import { DefaultQueryCompiler, type DeleteQueryNode, type UpdateQueryNode } from 'kysely';

/**
 * Escapes a character the way GoogleSQL quoted identifiers and string literals read it. Quoted strings may not
 * span lines and read `\` as an escape, so both are escaped; everything else is kept verbatim.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\\x00',
};

function escapeQuoted(value: string, quote: '`' | "'"): string {
  let escaped = '';
  for (const c of value) {
    escaped += c === quote ? `\\${quote}` : (ESCAPES[c] ?? c);
  }
  return escaped;
}

/** A GoogleSQL quoted identifier: `` `name` ``. */
export function quoteIdentifier(name: string): string {
  return `\`${escapeQuoted(name, '`')}\``;
}

/** A GoogleSQL string literal. */
export function quoteString(value: string): string {
  return `'${escapeQuoted(value, "'")}'`;
}

/**
 * Compiles kysely's operation trees to GoogleSQL (BigQuery standard SQL): backtick identifiers, backslash
 * escapes, named `@pN` parameters (sent as `queryParameters`), and a `WHERE true` on DELETE and UPDATE, which
 * BigQuery requires.
 */
export class BigQueryQueryCompiler extends DefaultQueryCompiler {
  protected override getLeftIdentifierWrapper(): string {
    return '`';
  }

  protected override getRightIdentifierWrapper(): string {
    return '`';
  }

  protected override sanitizeIdentifier(identifier: string): string {
    return escapeQuoted(identifier, '`');
  }

  protected override sanitizeStringLiteral(value: string): string {
    return escapeQuoted(value, "'");
  }

  protected override getCurrentParameterPlaceholder(): string {
    return `@p${this.numParameters}`;
  }

  protected override visitDeleteQuery(node: DeleteQueryNode): void {
    super.visitDeleteQuery(node.where ? node : { ...node, where: trueWhere() });
  }

  protected override visitUpdateQuery(node: UpdateQueryNode): void {
    // Inside MERGE (`when matched then update set ...`) there is no WHERE.
    const inMerge = this.parentNode?.kind === 'WhenNode';
    super.visitUpdateQuery(node.where || inMerge ? node : { ...node, where: trueWhere() });
  }
}

function trueWhere(): NonNullable<DeleteQueryNode['where']> {
  return {
    kind: 'WhereNode',
    where: { kind: 'RawNode', sqlFragments: ['true'], parameters: [] },
  } as NonNullable<DeleteQueryNode['where']>;
}

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * User-facing wording lives in src/text; logic modules call it. This scan fails when a string or
 * template literal with Chinese characters appears in the logic folders below, unless it is data
 * rather than wording and allowed here, with the reason.
 */
const ROOT = path.join(__dirname, '../..');
const SCANNED = ['src/bot', 'src/jobs', 'src/features', 'src/channels', 'src/schedule'];
const CJK = /[\u4e00-\u9fff]/;

interface Allowance {
  file: RegExp;
  why: string;
  /** Allowed as the value of these properties (a string, or strings in an array). */
  property?: readonly string[];
  /** Allowed anywhere inside these functions. */
  within?: readonly string[];
  /** Allowed when the literal is exactly one of these. */
  literal?: readonly string[];
}

const ALLOWED: readonly Allowance[] = [
  { file: /^src\/bot\/handlers\//, property: ['name', 'aliases'], why: 'command words the router matches (#停工, #设置 联络员, 帮包领导)' },
  { file: /^src\/jobs\//, property: ['label'], why: 'job names admins type in #暂停 日晒榜 and #设置 提醒 16:30' },
  { file: /^src\/bot\/router\.ts$/, literal: ['日报'], why: 'a message starting #日报 is a report, not a command' },
  { file: /^src\/bot\/handlers\/problems\.ts$/, literal: ['全部'], why: 'the keyword of #问题 全部' },
  { file: /^src\/bot\/handlers\/set\.ts$/, literal: ['预警'], why: 'the word that picks #设置 预警 over a job named 预警' },
  { file: /^src\/schedule\/admin\.ts$/, within: ['cronFor', 'describeCron'], why: 'the time notation admins type and read back (周一 9:00, 每月1日), also kept in the change log' },
  {
    file: /^src\/features\/registry\//,
    why: 'column headers matched in the registry file; its validation messages (for the CLI import) stay until the import-limits rework there lands',
  },
];

function tsFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return tsFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** The property a literal is the value of, directly or as an element of an array. */
function propertyOf(node: ts.Node): string | null {
  let p = node.parent;
  if (ts.isArrayLiteralExpression(p)) p = p.parent;
  return ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
}

/** The names of the functions (declared, or assigned to a const) around a node. */
function enclosing(node: ts.Node): string[] {
  const names: string[] = [];
  for (let n = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name && ts.isIdentifier(n.name)) names.push(n.name.text);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) names.push(n.name.text);
  }
  return names;
}

interface Literal {
  file: string;
  line: number;
  text: string;
  node: ts.Node;
}

function chineseLiterals(file: string, code: string): Literal[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.ES2022, true);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
    if (literal && CJK.test(node.getText(source))) {
      const text = ts.isTemplateExpression(node) ? node.getText(source) : node.text;
      found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text, node });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function allows(a: Allowance, l: Literal): boolean {
  if (!a.file.test(l.file)) return false;
  if (!a.property && !a.within && !a.literal) return true;
  const property = propertyOf(l.node);
  return (
    (!!a.property && property !== null && a.property.includes(property)) ||
    (!!a.within && enclosing(l.node).some((n) => a.within!.includes(n))) ||
    (!!a.literal && a.literal.includes(l.text))
  );
}

const inline = (literals: readonly Literal[]) => literals.filter((l) => !ALLOWED.some((a) => allows(a, l))).map((l) => `${l.file}:${l.line} ${l.text}`);

describe('wording stays in src/text', () => {
  const literals = SCANNED.flatMap(tsFiles).flatMap((f) => chineseLiterals(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));

  it('no Chinese literal in logic but the data allowed', () => {
    expect(inline(literals)).toEqual([]);
  });

  it('every allowance is still needed', () => {
    const unused = ALLOWED.filter((a) => !literals.some((l) => allows(a, l))).map((a) => a.why);
    expect(unused).toEqual([]);
  });

  it('finds wording in strings and templates, not in comments or data allowed in that file', () => {
    const code = [
      '// 日报 in a comment',
      "export const c = { name: '模板', aliases: ['范本'], run: () => ctx.reply(`已收到${name}日报`) };",
      "if (ctx.args === '全部') ctx.reply('没有问题。');",
    ].join('\n');
    expect(inline(chineseLiterals('src/bot/handlers/example.ts', code))).toEqual([
      'src/bot/handlers/example.ts:2 `已收到${name}日报`',
      // 全部 is allowed in problems.ts only.
      'src/bot/handlers/example.ts:3 全部',
      'src/bot/handlers/example.ts:3 没有问题。',
    ]);
  });
});
